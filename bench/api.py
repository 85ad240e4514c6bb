"""Benchmark: synchronising a catalogue through our feed versus stock Wagtail API v2.

Run by hand, with ./scripts/services up (PostgreSQL, Redis):
    eval "$(./scripts/services env)"; .venv/bin/python bench/api.py [--scale 100000]

In one run, on the same data (the 3,471 corpus laws, then repeated up to --scale items),
served by gunicorn on PostgreSQL in the production profile:
- building the feed's records (``feed_reconcile --fix``), records/s;
- a full pull through /api/disclosure/v1/items/ (limit 1000, compressed as the client
  asks: requests with backports.zstd asks for zstd) by one sequential client, items/s,
  against the same client paging through stock Wagtail API v2
  (/api/v2/pages/?type=…&fields=*, its default limit of 20); at the corpus size the
  median of --repeat pulls of each;
- a district site's full sync (``source_sync`` into its own database: mirrors written
  and indexed), items/s, at the corpus size;
- 100 changes published, then pulled incrementally: the client's pull and the
  district's sync of them, seconds.
Figures go to bench/results/api.json.
"""

import argparse
import base64
import datetime
import json
import os
import platform
import secrets
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import redis
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import gunicorn, load_pages, shared_cache_clear  # noqa: E402

PORT = 8766
SERVING_DB, DISTRICT_DB = "cms_bench_api", "cms_bench_api_district"
STOCK_URL = "/api/v2/pages/?type=disclosure_pages.DisclosureItemPage&fields=*"
CHANGES = 100
DISTRICT_BROKER = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0").rsplit("/", 1)[0] + "/4"


def database_url(name: str) -> str:
    return os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + name


_RUN_KEYS = [base64.urlsafe_b64encode(secrets.token_bytes(32)).decode() for _ in range(2)]


def profile_env(database: str, *, port: int = 80) -> dict:
    """The production profile on a bench database (bench/settings_api.py), its canonical
    address http://127.0.0.1:``port`` (production requires one)."""
    redis = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0").rsplit("/", 1)[0]
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings_api",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url(database),
        "CELERY_BROKER_URL": f"{redis}/0",
        "CACHE_URL": f"{redis}/3",
        "SEARCH_URL": "",
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        # One pair per bench run: every process of the run reads what the others wrote.
        "PERSONAL_DATA_KEYS": _RUN_KEYS[0],
        "AUDIT_LOG_KEYS": _RUN_KEYS[1],
    }


def fresh_database(name: str) -> None:
    admin = database_url("postgres").replace("postgres://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        db.execute(f'CREATE DATABASE "{name}"')
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=profile_env(name), check=True
    )


def build_feed() -> dict:
    from gov_disclosure.api.services import feed_reconcile

    started = time.perf_counter()
    drift = feed_reconcile(fix=True)
    seconds = time.perf_counter() - started
    return {"records": len(drift.stale), "seconds": round(seconds, 1),
            "per_second": round(len(drift.stale) / seconds)}  # fmt: skip


def scale_up(target: int) -> int:
    """Copy the corpus items into more categories, in SQL, until ``target`` items exist."""
    from django.db import connection, transaction
    from wagtail.models import Page

    from gov_disclosure.pages.models import DisclosureCategoryPage, DisclosureItemPage
    from tests.factories import CategoryFactory

    base = DisclosureCategoryPage.objects.get(code="02")
    per_copy = DisclosureItemPage.objects.child_of(base).count()
    # Copied as they are, except what must differ per page or cannot be shared.
    own = ("id", "path", "url_path", "live_revision_id", "translation_key")
    page_columns = [f.column for f in Page._meta.local_concrete_fields if f.column not in own]
    item_columns = [
        f.column
        for f in DisclosureItemPage._meta.local_concrete_fields
        if f.column not in ("page_ptr_id", "index_number")
    ]
    copy = 1
    while DisclosureItemPage.objects.count() < target:
        with transaction.atomic():
            category = CategoryFactory(
                parent=base.get_parent(),
                title=f"法规公文（副本{copy}）",
                code=f"C{copy}",
                live=True,
            )
            columns = ", ".join(page_columns)
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO wagtailcore_page (path, url_path, translation_key, {columns}) "
                    f"SELECT %s || substr(path, %s), %s || substr(url_path, %s), "
                    f"gen_random_uuid(), {columns} "
                    f"FROM wagtailcore_page WHERE path LIKE %s AND depth = %s",
                    [category.path, len(base.path) + 1, category.url_path,
                     len(base.url_path) + 1, base.path + "%", base.depth + 1],
                )  # fmt: skip
                items = ", ".join(f"old.{c}" for c in item_columns)
                cursor.execute(
                    f"INSERT INTO disclosure_pages_disclosureitempage "
                    f"(page_ptr_id, index_number, {', '.join(item_columns)}) "
                    f"SELECT new.id, old.index_number || %s, {items} "
                    f"FROM wagtailcore_page new JOIN wagtailcore_page base "
                    f"ON base.path = %s || substr(new.path, %s) "
                    f"JOIN disclosure_pages_disclosureitempage old ON old.page_ptr_id = base.id "
                    f"WHERE new.path LIKE %s AND new.depth = %s",
                    [f"-{copy}", base.path, len(category.path) + 1, category.path + "%",
                     category.depth + 1],
                )  # fmt: skip
            DisclosureCategoryPage.objects.filter(pk=category.pk).update(numchild=per_copy)
        copy += 1
        print(f"  [{DisclosureItemPage.objects.count()}] items", flush=True)
    return DisclosureItemPage.objects.count()


