"""Benchmark: importing an old system's catalogue (gov_disclosure.imports) against creating
the same pages one by one with Wagtail's ``add_child``, in the same run, on PostgreSQL.

Run by hand, with ./scripts/services up (PostgreSQL, Redis):
    eval "$(./scripts/services env)"; .venv/bin/python bench/import_catalogue.py

The corpus laws become an export (CSV, one row per law: 索引号, 名称, 分类, 发布机构, dates,
内容概述, 正文), without attachments. Timed in this process, in the production profile
(tasks queued to Redis, as on a site with Celery workers): the check of every row (the dry
run), the import, a second import of the same file (nothing to do), and the baseline:
each row's page made live with ``add_child`` and given its revision with
``save_revision()`` as its live revision (what the import makes; an item cannot be
published outside the workflow, which is not what is compared). Figures go to
bench/results/import.json.
"""

import argparse
import csv
import datetime
import io
import json
import os
import platform
import sys
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.api import fresh_database, profile_env  # noqa: E402
from bench.common import shared_cache_clear  # noqa: E402

DATABASE = "cms_bench_import"


def export_rows(corpus: Path, limit: int | None, *, org_code: str) -> list[dict]:
    from gov_disclosure.core.law_corpus import iter_laws
    from gov_disclosure.demo.content import _summary_of
    from gov_disclosure.search.corpus import _date

    rows = []
    serials: dict[int, int] = {}
    for law in islice(iter_laws(corpus), limit):
        day = (_date(law.dates[-1]) if law.dates else None) or datetime.date(2012, 1, 1)
        serials[day.year] = serials.get(day.year, 0) + 1
        paragraphs = [line.strip() for line in law.body.splitlines() if line.strip()][:40]
        rows.append(
            {
                "索引号": f"{org_code}/{day.year}-{serials[day.year]:05d}",
                "名称": law.title[:255],
                "分类": "02",
                "发布机构": "党政办公室",
                "主题分类": "综合政务",
                "体裁分类": "其他政策文件",
                "成文日期": day.isoformat(),
                "发布日期": day.isoformat(),
                "内容概述": _summary_of(law.body),
                "正文": "\n".join(paragraphs),
            }
        )
    return rows


def csv_of(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/laws.jsonl.gz")
    parser.add_argument("--limit", type=int, help="only the first N laws (a quick trial run)")
    parser.add_argument("--chunk", type=int, default=500)
    args = parser.parse_args()

    fresh_database(DATABASE)
    os.environ.update(profile_env(DATABASE))
    import django

    django.setup()
    shared_cache_clear()
    from django.contrib.auth import get_user_model
    from wagtail.models import Page

    from gov_disclosure.imports.attachment_files import attachment_source
    from gov_disclosure.imports.rows import body_blocks, rows_check
    from gov_disclosure.imports.services import batch_record, catalogue_import
    from gov_disclosure.imports.table import parse_date, table_read
    from gov_disclosure.pages.models import DisclosureItemPage
    from tests.factories import AgencyFactory, CategoryFactory, DepartmentFactory

    user = get_user_model().objects.create_superuser("bench", "bench@example.gov.cn", "x")
    agency = AgencyFactory(parent=Page.get_first_root_node(), live=True)
    CategoryFactory(parent=agency, title="法规公文", code="02", live=True)  # the rows' 分类
    baseline_into = CategoryFactory(parent=agency, title="逐条创建", code="03", live=True)
    department = DepartmentFactory(agency=agency, name="党政办公室", code="DZB")
    rows = export_rows(args.corpus, args.limit, org_code=agency.org_code)
    data = csv_of(rows)
    print(f"==> {len(rows)} rows, {len(data) / 1e6:.1f} MB", flush=True)
    attachments = attachment_source(None)

    started = time.perf_counter()
    table = table_read(data, name="export.csv")
    checked = rows_check(agency=agency, table=table, attachments=attachments)
    check_seconds = time.perf_counter() - started
    assert not checked.errors, checked.problems()[:3]
    batch = batch_record(
        agency=agency, user=user, checked=checked, file_name="export.csv", data=data
    )
    started = time.perf_counter()
    result = catalogue_import(
        batch=batch, checked=checked, attachments=attachments, user=user, chunk_rows=args.chunk
    )
    import_seconds = time.perf_counter() - started
    assert result.imported == len(rows)

    started = time.perf_counter()
    again = rows_check(agency=agency, table=table_read(data, name="export.csv"),
                       attachments=attachments)  # fmt: skip
    rerun_seconds = time.perf_counter() - started
    assert again.already_imported == len(rows)

    print("==> baseline: add_child one by one", flush=True)
    started = time.perf_counter()
    for n, row in enumerate(rows):
        blocks, _text = body_blocks(row["正文"])
        day = parse_date(row["发布日期"])
        page = baseline_into.add_child(
            instance=DisclosureItemPage(
                title=row["名称"], slug=f"b{n}", subject="综合政务", genre="其他政策文件",
                publisher=department, written_date=day, publish_date=day,
                summary=row["内容概述"], body=blocks, index_number=f"B/{n:05d}", live=True,
                owner=user,
            )
        )  # fmt: skip
        revision = page.save_revision(user=user)
        Page.objects.filter(pk=page.pk).update(live_revision=revision)
    baseline_seconds = time.perf_counter() - started

    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "date": datetime.date.today().isoformat(),
        "rows": len(rows),
        "export_mb": round(len(data) / 1e6, 1),
        "server": "in-process Django (production profile), PostgreSQL, tasks queued to Redis",
        "check_seconds": round(check_seconds, 2),
        "import": {
            "seconds": round(import_seconds, 2),
            "items_per_second": round(len(rows) / import_seconds, 1),
            "chunk_rows": args.chunk,
        },
        "reimport_check_seconds": round(rerun_seconds, 2),
        "add_child_one_by_one": {
            "seconds": round(baseline_seconds, 2),
            "items_per_second": round(len(rows) / baseline_seconds, 1),
        },
        "speedup": round(baseline_seconds / import_seconds, 1),
    }
    out = ROOT / "bench" / "results" / "import.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
