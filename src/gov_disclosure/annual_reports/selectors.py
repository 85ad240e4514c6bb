"""Reads for the annual report: the year's figures from the data, the facts of section 一,
and the reports themselves."""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from wagtail.models import Page

from gov_disclosure.api.models import ConsumerKey, Scope
from gov_disclosure.pages.models import (
    DisclosureCategoryPage,
    DisclosureIndexPage,
    DisclosureItemPage,
    Genre,
)
from gov_disclosure.pages.roles import agencies_where
from gov_disclosure.requests.models import Appeal, DisclosureRequest
from gov_disclosure.requests.models.choices import AppealResult, Channel, State

from . import tables
from .models import AnnualFigures, AnnualReportPage, ReportSubmission


def _year_bounds(year: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


# -- Table 二 ---------------------------------------------------------------------------

DOCUMENT_GENRES = {"rules": Genre.RULE, "normative": Genre.NORMATIVE}


def _ended_on(item) -> datetime.date | None:
    """The day a document stopped being in force: abolished or expired, whichever came first."""
    days = [day for day in (item.abolished_date, item.expiry_date) if day]
    return min(days) if days else None


def proactive_figures(*, agency: DisclosureIndexPage, year: int) -> dict:
    """Table 二: 规章 and 行政规范性文件 from the published catalogue, as at 31 December;
    decisions and fees from the year's figures the office entered."""
    start, end = _year_bounds(year)
    table = tables.empty_table(tables.PROACTIVE)
    documents = (
        DisclosureItemPage.objects.live()
        .descendant_of(agency)
        .filter(genre__in=DOCUMENT_GENRES.values(), written_date__lte=end)
        .only("genre", "written_date", "abolished_date", "expiry_date")
    )
    row_for_genre = {genre: row for row, genre in DOCUMENT_GENRES.items()}
    for document in documents:
        counts = table[row_for_genre[document.genre]]
        ended = _ended_on(document)
        if document.written_date >= start:
            counts["issued"] += 1
        if ended is not None and start <= ended <= end:
            counts["abolished"] += 1
        if ended is None or ended > end:
            counts["valid"] += 1
    figures = AnnualFigures.objects.filter(agency=agency, year=year).first()
    if figures is not None:
        table["licensing"]["decisions"] = figures.licensing_decisions
        table["penalty"]["decisions"] = figures.penalty_decisions
        table["enforcement"]["decisions"] = figures.enforcement_decisions
        table["fees"]["amount"] = figures.fee_amount
    return table


# -- Table 三 ---------------------------------------------------------------------------


def _counted_requests(agency: DisclosureIndexPage) -> QuerySet[DisclosureRequest]:
    # A repeat merged into an earlier request is handled (and counted) as that one.
    return DisclosureRequest.objects.filter(agency=agency).exclude(state=State.MERGED)


def _open_on(day: datetime.date) -> Q:
    """Received by ``day`` and not yet answered at its end."""
    return Q(received_on__lte=day) & (Q(answered_on__isnull=True) | Q(answered_on__gt=day))


def _by_category(requests: QuerySet[DisclosureRequest]) -> dict[str, int]:
    counts = dict.fromkeys(tables.APPLICANT_COLUMNS, 0)
    for row in requests.values("applicant_category").annotate(n=Count("pk")):
        counts[row["applicant_category"]] = row["n"]
    return counts


def requests_figures(*, agency: DisclosureIndexPage, year: int) -> dict:
    """Table 三 from the requests: received in the year, open across each boundary,
    and answered in the year by answer type."""
    start, end = _year_bounds(year)
    requests = _counted_requests(agency)
    table = tables.empty_table(tables.REQUESTS)
    table[tables.NEW] = _by_category(requests.filter(received_on__range=(start, end)))
    table[tables.CARRIED_IN] = _by_category(
        requests.filter(_open_on(start - datetime.timedelta(days=1)))
    )
    table[tables.CARRIED_OUT] = _by_category(requests.filter(_open_on(end)))
    answered = (
        requests.filter(answered_on__range=(start, end))
        .values("answer_type", "applicant_category")
        .annotate(n=Count("pk"))
    )
    for row in answered:
        if row["answer_type"] in table:
            table[row["answer_type"]][row["applicant_category"]] = row["n"]
    return table


# -- Table 四 ---------------------------------------------------------------------------


def appeals_figures(*, agency: DisclosureIndexPage, year: int) -> dict:
    """Table 四: cases before a review body or court during the year (filed in it, or
    carried over undecided), by their result as at 31 December."""
    start, end = _year_bounds(year)
    table = tables.empty_table(tables.APPEALS)
    cases = Appeal.objects.filter(agency=agency, filed_on__lte=end).filter(
        Q(filed_on__gte=start) | Q(decided_on__isnull=True) | Q(decided_on__gte=start)
    )
    for case in cases.only("kind", "result", "decided_on"):
        decided = case.decided_on is not None and case.decided_on <= end
        result = case.result if decided and case.result != AppealResult.PENDING else "pending"
        table[case.kind][result] += 1
    return table


def report_figures(*, agency: DisclosureIndexPage, year: int) -> dict[str, dict]:
    """All three tables of ``agency``'s report for ``year``, from the data as it stands."""
    return {
        tables.PROACTIVE: proactive_figures(agency=agency, year=year),
        tables.REQUESTS: requests_figures(agency=agency, year=year),
        tables.APPEALS: appeals_figures(agency=agency, year=year),
    }


# -- Section 一 -------------------------------------------------------------------------


@dataclass
class OverviewFacts:
    """What section 一 states from the data."""

    items_published: int = 0
    items_by_category: list[tuple[str, int]] = field(default_factory=list)
    items_late: int = 0
    requests_received: int = 0
    requests_by_channel: list[tuple[str, int]] = field(default_factory=list)
    requests_carried_in: int = 0
    requests_answered: int = 0
    requests_carried_out: int = 0
    reviews: int = 0
    lawsuits: int = 0
    # Whether some consumer (the district's site) holds a key to the synchronisation feed.
    fed_to_aggregators: bool = False


def overview_facts(
    *, agency: DisclosureIndexPage, year: int, figures: dict[str, dict]
) -> OverviewFacts:
    """The facts of section 一. The request and appeal counts are read from ``figures``
    (``report_figures`` of the same agency and year), so the text and the tables
    count the same way."""
    start, end = _year_bounds(year)
    facts = OverviewFacts()
    published = (
        DisclosureItemPage.objects.live()
        .descendant_of(agency)
        .filter(publish_date__range=(start, end))
        .only("path", "publication_working_days")
    )
    top_level = {
        category.path: category
        for category in DisclosureCategoryPage.objects.child_of(agency).order_by("path")
    }
    per_category: Counter = Counter()
    prefix = (agency.depth + 1) * Page.steplen
    for item in published:
        facts.items_published += 1
        per_category[item.path[:prefix]] += 1
        if item.is_published_late:
            facts.items_late += 1
    facts.items_by_category = [
        (category.title, per_category[path])
        for path, category in sorted(top_level.items(), key=lambda pair: pair[1].code)
        if per_category[path]
    ]
    requests = figures[tables.REQUESTS]
    facts.requests_received = tables.row_total(requests, tables.NEW)
    facts.requests_carried_in = tables.row_total(requests, tables.CARRIED_IN)
    facts.requests_answered = sum(tables.results_total(requests).values())
    facts.requests_carried_out = tables.row_total(requests, tables.CARRIED_OUT)
    channels = dict(
        _counted_requests(agency)
        .filter(received_on__range=(start, end))
        .values_list("channel")
        .annotate(n=Count("pk"))
    )
    facts.requests_by_channel = [
        (str(channel.label), channels[channel.value])
        for channel in Channel
        if channel.value in channels
    ]
    facts.fed_to_aggregators = any(
        key.allows(Scope.FEED) and not key.has_expired
        for key in ConsumerKey.objects.filter(revoked=False)
    )
    appeals = figures[tables.APPEALS]
    facts.reviews = tables.row_total(appeals, "review")
    facts.lawsuits = tables.row_total(appeals, "lawsuit_direct") + tables.row_total(
        appeals, "lawsuit_after_review"
    )
    return facts


# -- Reports ----------------------------------------------------------------------------


def agency_report(*, agency: DisclosureIndexPage, year: int) -> AnnualReportPage | None:
    return AnnualReportPage.objects.child_of(agency).filter(year=year).first()


def published_reports() -> QuerySet[AnnualReportPage]:
    """Live, public reports: what the public pages, exports and the API may show."""
    return AnnualReportPage.objects.live().public().order_by("-year", "path")


def agency_published_reports(*, agency: DisclosureIndexPage) -> QuerySet[AnnualReportPage]:
    return published_reports().child_of(agency)


def report_latest_submission(*, report: AnnualReportPage) -> ReportSubmission | None:
    return report.submissions.select_related("submitted_by").first()


def agencies_for_reports(
    *, user, permission: str = "disclosure_annual_reports.generate_annual_report"
) -> list[DisclosureIndexPage]:
    """Agencies whose reports ``user`` may generate and submit: the permission to do so
    (by default the annual report's) and the right to add pages to the agency's catalogue."""
    scope = agencies_where(user, permission)
    return [
        agency
        for agency in scope.filter(DisclosureIndexPage.objects.order_by("path"), "pk")
        if agency.permissions_for_user(user).can_add_subpage()
    ]
