"""Benchmark: the public site under load, against stock Wagtail in the same run.

Run by hand, with ./scripts/services up (PostgreSQL, Redis, OpenSearch):
    eval "$(./scripts/services env)"; .venv/bin/python bench/load.py [--items 20000]

Serves the production profile (gunicorn, PostgreSQL, Redis for the cache and the broker,
a Celery worker, OpenSearch) with the corpus laws as items, scaled up to --items, and
drives it from other processes on loopback, 16 concurrent clients:
- a mixed workload: item pages, catalogue pages, search queries, feed pages;
- item pages alone, with the page cache (the default) and without it; category pages
  without it;
- search queries alone (the public search page, OpenSearch);
- stock Wagtail (bench/settings_stock.py: Wagtail's own serve view, a plain page with the
  same title and body, no page cache) serving the same laws, as the baseline;
- the database queries per request of each kind, measured in-process on a page-cache miss.
Item requests follow a popularity curve: 80% go to 2% of the items (what the public reads
is mostly what is new), the rest anywhere. Throughput, p50/p95/p99 per kind and errors go
to bench/results/load.json.
"""

import argparse
import datetime
import http.client
import json
import multiprocessing
import os
import platform
import random
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.api import database_url, fresh_database, profile_env, scale_up  # noqa: E402
from bench.common import gunicorn, load_pages, percentile, shared_cache_clear  # noqa: E402

PORT, STOCK_PORT = 8767, 8768
DATABASE, STOCK_DATABASE = "cms_bench_load", "cms_bench_load_stock"
INDEX_PREFIX = "disclosure-bench-load-"
CLIENTS = 16
GENERATORS = 2  # client processes (16 threads in all): one Python process cannot keep up
WORKERS, THREADS = 3, 4
QUERIES = ["政府信息公开", "行政处罚", "预算", "安全生产", "环境保护", "人民政府", "行政许可",
           "监督检查", "公开", "信息公开"]  # fmt: skip
MIX = {"item": 0.6, "catalogue": 0.2, "search": 0.1, "feed": 0.1}


def serving_env(*, page_cache: bool) -> dict:
    return {
        **profile_env(DATABASE, port=PORT),
        "SEARCH_URL": os.environ["OPENSEARCH_URL"].replace("http://", "opensearch://"),
        "SEARCH_INDEX_PREFIX": INDEX_PREFIX,
        "SECURE_SSL_REDIRECT": "false",
        "PAGE_CACHE_SECONDS": "300" if page_cache else "0",
    }


def stock_env() -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings_stock",
        "DATABASE_URL": database_url(STOCK_DATABASE),
    }


# -- the load generator (runs in child processes) ----------------------------------------


def _client(port: int, paths: list[tuple[str, str]], seconds: float, seed: int, out: list):
    rng = random.Random(seed)
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        kind, path = rng.choice(paths)
        started = time.perf_counter()
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            status, cache = response.status, response.getheader("X-Page-Cache", "")
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException):
            status, cache = 0, ""
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        out.append((kind, (time.perf_counter() - started) * 1000, status, cache))


