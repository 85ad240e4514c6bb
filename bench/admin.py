"""Benchmark: the admin at scale, one user at a time, server time.

Run by hand, with ./scripts/services up (PostgreSQL, Redis):
    eval "$(./scripts/services env)"; .venv/bin/python bench/admin.py [--items 100000]

Loads the corpus laws as items of one agency and copies them into more categories up to
--items (bench/api.py's ``scale_up``: categories of 3,471 items each), puts a few dozen
items in review, then requests each admin page the office works in, in this process (the
production profile on PostgreSQL and Redis, as one signed-in user, nothing else
running): as an information officer (信息员), as 党政办 and as a superuser (the district).
Each page is requested once to warm the process, then ``--repeat`` times; the server
time of each request (the whole Django stack, no network) gives p50/p95, and the
database queries of one request are counted. Figures go to bench/results/admin.json;
``--reuse`` measures the database a previous run left.
"""

import argparse
import datetime
import json
import os
import platform
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.api import fresh_database, profile_env, scale_up  # noqa: E402
from bench.common import load_pages, percentile, shared_cache_clear  # noqa: E402

DATABASE = "cms_bench_admin"
IN_REVIEW = 40
AIM_MS = 300


def build(args) -> None:
    from wagtail.models import Page

    from gov_disclosure.pages.models import DisclosureIndexPage, DisclosureItemPage
    from gov_disclosure.review.selectors import default_workflow

    print("==> items from the corpus", flush=True)
    load_pages(args.corpus, args.limit)
    print(f"==> scaled to {args.items} items", flush=True)
    scale_up(args.items)
    agency = DisclosureIndexPage.objects.get()
    users = staff(agency)
    # Items waiting in review, as on a working day: published items revised and submitted.
    workflow = default_workflow()
    for item in DisclosureItemPage.objects.order_by("-pk")[:IN_REVIEW]:
        item.title = f"{item.title}（修订）"
        item.save_revision(user=users["officer"])
        workflow.start(item, users["officer"])
    print(f"  {Page.objects.count()} pages, {IN_REVIEW} in review", flush=True)


def staff(agency) -> dict:
    """The users measured (created once): their department holds every category."""
    from django.contrib.auth import get_user_model

    from gov_disclosure.pages import roles
    from gov_disclosure.pages.models import Department, DisclosureCategoryPage

    users = {}
    for name, role in (("officer", roles.INFORMATION_OFFICER), ("office", roles.OFFICE)):
        user, created = get_user_model().objects.get_or_create(username=f"bench-{name}")
        if created:
            roles.role_grant(user=user, agency=agency, role=role)
        users[name] = user
    department = Department.objects.get(agency=agency)
    department.members.add(users["officer"])
    department.categories.add(*DisclosureCategoryPage.objects.child_of(agency))
    users["superuser"], _ = get_user_model().objects.get_or_create(
        username="bench-superuser", defaults={"is_superuser": True, "is_staff": True}
    )
    return users


def admin_pages() -> list[tuple[str, str]]:
    """(what, path) of every page measured."""
    from django.urls import reverse

    from gov_disclosure.pages.models import (
        DisclosureCategoryPage,
        DisclosureIndexPage,
        DisclosureItemPage,
    )

    agency = DisclosureIndexPage.objects.get()
    category = DisclosureCategoryPage.objects.get(code="02")
    in_category = DisclosureItemPage.objects.child_of(category).count()
    item = DisclosureItemPage.objects.child_of(category).order_by("pk").first()
    department = agency.departments.first()
    catalogue = reverse("disclosure_items:index")
    query = urllib.parse.quote("安全生产")
    return [
        ("dashboard", reverse("wagtailadmin_home")),
        ("catalogue (公开信息目录)", catalogue),
        ("catalogue, page 40", f"{catalogue}?p=40"),
        ("catalogue, newest published first", f"{catalogue}?ordering=-publish_date"),
        ("catalogue, one publisher", f"{catalogue}?publisher={department.pk}"),
        ("catalogue, searched", f"{catalogue}?q={query}"),
        ("explorer: the agency", reverse("wagtailadmin_explore", args=[agency.pk])),
        (
            f"explorer: a category of {in_category} items",
            reverse("wagtailadmin_explore", args=[category.pk]),
        ),
        (
            "explorer: its last page",
            reverse("wagtailadmin_explore", args=[category.pk]) + f"?p={in_category // 50 + 1}",
        ),
        (
            "explorer: by title",
            reverse("wagtailadmin_explore", args=[category.pk]) + "?ordering=title",
        ),
        ("page search", reverse("wagtailadmin_pages:search") + f"?q={query}"),
        ("item editor", reverse("wagtailadmin_pages:edit", args=[item.pk])),
        ("item history", reverse("wagtailadmin_pages:history", args=[item.pk])),
        ("workflow tasks awaiting review", reverse("wagtailadmin_reports:workflow_tasks")),
        ("report: accountability log (责任追究)", reverse("disclosure_review:accountability_log")),
        ("report: timeliness (公开用时)", reverse("disclosure_review:timeliness")),
        ("annual reports", reverse("annual_reports_admin:index")),
        ("report: search queries", reverse("disclosure_search_queries")),
    ]


def measure(user, pages: list[tuple[str, str]], repeat: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(user)
    figures = {}
    for what, path in pages:
        first = client.get(path)  # warm: per-process caches, the database's pages
        if first.status_code in (302, 403):
            continue  # not this role's page (the admin sends it to the dashboard)
        assert first.status_code == 200, (user.username, path, first.status_code)
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        with CaptureQueriesContext(connection) as queries:
            client.get(path)
        figures[what] = {
            "path": path,
            "p50_ms": round(percentile(times, 0.5), 1),
            "p95_ms": round(percentile(times, 0.95), 1),
            "queries": len(queries.captured_queries),
        }
        print(f"  {user.username:18} {what:45} {figures[what]}", flush=True)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/laws.jsonl.gz")
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--limit", type=int, help="only the first N laws (a quick trial run)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--reuse", action="store_true", help="measure a previous run's database")
    args = parser.parse_args()

    if not args.reuse:
        fresh_database(DATABASE)
    # The cache is Redis, as in production; DEBUG off, so queries are counted by capture.
    os.environ.update({**profile_env(DATABASE), "SEARCH_URL": ""})
    import django

    django.setup()
    shared_cache_clear()
    from gov_disclosure.pages.models import DisclosureIndexPage, DisclosureItemPage

    if not args.reuse:
        build(args)
    users = staff(DisclosureIndexPage.objects.get())
    pages = admin_pages()
    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "date": datetime.date.today().isoformat(),
        "items": DisclosureItemPage.objects.count(),
        "server": "in-process Django (production profile), PostgreSQL, Redis; one user",
        "repeat": args.repeat,
        "aim_p95_ms": AIM_MS,
    }
    for role, user in users.items():
        print(f"==> as {role}", flush=True)
        results[role] = measure(user, pages, args.repeat)
    slowest = max(
        (figures["p95_ms"], role, what) for role in users for what, figures in results[role].items()
    )
    results["slowest_p95"] = {"ms": slowest[0], "user": slowest[1], "page": slowest[2]}
    out = ROOT / "bench" / "results" / "admin.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps(results["slowest_p95"], ensure_ascii=False))


if __name__ == "__main__":
    main()
