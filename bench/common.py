"""What the benchmarks share: the corpus as live items, a gunicorn server, percentiles."""

import datetime
import http.client
import subprocess
import sys
import threading
import time
import urllib.parse
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def shared_cache_clear() -> None:
    """Empty the cache (after ``django.setup()``): the benches share one (Redis), and what
    another bench's database left there (Wagtail's site root paths, the routing table,
    kept pages) must not be read."""
    from django.core.cache import cache

    cache.clear()


def load_pages(corpus: Path, limit: int | None) -> int:
    """Every corpus law as a live item (created live: the workflow is not what is measured)."""
    from wagtail.models import Page

    from gov_disclosure.core.law_corpus import iter_laws
    from gov_disclosure.demo.content import _law_blocks, _summary_of
    from gov_disclosure.search.corpus import _date
    from tests.factories import AgencyFactory, CategoryFactory, DepartmentFactory, ItemFactory

    agency = AgencyFactory(parent=Page.get_first_root_node(), live=True)
    category = CategoryFactory(parent=agency, title="法规公文", code="02", live=True)
    department = DepartmentFactory(agency=agency, name="党政办公室", code="DZB")
    count = 0
    for law in islice(iter_laws(corpus), limit):
        published = (_date(law.dates[-1]) if law.dates else None) or datetime.date(2012, 1, 1)
        ItemFactory(
            parent=category, live=True, title=law.title[:255], slug=f"law-{law.id}",
            summary=_summary_of(law.body), body=_law_blocks(law), publisher=department,
            written_date=published, publish_date=published, index_number=f"B/{law.id:05d}",
        )  # fmt: skip
        count += 1
        if count % 500 == 0:
            print(f"  [{count}] pages", flush=True)
    return count


def gunicorn(env: dict, *, port: int, workers: int) -> subprocess.Popen:
    """The app under gunicorn on ``port``, once it answers /healthz."""
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "-b", f"127.0.0.1:{port}",
         "-w", str(workers), "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/healthz")
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def search_load(port: int, texts: list[str], *, clients: int, per_client: int, warmup: int) -> dict:
    """``GET /api/search/?q=…`` from ``clients`` threads, each cycling through ``texts``
    from its own offset; p50/p95 of all but each client's first ``warmup`` requests."""
    timings: list[float] = []
    errors = 0
    lock = threading.Lock()

    def client(offset: int) -> None:
        nonlocal errors
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for n in range(per_client + warmup):
            query = urllib.parse.urlencode({"q": texts[(offset * 7 + n) % len(texts)]})
            started = time.perf_counter()
            connection.request("GET", f"/api/search/?{query}", headers={"Host": "127.0.0.1"})
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            with lock:
                if response.status != 200:
                    errors += 1
                elif n >= warmup:  # the first requests warm the workers up
                    timings.append(elapsed)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {
        "requests": len(timings), "errors": errors,
        "p50_ms": round(percentile(timings, 0.5) * 1000, 1),
        "p95_ms": round(percentile(timings, 0.95) * 1000, 1),
        "requests_per_second": round((len(timings) + errors) / wall, 1),
    }  # fmt: skip