def _generator(port, paths, seconds, threads, seed, queue):
    out: list = []
    workers = [
        threading.Thread(target=_client, args=(port, paths, seconds, seed * 100 + n, out))
        for n in range(threads)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    queue.put(out)


def drive(port: int, paths: list[tuple[str, str]], seconds: float, clients=CLIENTS) -> dict:
    """``clients`` concurrent keep-alive clients for ``seconds``; figures per kind."""
    queue = multiprocessing.Queue()
    generators = min(GENERATORS, clients)
    processes = [
        multiprocessing.Process(
            target=_generator, args=(port, paths, seconds, clients // generators, n, queue)
        )
        for n in range(generators)
    ]
    started = time.perf_counter()
    for process in processes:
        process.start()
    samples = [sample for _ in processes for sample in queue.get()]
    for process in processes:
        process.join()
    elapsed = time.perf_counter() - started
    figures = {}
    for kind in sorted({sample[0] for sample in samples}):
        of_kind = [sample for sample in samples if sample[0] == kind]
        latencies = [sample[1] for sample in of_kind if sample[2] == 200]
        figures[kind] = {
            "requests": len(of_kind),
            "errors": sum(1 for sample in of_kind if sample[2] != 200),
            "requests_per_second": round(len(of_kind) / elapsed, 1),
            "p50_ms": round(percentile(latencies, 0.50), 1) if latencies else None,
            "p95_ms": round(percentile(latencies, 0.95), 1) if latencies else None,
            "p99_ms": round(percentile(latencies, 0.99), 1) if latencies else None,
        }
        hits = sum(1 for sample in of_kind if sample[3] == "hit")
        if any(sample[3] for sample in of_kind):
            figures[kind]["page_cache_hit_ratio"] = round(hits / len(of_kind), 3)
    return figures


def popular(urls: list[str], count: int, seed: int = 1) -> list[str]:
    """``count`` paths: 80% from the first 2% of ``urls`` (the newest), 20% from all."""
    rng = random.Random(seed)
    hot = urls[: max(1, len(urls) // 50)]
    return [rng.choice(hot) if rng.random() < 0.8 else rng.choice(urls) for _ in range(count)]


# -- the data ----------------------------------------------------------------------------


def serving_site(args) -> dict[str, list[str]]:
    """Load, scale and index the serving database (or, with --reuse, take the one a
    previous run left); the paths of each kind."""
    if not args.reuse:
        fresh_database(DATABASE)
    os.environ.update(serving_env(page_cache=True))
    import django

    django.setup()
    shared_cache_clear()
    from wagtail.models import Site

    from gov_disclosure.pages.models import (
        DisclosureCategoryPage,
        DisclosureIndexPage,
        DisclosureItemPage,
    )
    from gov_disclosure.pages.rendering import items_render
    from gov_disclosure.search.services import index_rebuild

    if not args.reuse:
        print("==> items from the corpus", flush=True)
        load_pages(args.corpus, args.limit)
        Site.objects.filter(is_default_site=True).update(
            root_page=DisclosureIndexPage.objects.get(), hostname="127.0.0.1", port=PORT
        )
        print(f"==> scaled to {args.items} items", flush=True)
        scale_up(args.items)
        print("==> search index (OpenSearch)", flush=True)
        started = time.perf_counter()
        indexed = index_rebuild()
        print(f"  {indexed} documents in {time.perf_counter() - started:.0f} s", flush=True)
    # What publication stores for each item (a reused database keeps what is current).
    print("==> item pages rendered and stored, as publication does", flush=True)
    started = time.perf_counter()
    rendered = items_render()
    print(f"  {rendered} rendered in {time.perf_counter() - started:.0f} s", flush=True)
    items = DisclosureItemPage.objects.live().count()
    site = Site.objects.get(is_default_site=True)
    newest_first = DisclosureItemPage.objects.live().order_by("-publish_date", "-pk")
    categories = list(DisclosureCategoryPage.objects.live())
    return {
        "count": items,
        "item": [page.get_url(current_site=site) for page in newest_first.specific(defer=True)],
        "catalogue": [
            f"{category.get_url(current_site=site)}?page={page}"
            for category in categories
            for page in range(1, 6)
        ],
        "search": [f"/disclosure/search/?q={urllib.parse.quote(query)}" for query in QUERIES]
        + [f"/disclosure/search/?q={urllib.parse.quote(query)}&page=2" for query in QUERIES],
        "feed": [f"/feeds/category/{category.pk}/rss/" for category in categories]
        + [f"/feeds/category/{category.pk}/atom/" for category in categories],
    }


def queries_per_request(paths: dict[str, list[str]]) -> dict[str, float]:
    """Database queries per request of each kind, in this process with the page cache
    emptied before each request (what a miss costs), over a few paths of each kind."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from gov_disclosure.page_cache.store import page_cache_clear

    client = Client(HTTP_HOST=f"127.0.0.1:{PORT}")
    figures = {}
    for kind in ("item", "catalogue", "search", "feed"):
        sample = paths[kind][:: max(1, len(paths[kind]) // 10)][:10]
        for path in sample:  # warm: the routing table, stored renderings, kept tables
            client.get(path)
        counts = []
        for path in sample:
            page_cache_clear()
            with CaptureQueriesContext(connection) as queries:
                assert client.get(path).status_code == 200, path
            counts.append(len(queries.captured_queries))
        figures[kind] = round(sum(counts) / len(counts), 1)
    return figures


def stock_queries_per_request(paths: list[str]) -> float:
    code = f"""
import django, json; django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1:{STOCK_PORT}")
counts = []
for path in {paths[:10]!r}:
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    counts.append(len(queries.captured_queries))
print(json.dumps(sum(counts) / len(counts)))
"""
    return _json_from(code)


def stock_site(args) -> list[str]:
    """The same laws as stock Wagtail pages, in their own database; their paths."""
    if args.reuse:
        code = (
            "import django, json; django.setup(); from bench.stock.models import StockPage;"
            "print(json.dumps(['/' + slug + '/' for slug in StockPage.objects.order_by('pk')"
            ".values_list('slug', flat=True)]))"
        )
        return _json_from(code)
    fresh_database(STOCK_DATABASE)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=stock_env(), check=True
    )
    code = f"""
import django, json; django.setup()
from itertools import islice
from pathlib import Path
from wagtail.models import Page, Site
from html import escape
from bench.stock.models import StockPage
from gov_disclosure.core.law_corpus import iter_laws, markdown_to_paragraphs
root = Page.get_first_root_node()
home = root.add_child(instance=Page(title="stock", slug="stock-home"))
Site.objects.update_or_create(is_default_site=True, defaults=dict(
    root_page=home, hostname="127.0.0.1", port={STOCK_PORT}))
paths = []
for law in islice(iter_laws(Path({str(args.corpus)!r})), {args.limit!r}):
    # The body the items have (gov_disclosure.demo.content._law_blocks), as one field.
    body = "".join(f"<{{'h3' if kind == 'heading' else 'p'}}>{{escape(text)}}"
                   f"</{{'h3' if kind == 'heading' else 'p'}}>"
                   for kind, text in markdown_to_paragraphs(law.body)[:60])
    page = home.add_child(instance=StockPage(title=law.title[:255], slug=f"law-{{law.id}}",
                                             body=body))
    paths.append("/" + page.slug + "/")
print(json.dumps(paths))
"""
    return _json_from(code)


def _json_from(code: str):
    """Run ``code`` in the stock site's Django; its last line of output, as JSON."""
    output = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=stock_env(),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def celery_worker() -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "cms", "worker", "--pool=solo", "-l", "warning"],
        cwd=ROOT,
        env=serving_env(page_cache=True),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/laws.jsonl.gz")
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--limit", type=int, help="only the first N laws (a quick trial run)")
    parser.add_argument("--seconds", type=float, default=30, help="length of each phase")
    parser.add_argument("--out", default="load.json", help="file name in bench/results/")
    parser.add_argument("--reuse", action="store_true",
                        help="measure the databases and index a previous run left")  # fmt: skip
    args = parser.parse_args()

    paths = serving_site(args)
    print("==> stock Wagtail site", flush=True)
    stock_paths = stock_site(args)
    n = 20_000
    item_paths = [("item", path) for path in popular(paths["item"], n)]
    mixed = [
        (kind, path)
        for kind, share in MIX.items()
        for path in (
            popular(paths["item"], int(n * share))
            if kind == "item"
            else [random.Random(i).choice(paths[kind]) for i in range(int(n * share))]
        )
    ]
    search_paths = [("search", path) for path in paths["search"]]
    catalogue_paths = [("catalogue", path) for path in paths["catalogue"]]
    # The ceiling of the page cache: only the popular items, every one stored after warm-up.
    hot = paths["item"][: max(1, len(paths["item"]) // 50)]
    hot_paths = [("item", path) for path in hot]
    stock_item_paths = [("item", path) for path in popular(stock_paths, n)]

    queries = queries_per_request(paths)
    queries["stock_item"] = stock_queries_per_request(stock_paths)
    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores (server and clients share them)",
        "date": datetime.date.today().isoformat(),
        "items": paths["count"],
        "stock_pages": len(stock_paths),
        "server": f"gunicorn {WORKERS} workers × {THREADS} threads (gthread), PostgreSQL, "
        "Redis, a Celery worker, OpenSearch; production profile",
        "clients": f"{CLIENTS} keep-alive clients in {GENERATORS} processes on loopback",
        "seconds_per_phase": args.seconds,
        "queries_per_request": queries,
        "out": args.out,
    }
    worker = celery_worker()
    try:
        for label, page_cache, phases in (
            ("with_page_cache", True, [("mixed", mixed), ("items", item_paths),
                                       ("popular_items_only", hot_paths),
                                       ("search", search_paths)]),
            ("without_page_cache", False, [("items", item_paths),
                                           ("catalogue", catalogue_paths)]),
        ):  # fmt: skip
            server = gunicorn(
                {**serving_env(page_cache=page_cache), "GUNICORN_CMD_ARGS": gthread()},
                port=PORT,
                workers=WORKERS,
            )
            try:
                drive(PORT, item_paths[:200], 5)  # warm the workers up
                results[label] = {}
                for name, workload in phases:
                    print(f"==> {label}: {name}", flush=True)
                    if name == "popular_items_only":
                        drive(PORT, workload, 5)  # every popular item stored once
                    results[label][name] = drive(PORT, workload, args.seconds)
                    write(results)
                if page_cache:
                    # One query at a time: the latency of a search without queueing.
                    print(f"==> {label}: search, one client", flush=True)
                    results[label]["search_one_client"] = drive(
                        PORT, search_paths, args.seconds, clients=1
                    )
                    write(results)
            finally:
                stop(server)
        print("==> stock Wagtail: items", flush=True)
        server = gunicorn(
            {**stock_env(), "GUNICORN_CMD_ARGS": gthread()}, port=STOCK_PORT, workers=WORKERS
        )
        try:
            drive(STOCK_PORT, stock_item_paths[:200], 5)
            results["stock_wagtail"] = {"items": drive(STOCK_PORT, stock_item_paths, args.seconds)}
            write(results)
        finally:
            stop(server)
    finally:
        stop(worker)
    print(json.dumps(results, ensure_ascii=False, indent=2))


def write(results: dict) -> None:
    """After every phase: a run stopped later keeps what it measured."""
    out = ROOT / "bench" / "results" / results["out"]
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=30)


def gthread() -> str:
    return f"--worker-class gthread --threads {THREADS}"


if __name__ == "__main__":
    main()
