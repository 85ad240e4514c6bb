"""Benchmark: what sealing the audit log costs (gov_disclosure.security.audit_chain), in the
same run, on PostgreSQL: log entries written with the seal and with it switched off, one per
transaction (as admin actions write them) and many in one transaction (a bulk action), and
how fast ``audit_verify`` reads the chain.

Run by hand, with ./scripts/services up:
    eval "$(./scripts/services env)"; .venv/bin/python bench/audit_seal.py [--entries 3000]

Figures go to bench/results/audit-seal.json.
"""

import argparse
import datetime
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.api import fresh_database, profile_env  # noqa: E402

DATABASE = "cms_bench_audit"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=3000)
    args = parser.parse_args()

    fresh_database(DATABASE)
    os.environ.update(profile_env(DATABASE))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.db.models.signals import post_save
    from wagtail.log_actions import log
    from wagtail.models import ModelLogEntry

    from gov_disclosure.security import signal_handlers
    from gov_disclosure.security.audit_chain import chain_verify

    user = get_user_model().objects.create_user("bench", password="x")

    def write(count: int, *, per_transaction: bool) -> float:
        started = time.perf_counter()
        if per_transaction:
            for n in range(count):
                with transaction.atomic():
                    log(instance=user, action="wagtail.edit", user=user, data={"n": n})
        else:
            with transaction.atomic():
                for n in range(count):
                    log(instance=user, action="wagtail.edit", user=user, data={"n": n})
        return (time.perf_counter() - started) * 1000 / count

    def measure() -> dict:
        return {
            "ms_per_entry_own_transaction": round(write(args.entries, per_transaction=True), 3),
            "ms_per_entry_one_transaction": round(write(args.entries, per_transaction=False), 3),
        }

    write(200, per_transaction=True)  # warm up connections and caches
    sealed = measure()
    uid = "seal-ModelLogEntry"  # as signal_handlers connects it
    assert post_save.disconnect(sender=ModelLogEntry, dispatch_uid=uid)
    unsealed = measure()
    post_save.connect(signal_handlers._log_entry_saved, sender=ModelLogEntry, dispatch_uid=uid)
    sealed_again = measure()  # order effects: sealed before and after

    started = time.perf_counter()
    report = chain_verify()
    verify_seconds = time.perf_counter() - started

    result = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "date": datetime.date.today().isoformat(),
        "server": "in-process Django (production profile), PostgreSQL",
        "entries_per_measure": args.entries,
        "sealed": sealed,
        "unsealed": unsealed,
        "sealed_again": sealed_again,
        "verify": {
            "entries": report.entries,
            "seconds": round(verify_seconds, 2),
            "entries_per_second": round(report.entries / verify_seconds),
            "intact": report.intact,
        },
        "note": "the unsealed entries are reported by audit_verify as never sealed, as they should",
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    out = ROOT / "bench" / "results" / "audit-seal.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
