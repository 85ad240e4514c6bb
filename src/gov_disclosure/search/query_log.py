"""What people search: counts per query and day, without anything about who searched."""

import datetime
import re

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Sum
from django.utils import timezone

from gov_disclosure.conf import disclosure_settings

from .models import SearchQueryDay

# 热门搜索 shows queries searched at least this often that found something.
POPULAR_MIN_SEARCHES = 3
POPULAR_DAYS = 30
# 热门搜索 is counted again at most this often: every search page shows it.
POPULAR_CACHE_SECONDS = 600
# Runs of digits long enough to be a phone, ID card or account number.
_IDENTIFYING = re.compile(r"\d{6,}|[\w.+-]+@[\w-]+\.[\w.]+")
MASK = "＊"


def logged_query(text: str) -> str:
    """``text`` as the log keeps it: spaces collapsed, identifying numbers masked."""
    return _IDENTIFYING.sub(MASK, " ".join(text.split()))[:100]


def query_log_record(*, text: str, results: int, day: datetime.date | None = None) -> None:
    """Count one search of ``text`` that found ``results`` items."""
    query = logged_query(text)
    if not query:
        return
    day = day or timezone.localdate()
    rows = SearchQueryDay.objects.filter(day=day, query=query)
    if rows.update(searches=F("searches") + 1, results=results):
        return
    try:
        with transaction.atomic():
            SearchQueryDay.objects.create(day=day, query=query, searches=1, results=results)
    except IntegrityError:  # another request created it first
        rows.update(searches=F("searches") + 1, results=results)


def query_log_purge() -> int:
    """Forget the days older than ``SEARCH_QUERY_LOG_DAYS``; returns how many rows went."""
    cutoff = _since(disclosure_settings.SEARCH_QUERY_LOG_DAYS)
    deleted, _by_model = SearchQueryDay.objects.filter(day__lt=cutoff).delete()
    return deleted


def _since(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days - 1)


def popular_queries(*, limit: int = 8) -> list[str]:
    """热门搜索: the queries searched most in the last 30 days that found items."""
    key = f"disclosure_search:popular:{limit}"
    popular = cache.get(key)
    if popular is None:
        popular = _popular(limit=limit, days=POPULAR_DAYS)
        cache.set(key, popular, POPULAR_CACHE_SECONDS)
    return popular


def _popular(*, limit: int, days: int) -> list[str]:
    rows = (
        SearchQueryDay.objects.filter(day__gte=_since(days))
        .exclude(query__contains=MASK)
        .values("query")
        .annotate(total=Sum("searches"), found=Max("results"))
        .filter(total__gte=POPULAR_MIN_SEARCHES, found__gt=0)
        .order_by("-total", "query")[:limit]
    )
    return [row["query"] for row in rows]


def query_report(*, days: int, unanswered: bool, limit: int = 100) -> list[dict]:
    """For 党政办: the most searched queries of the last ``days`` days (``query``,
    ``total`` searches, most ``found``), or only those that never found anything."""
    rows = (
        SearchQueryDay.objects.filter(day__gte=_since(days))
        .values("query")
        .annotate(total=Sum("searches"), found=Max("results"), last_day=Max("day"))
    )
    if unanswered:
        rows = rows.filter(found=0)
    return list(rows.order_by("-total", "query")[:limit])
