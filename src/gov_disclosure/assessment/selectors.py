"""Reads of the assessment: who sees which agency, each figure with its evidence, scores
and ranking, and an indicator's figures over the years."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.urls import reverse

from gov_disclosure.pages.models import DisclosureIndexPage
from gov_disclosure.pages.roles import AgencyScope, agencies_where

from .measures import MANUAL, MEASURES, EvidenceRow
from .models import Indicator, ManualValue, RemoteAgency, RemoteFigures, Rubric

VIEW = "disclosure_assessment.view_rubric"
MANAGE = "disclosure_assessment.change_rubric"


def assessment_agencies(user) -> AgencyScope:
    """Whose results ``user`` reads: the district every agency's, an agency's 党政办 and
    监督 their own."""
    return agencies_where(user, VIEW)


def user_manages_assessment(user) -> bool:
    return agencies_where(user, MANAGE).everywhere


def assessed_agencies() -> QuerySet[DisclosureIndexPage]:
    """Every agency on the platform is assessed, published or not."""
    return DisclosureIndexPage.objects.order_by("path")


def indicator_score(indicator: Indicator, value: float | None) -> Decimal:
    """Points earned: all at ``full_at`` or beyond, none at ``zero_at`` or beyond, in
    proportion between; a figure that cannot be had (a share of nothing) earns none."""
    if value is None:
        return Decimal(0)
    full, zero, value = float(indicator.full_at), float(indicator.zero_at), float(value)
    if full == zero:
        fraction = 1.0 if value >= full else 0.0
    else:
        fraction = (value - zero) / (full - zero)
        fraction = 0.0 if fraction <= 0 else min(fraction, 1.0)  # never -0.0
    return (indicator.weight * Decimal(str(fraction))).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class Assessed:
    """An agency assessed: one on this platform (``agency``), or one of a site the district
    aggregates (``remote``), whose figures came with the sync (``remote.py``)."""

    agency: DisclosureIndexPage | None = None
    remote: RemoteAgency | None = None

    @property
    def key(self) -> str:
        return f"a{self.agency.pk}" if self.agency else f"r{self.remote.pk}"

    @property
    def name(self) -> str:
        return self.agency.agency_name if self.agency else self.remote.name

    @property
    def label(self) -> str:
        """The name, with the source for an aggregated agency (charts' legends)."""
        return self.name if self.agency else f"{self.name}（{self.remote.source.name}）"

    @property
    def sort_key(self) -> tuple:
        if self.agency:
            return (0, self.agency.path, "")
        return (1, self.remote.source.name, self.remote.name)

    def url(self, view: str, indicator: Indicator) -> str:
        """The ``evidence`` or ``manual`` page of this agency's figure."""
        if self.agency:
            return reverse(
                f"disclosure_assessment:{view}",
                args=[indicator.rubric_id, indicator.pk, self.agency.pk],
            )
        return reverse(
            f"disclosure_assessment:{view}_remote",
            args=[indicator.rubric_id, indicator.pk, self.remote.pk],
        )


def remote_agencies(*, year: int) -> QuerySet[RemoteAgency]:
    """Agencies of aggregated sites with figures for ``year``."""
    return (
        RemoteAgency.objects.filter(figures__year=year)
        .select_related("source")
        .order_by("source__name", "name")
    )


def assessed_units(*, scope: AgencyScope | None, year: int) -> list[Assessed]:
    """Who is assessed for ``year`` and seen by a user of ``scope`` (None: everyone):
    agencies of this platform, and — for the district — those of aggregated sites."""
    local = assessed_agencies()
    if scope is not None:
        local = scope.filter(local, "pk")
    units = [Assessed(agency=agency) for agency in local]
    if scope is None or scope.everywhere:
        units += [Assessed(remote=remote) for remote in remote_agencies(year=year)]
    return units


@dataclass(frozen=True)
class Figure:
    indicator: Indicator
    value: float | None
    score: Decimal
    manual: ManualValue | None = None
    url: str = ""


def _remote_measure(remote: RemoteAgency, code: str, year: int) -> dict | None:
    """One measure's value and records as the aggregated site sent them."""
    held = RemoteFigures.objects.filter(remote_agency=remote, year=year)
    measures = held.values_list("measures", flat=True).first()
    return measures.get(code) if measures else None


def _remote_value(remote: RemoteAgency, code: str, year: int) -> float | None:
    held = RemoteFigures.objects.filter(remote_agency=remote, year=year)
    values = held.values_list("values", flat=True).first()
    return values.get(code) if values else None


def _remote_rows(figure: dict | None) -> list[EvidenceRow]:
    return [
        EvidenceRow(
            row["title"],
            datetime.date.fromisoformat(row["day"]) if row.get("day") else None,
            bool(row["meets"]),
            row.get("detail", ""),
        )
        for row in (figure or {}).get("rows", [])
    ]


def _manual_value(
    indicator: Indicator, *, unit: Assessed
) -> tuple[float | None, ManualValue | None]:
    """The value entered by hand for ``unit``, and its record (with the evidence)."""
    whose = {"agency": unit.agency} if unit.agency else {"remote_agency": unit.remote}
    manual = ManualValue.objects.filter(indicator=indicator, **whose).first()
    return (float(manual.value) if manual else None), manual


EVIDENCE_PER_PAGE = 100


@dataclass(frozen=True)
class Evidence:
    """One figure's evidence page: the value, the counts, and one page of the records."""

    value: float | None
    met: int
    total: int
    page: Page
    rows: list[EvidenceRow]
    manual: ManualValue | None = None


def indicator_evidence_page(
    indicator: Indicator, *, unit: Assessed, year: int, page_number
) -> Evidence:
    """The evidence of one figure, a page of records at a time: an agency here reads
    only that page from the database (and counts the rest there)."""
    if indicator.measure == MANUAL:
        value, manual = _manual_value(indicator, unit=unit)
        rows = []
    elif unit.remote:
        figure = _remote_measure(unit.remote, indicator.measure, year)
        value, rows, manual = (figure or {}).get("value"), _remote_rows(figure), None
    else:
        measure = MEASURES[indicator.measure]
        met, total = measure.counts(agency=unit.agency, year=year)
        records = measure.flagged(agency=unit.agency, year=year)
        page = Paginator(records, EVIDENCE_PER_PAGE).get_page(page_number)
        rows = [measure.row(record, bool(record.criterion_met)) for record in page.object_list]
        return Evidence(measure.value_of(met, total), met, total, page, rows)
    # Nothing, or the records an aggregated site sent: paged in memory.
    page = Paginator(rows, EVIDENCE_PER_PAGE).get_page(page_number)
    met = sum(row.meets for row in rows)
    return Evidence(value, met, len(rows), page, list(page.object_list), manual)


def indicator_value(
    indicator: Indicator, *, unit: Assessed, year: int
) -> tuple[float | None, ManualValue | None]:
    """The figure alone: counted in SQL for an agency here (the evidence page lists what
    it counts), as sent for an aggregated one, or as entered by hand."""
    if indicator.measure == MANUAL:
        return _manual_value(indicator, unit=unit)
    if unit.remote:
        return _remote_value(unit.remote, indicator.measure, year), None
    return MEASURES[indicator.measure].figure(agency=unit.agency, year=year), None


def indicator_figure(indicator: Indicator, *, unit: Assessed, year: int) -> Figure:
    value, manual = indicator_value(indicator, unit=unit, year=year)
    return Figure(
        indicator, value, indicator_score(indicator, value), manual, unit.url("evidence", indicator)
    )


@dataclass
class AgencyResult:
    unit: Assessed
    figures: list[Figure]
    rank: int = 0
    total: Decimal = field(init=False)

    def __post_init__(self):
        self.total = sum((figure.score for figure in self.figures), Decimal(0))

    @property
    def agency(self) -> DisclosureIndexPage | None:
        return self.unit.agency


def assessment_results(
    *, rubric: Rubric, units: list[Assessed] | None = None
) -> list[AgencyResult]:
    """Every assessed agency's figures and total, ranked (equal totals share a rank);
    ``units`` narrows what is returned, not the ranking."""
    indicators = list(rubric.indicators.all())
    results = [
        AgencyResult(
            unit,
            [indicator_figure(ind, unit=unit, year=rubric.year) for ind in indicators],
        )
        for unit in assessed_units(scope=None, year=rubric.year)
    ]
    results.sort(key=lambda result: (-result.total, result.unit.sort_key))
    for position, result in enumerate(results, 1):
        previous = results[position - 2] if position > 1 else None
        result.rank = previous.rank if previous and previous.total == result.total else position
    if units is not None:
        wanted = {unit.key for unit in units}
        results = [result for result in results if result.unit.key in wanted]
    return results


def indicator_trend(
    *, indicator: Indicator, units: list[Assessed], years: list[int]
) -> dict[str, list[float | None]]:
    """The indicator's figure per agency (by key) for each of ``years`` (oldest first):
    the same measure counted over earlier years, whatever their rubrics were; for an
    aggregated agency, what its site computed for the years synced."""
    if indicator.measure == MANUAL:
        return {unit.key: [None] * len(years) for unit in units}
    measure = MEASURES[indicator.measure]
    trend = {}
    for unit in units:
        if unit.remote:
            trend[unit.key] = [
                _remote_value(unit.remote, indicator.measure, year) for year in years
            ]
        else:
            trend[unit.key] = [measure.figure(agency=unit.agency, year=year) for year in years]
    return trend
