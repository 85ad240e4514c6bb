"""Benchmark: full-text search on the 3,471 corpus laws, then scaled to 100,000 on OpenSearch.

Run by hand, with ./scripts/services up (OpenSearch, Redis):
    eval "$(./scripts/services env)"; .venv/bin/python bench/search.py [--scale 100000]

In one run it measures, on the same data:
- recall against substring truth for stock Wagtail search (its SQLite full-text
  backend), our database engine and OpenSearch, for a fixed list of queries;
- reindex throughput (``index_rebuild`` from the live pages, documents/s);
- query latency p50/p95 through ``GET /api/search/`` served by gunicorn, 8 clients;
- publish-to-searchable delay: items published through the workflow, indexed by a
  real Celery worker on Redis, polled until OpenSearch finds them;
- then the corpus repeated up to ``--scale`` documents on OpenSearch: bulk-load
  throughput and the same latency measurement.
The data lives in a throwaway SQLite file under var/bench/. Figures go to
bench/results/search.json.
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import gunicorn, load_pages, percentile, search_load  # noqa: E402

BENCH_DB = ROOT / "var" / "bench" / "search.sqlite3"
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings_search"
os.environ["DATABASE_URL"] = f"sqlite:///{BENCH_DB}"
os.environ["CELERY_TASK_ALWAYS_EAGER"] = "false"
OPENSEARCH = os.environ.get("OPENSEARCH_URL", "http://127.0.0.1:9200")
PREFIX = "disclosure-bench-"

QUERIES = ["公开", "政府信息公开", "信息公开", "行政处罚", "预算", "安全生产", "环境保护",
           "人民政府", "行政许可", "监督检查"]  # fmt: skip
CLIENTS = 8
REQUESTS_PER_CLIENT = 50
PUBLICATIONS = 20
PORT = 8765


def fresh_database() -> None:
    BENCH_DB.parent.mkdir(parents=True, exist_ok=True)
    BENCH_DB.unlink(missing_ok=True)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def use_engine(url: str) -> None:
    from django.conf import settings

    settings.GOV_DISCLOSURE = {
        **settings.GOV_DISCLOSURE,
        "SEARCH_URL": url,
        "SEARCH_INDEX_PREFIX": PREFIX,
    }


def recall(found: set[str], truth: set[str]) -> float:
    return len(found & truth) / len(truth) if truth else 1.0


def engine_recall(truths: dict[str, set[str]]) -> dict[str, float]:
    from gov_disclosure.search.engines import current_engine
    from gov_disclosure.search.queries import item_search

    engine = current_engine()
    result = {}
    for text in QUERIES:
        search = item_search(text=text, index=engine.alias).extra(size=10_000, _source=False)
        ids = {hit["_id"] for hit in engine.execute(search)["hits"]["hits"]}
        result[text] = round(recall(ids, truths[text]), 4)
    return result


def stock_recall(truths: dict[str, set[str]]) -> dict[str, float]:
    from gov_disclosure.pages.models import DisclosureItemPage

    result = {}
    for text in QUERIES:
        found = DisclosureItemPage.objects.live().search(text, backend="stock")
        result[text] = round(recall({str(page.pk) for page in found}, truths[text]), 4)
    return result


def rebuild() -> dict:
    from gov_disclosure.search.services import index_rebuild

    started = time.perf_counter()
    written = index_rebuild()
    seconds = time.perf_counter() - started
    return {
        "documents": written,
        "seconds": round(seconds, 2),
        "per_second": round(written / seconds),
    }  # noqa: E501


def serve(search_url: str):
    env = {**os.environ, "SEARCH_URL": search_url, "SEARCH_INDEX_PREFIX": PREFIX, "DEBUG": "false"}
    return gunicorn(env, port=PORT, workers=4)


def http_latency(search_url: str) -> dict:
    """p50/p95 of /api/search/ at CLIENTS concurrent clients, cycling through QUERIES."""
    server = serve(search_url)
    try:
        return search_load(PORT, QUERIES, clients=CLIENTS, per_client=REQUESTS_PER_CLIENT, warmup=5)
    finally:
        server.terminate()
        server.wait(timeout=30)


def publish_to_searchable(search_url: str) -> dict:
    """Publish items through the workflow; a real worker indexes them; poll until found."""
    from cms.celery import app
    from gov_disclosure.pages.models import Department, DisclosureCategoryPage
    from gov_disclosure.search.engines import current_engine
    from gov_disclosure.search.queries import item_search
    from tests.factories import ItemFactory
    from tests.workflow import publish_through_workflow

    env = {**os.environ, "SEARCH_URL": search_url, "SEARCH_INDEX_PREFIX": PREFIX}
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "cms", "worker", "--pool=solo", "-l", "warning",
         "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    app.conf.task_always_eager = False
    app.control.purge()  # tasks queued while no worker ran (the old pages' removals)
    delays = []
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=0.5):
            if time.monotonic() > deadline:
                raise RuntimeError("the Celery worker did not start")
        category = DisclosureCategoryPage.objects.get(code="02")
        department = Department.objects.get(code="DZB")
        engine = current_engine()
        for n in range(PUBLICATIONS):
            title = f"基准测试发布的第{n}号信息公开通知"
            item = ItemFactory(
                parent=category, title=title, slug=f"bench-{n}", publisher=department
            )
            publish_through_workflow(item)  # returns after commit: the task is queued
            published = time.perf_counter()
            while not engine.execute(item_search(text=title, index=engine.alias))["hits"]["hits"]:
                if time.perf_counter() - published > 30:
                    raise RuntimeError(f"{title} was not searchable after 30 s")
                time.sleep(0.01)
            delays.append(time.perf_counter() - published)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    return {
        "publications": len(delays),
        "p50_ms": round(percentile(delays, 0.5) * 1000),
        "p95_ms": round(percentile(delays, 0.95) * 1000),
    }


def scale_up(documents: list[dict], target: int) -> dict:
    """The corpus documents repeated (new ids) up to ``target``, bulk-loaded into a new index."""
    from gov_disclosure.search.engines import current_engine

    engine = current_engine()

    def repeated():
        for n in range(target):
            original = documents[n % len(documents)]
            yield {**original, "id": 10_000_000 + n}

    name = engine.index_create()
    started = time.perf_counter()
    written = engine.documents_load(name, repeated())
    seconds = time.perf_counter() - started
    engine.index_publish(name)
    return {
        "documents": written,
        "seconds": round(seconds, 1),
        "per_second": round(written / seconds),
    }  # noqa: E501


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/laws.jsonl.gz")
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--limit", type=int, help="only the first N laws (a quick trial run)")
    parser.add_argument(
        "--reuse-pages", action="store_true", help="keep the pages of the previous run's database"
    )
    args = parser.parse_args()
    opensearch_url = OPENSEARCH.replace("http://", "opensearch://")

    if args.reuse_pages and BENCH_DB.exists():
        print("==> the previous run's pages", flush=True)
        import django

        django.setup()
        from gov_disclosure.pages.models import DisclosureItemPage

        for page in DisclosureItemPage.objects.filter(slug__startswith="bench-"):
            page.delete()  # the previous run's publications
    else:
        print("==> fresh database and pages", flush=True)
        fresh_database()
        started = time.perf_counter()
        pages = load_pages(args.corpus, args.limit)
        print(f"  {pages} pages in {time.perf_counter() - started:.0f} s", flush=True)

    from gov_disclosure.search.corpus import substring_truth
    from gov_disclosure.search.selectors import DocumentBuilder, searchable_pages

    builder = DocumentBuilder(with_attachments=False)
    documents = [builder.document(page) for page in searchable_pages()]
    truths = {text: substring_truth(documents, text) for text in QUERIES}
    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "date": datetime.date.today().isoformat(),
        "documents": len(documents),
        "truth_counts": {text: len(truth) for text, truth in truths.items()},
    }

    print("==> stock Wagtail search (SQLite full-text backend)", flush=True)
    results["stock_wagtail"] = {"recall": stock_recall(truths)}

    print("==> database engine", flush=True)
    use_engine("")
    results["database"] = {"reindex": rebuild(), "recall": engine_recall(truths)}
    results["database"]["latency"] = http_latency("")

    print("==> OpenSearch", flush=True)
    use_engine(opensearch_url)
    from gov_disclosure.search.engines import current_engine

    current_engine().indexes_drop()
    results["opensearch"] = {"reindex": rebuild(), "recall": engine_recall(truths)}
    results["opensearch"]["latency"] = http_latency(opensearch_url)
    results["opensearch"]["publish_to_searchable"] = publish_to_searchable(opensearch_url)

    print(f"==> OpenSearch at {args.scale} documents", flush=True)
    results["opensearch_scaled"] = {"bulk_load": scale_up(documents, args.scale)}
    results["opensearch_scaled"]["latency"] = http_latency(opensearch_url)
    current_engine().indexes_drop()

    for name in ("stock_wagtail", "database", "opensearch"):
        recalls = results[name]["recall"]
        results[name]["recall_mean"] = round(statistics.mean(recalls.values()), 4)
    out = ROOT / "bench" / "results" / "search.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