def pull(session: requests.Session, first_url: str, *, max_seconds: float | None = None) -> dict:
    """Follow a listing to its end as one sequential client; items/s."""
    base = f"http://127.0.0.1:{PORT}"
    for _worker in range(4):  # warm both gunicorn workers up: their first request is slow
        session.get(base + first_url.replace("limit=1000", "limit=1"), timeout=60)
    started, items, requests_made, url, cursor = time.perf_counter(), 0, 0, first_url, None
    while url:
        response = session.get(base + url, timeout=300)
        response.raise_for_status()
        data = response.json()
        requests_made += 1
        if "results" in data:  # our feed
            items += len(data["results"])
            cursor = data["next_cursor"]
            url = (
                f"/api/disclosure/v1/items/?limit=1000&cursor={cursor}"
                if data["has_more"]
                else None
            )
        else:  # stock API v2: offset pages
            items += len(data["items"])
            offset = first_url_offset(url) + len(data["items"])
            url = f"{STOCK_URL}&offset={offset}" if offset < data["meta"]["total_count"] else None
        if max_seconds and time.perf_counter() - started > max_seconds:
            break
    seconds = time.perf_counter() - started
    return {"items": items, "requests": requests_made, "seconds": round(seconds, 2),
            "items_per_second": round(items / seconds), "complete": url is None,
            "cursor": cursor}  # fmt: skip


