"""Benchmark: the assessment's results at scale — each figure counted by the database (this
design) against listing every record it counts and counting the list (the design before),
in the same run, on the same data.

Run by hand, with ./scripts/services up (PostgreSQL, Redis):
    eval "$(./scripts/services env)"; .venv/bin/python bench/assessment.py [--items 100000]

Loads the corpus laws as items of one agency, copies them up to --items (bench/api.py's
``scale_up``), adds --ratings public ratings, and scores the agency with the default rubric
for the year holding the most items. Timed in this process (the production profile on
PostgreSQL and Redis): the results (every figure of every agency), one indicator's trend
over five years (a chart), and the first evidence page of the largest figure. Figures go to
bench/results/assessment.json; ``--reuse`` measures the database a previous run left.
"""

import argparse
import datetime
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.api import fresh_database, profile_env, scale_up  # noqa: E402
from bench.common import load_pages, shared_cache_clear  # noqa: E402

DATABASE = "cms_bench_assessment"


def build(args) -> None:
    from django.utils import timezone

    from gov_disclosure.feedback.models import Rating
    from gov_disclosure.pages.models import DisclosureIndexPage

    print("==> items from the corpus", flush=True)
    load_pages(args.corpus, args.limit)
    print(f"==> scaled to {args.items} items", flush=True)
    scale_up(args.items)
    agency = DisclosureIndexPage.objects.get()
    year = busiest_year()
    moments = [
        timezone.make_aware(datetime.datetime(year, 1 + n % 12, 1 + n % 28, 9))
        for n in range(args.ratings)
    ]
    Rating.objects.bulk_create(
        [
            Rating(
                agency=agency,
                kind="item",
                target_title=f"信息{n}",
                satisfaction=("satisfied", "basic", "unsatisfied")[n % 3],
                created_at=moment,
            )
            for n, moment in enumerate(moments)
        ],
        batch_size=2000,
    )


def busiest_year() -> int:
    from django.db.models import Count
    from django.db.models.functions import ExtractYear

    from gov_disclosure.pages.models import DisclosureItemPage

    return (
        DisclosureItemPage.objects.annotate(y=ExtractYear("publish_date"))
        .values("y")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()["y"]
    )


def timed(function, repeat: int) -> dict:
    function()  # warm
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return {"median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/laws.jsonl.gz")
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--ratings", type=int, default=20_000)
    parser.add_argument("--limit", type=int, help="only the first N laws (a quick trial run)")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--reuse", action="store_true", help="measure a previous run's database")
    args = parser.parse_args()

    if not args.reuse:
        fresh_database(DATABASE)
    os.environ.update({**profile_env(DATABASE), "SEARCH_URL": ""})
    import django

    django.setup()
    shared_cache_clear()
    from django.core.paginator import Paginator

    from gov_disclosure.assessment.defaults import rubric_with_default_indicators
    from gov_disclosure.assessment.measures import MANUAL, MEASURES
    from gov_disclosure.assessment.selectors import (
        Assessed,
        assessed_units,
        assessment_results,
        indicator_evidence_page,
        indicator_trend,
        indicator_value,
    )
    from gov_disclosure.pages.models import DisclosureIndexPage, DisclosureItemPage

    if not args.reuse:
        build(args)
    year = busiest_year()
    rubric = rubric_with_default_indicators(year=year)
    agency = DisclosureIndexPage.objects.get()
    unit = Assessed(agency=agency)
    published = rubric.indicators.get(measure="items_published")
    years = list(range(year - 4, year + 1))

    def listed_results():
        """The design before: every figure counted from the full list of its records."""
        for each in assessed_units(scope=None, year=year):
            for indicator in rubric.indicators.all():
                if indicator.measure == MANUAL:
                    indicator_value(indicator, unit=each, year=year)
                else:
                    measure = MEASURES[indicator.measure]
                    measure.value(measure.rows(agency=each.agency, year=year))

    def listed_trend():
        measure = MEASURES[published.measure]
        return [measure.value(measure.rows(agency=agency, year=y)) for y in years]

    def listed_evidence():
        rows = MEASURES[published.measure].rows(agency=agency, year=year)
        return list(Paginator(rows, 100).get_page(1))

    results = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "date": datetime.date.today().isoformat(),
        "items": DisclosureItemPage.objects.count(),
        "year": year,
        "items_in_year": int(MEASURES["items_published"].figure(agency=agency, year=year)),
        "ratings_in_year": MEASURES["satisfaction"].counts(agency=agency, year=year)[1],
        "server": "in-process Django (production profile), PostgreSQL, Redis",
        "repeat": args.repeat,
        "results": {
            "counted": timed(lambda: assessment_results(rubric=rubric), args.repeat),
            "listed": timed(listed_results, args.repeat),
        },
        "trend_5_years": {
            "counted": timed(
                lambda: indicator_trend(indicator=published, units=[unit], years=years),
                args.repeat,
            ),
            "listed": timed(listed_trend, args.repeat),
        },
        "evidence_first_page": {
            "paged": timed(
                lambda: indicator_evidence_page(published, unit=unit, year=year, page_number=1),
                args.repeat,
            ),
            "listed": timed(listed_evidence, args.repeat),
        },
    }
    out = ROOT / "bench" / "results" / "assessment.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