def median_pull(session: requests.Session, first_url: str, repeat: int) -> dict:
    pulls = sorted(
        (pull(session, first_url) for _ in range(repeat)), key=lambda p: p["items_per_second"]
    )
    return {**pulls[len(pulls) // 2], "pulls": [p["items_per_second"] for p in pulls]}


def first_url_offset(url: str) -> int:
    return int(url.split("offset=")[1]) if "offset=" in url else 0


def district_sync(key: str, *, page_size: int = 1000) -> dict:
    """The district's own process syncs its source; it times ``source_sync`` alone."""
    code = (
        "import django, json, time; django.setup();"
        "from gov_disclosure.aggregation.models import Source;"
        "from gov_disclosure.aggregation.services import source_sync;"
        "s = Source.objects.get(); t = time.perf_counter();"
        f"r = source_sync(source=s, page_size={page_size});"
        "print(json.dumps({'seconds': time.perf_counter() - t, 'records': r.records,"
        " 'upserted': r.upserted, 'error': r.error}))"
    )
    # As in production, indexing the mirrors is queued for a worker (here: none, and the
    # queue is dropped); the search benchmark measures indexing.
    env = {**profile_env(DISTRICT_DB), "CELERY_BROKER_URL": DISTRICT_BROKER}
    output = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout
    redis.Redis.from_url(DISTRICT_BROKER).flushdb()
    result = json.loads(output.strip().splitlines()[-1])
    assert not result["error"], result["error"]
    result["seconds"] = round(result["seconds"], 3)
    if result["records"]:
        result["items_per_second"] = round(result["records"] / result["seconds"])
    return result


def publish_changes(count: int) -> None:
    """Editors change ``count`` items: new titles, feed entries rewritten as a publish does."""
    from gov_disclosure.api.services import feed_items_refresh
    from gov_disclosure.pages.models import DisclosureItemPage

    ids = list(DisclosureItemPage.objects.order_by("?").values_list("pk", flat=True)[:count])
    for pk in ids:
        DisclosureItemPage.objects.filter(pk=pk).update(title=f"修订 {pk}")
        feed_items_refresh(item_ids=[pk])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/laws.jsonl.gz")
    parser.add_argument("--scale", type=int, default=100_000)
    parser.add_argument("--limit", type=int, help="only the first N laws (a quick trial run)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="full pulls at the corpus size (the median is reported)")  # fmt: skip
    parser.add_argument("--stock-max-seconds", type=float, default=1800,
                        help="stop paging stock API v2 after this long at --scale")  # fmt: skip
    args = parser.parse_args()

    print("==> fresh serving and district databases", flush=True)
    fresh_database(SERVING_DB)
    fresh_database(DISTRICT_DB)
    os.environ.update(profile_env(SERVING_DB, port=PORT))
    import django

    django.setup()
    shared_cache_clear()
    from gov_disclosure.api.models import ConsumerKey, Scope
    from gov_disclosure.api.services import consumer_key_issue

    started = time.perf_counter()
    corpus_items = load_pages(args.corpus, args.limit)
    print(f"  {corpus_items} items in {time.perf_counter() - started:.0f} s", flush=True)
    # The catalogue is the site, as on a subdistrict's server: both APIs list its pages.
    from wagtail.models import Site

    from gov_disclosure.pages.models import DisclosureIndexPage

    Site.objects.filter(is_default_site=True).update(
        root_page=DisclosureIndexPage.objects.get(), hostname="127.0.0.1", port=PORT
    )
    key = consumer_key_issue(
        consumer_key=ConsumerKey(name="bench", scopes=[Scope.FEED, Scope.CONTENT],
                                 rate_per_minute=10_000_000),
        issued_by=None,
    )  # fmt: skip
    subprocess.run(
        [sys.executable, "manage.py", "add_source", "bench", f"http://127.0.0.1:{PORT}",
         "--api-key-env", "BENCH_KEY"],
        cwd=ROOT, env={**profile_env(DISTRICT_DB), "BENCH_KEY": key}, check=True,
    )  # fmt: skip
    session = requests.Session()
    session.headers["X-API-Key"] = key
    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "date": datetime.date.today().isoformat(),
        "server": "gunicorn, 2 workers, PostgreSQL, production profile",
    }

    print("==> feed records for the corpus", flush=True)
    results["corpus"] = {"items": corpus_items, "feed_build": build_feed()}
    server = gunicorn(profile_env(SERVING_DB, port=PORT), port=PORT, workers=2)
    try:
        print("==> full pulls at the corpus size", flush=True)
        corpus = results["corpus"]
        # The median of a few pulls: the feed's takes well under a second.
        corpus["stock_api_v2"] = median_pull(session, STOCK_URL, args.repeat)
        corpus["feed"] = median_pull(session, "/api/disclosure/v1/items/?limit=1000", args.repeat)
        corpus["speedup"] = round(
            corpus["feed"]["items_per_second"] / corpus["stock_api_v2"]["items_per_second"], 1
        )
        print("==> the district's full sync", flush=True)
        corpus["district_full_sync"] = district_sync(key)
        print(f"==> {CHANGES} changes, pulled incrementally", flush=True)
        cursor = corpus["feed"]["cursor"]
        publish_changes(CHANGES)
        started = time.perf_counter()
        changes = session.get(
            f"http://127.0.0.1:{PORT}/api/disclosure/v1/changes/?limit=1000&cursor={cursor}"
        ).json()["results"]
        corpus["incremental"] = {
            "changes": len(changes),
            "client_pull_seconds": round(time.perf_counter() - started, 3),
            "district_sync": district_sync(key),
        }
        for value in (corpus["feed"], corpus["stock_api_v2"]):
            value.pop("cursor")
    finally:
        server.terminate()
        server.wait(timeout=30)

    print(f"==> scaled to {args.scale} items", flush=True)
    scaled = {"items": scale_up(args.scale)}
    scaled["feed_build"] = build_feed()
    server = gunicorn(profile_env(SERVING_DB, port=PORT), port=PORT, workers=2)
    try:
        print("==> full pulls at scale", flush=True)
        scaled["feed"] = pull(session, "/api/disclosure/v1/items/?limit=1000")
        scaled["stock_api_v2"] = pull(session, STOCK_URL, max_seconds=args.stock_max_seconds)
        scaled["speedup"] = round(
            scaled["feed"]["items_per_second"] / scaled["stock_api_v2"]["items_per_second"], 1
        )
        for value in (scaled["feed"], scaled["stock_api_v2"]):
            value.pop("cursor")
    finally:
        server.terminate()
        server.wait(timeout=30)
    results["scaled"] = scaled

    out = ROOT / "bench" / "results" / "api.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
