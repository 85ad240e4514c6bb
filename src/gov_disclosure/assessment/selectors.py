"""Reads of the assessment: who sees which agency, each figure with its evidence, scores
and ranking, and an indicator's figures over the years."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import QuerySet

from gov_disclosure.pages.models import DisclosureIndexPage
from gov_disclosure.pages.roles import AgencyScope, agencies_where

from .measures import MANUAL, MEASURES, EvidenceRow
from .models import Indicator, ManualValue, Rubric

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
class Figure:
    indicator: Indicator
    value: float | None
    score: Decimal
    evidence_count: int
    manual: ManualValue | None = None


def indicator_evidence(
    indicator: Indicator, *, agency: DisclosureIndexPage, year: int
) -> tuple[float | None, list[EvidenceRow], ManualValue | None]:
    """The figure and the records behind it (or the value entered by hand)."""
    if indicator.measure == MANUAL:
        manual = ManualValue.objects.filter(indicator=indicator, agency=agency).first()
        return (float(manual.value) if manual else None), [], manual
    measure = MEASURES[indicator.measure]
    rows = measure.rows(agency=agency, year=year)
    return measure.value(rows), rows, None


def indicator_figure(indicator: Indicator, *, agency, year: int) -> Figure:
    value, rows, manual = indicator_evidence(indicator, agency=agency, year=year)
    return Figure(indicator, value, indicator_score(indicator, value), len(rows), manual)


@dataclass
class AgencyResult:
    agency: DisclosureIndexPage
    figures: list[Figure]
    rank: int = 0
    total: Decimal = field(init=False)

    def __post_init__(self):
        self.total = sum((figure.score for figure in self.figures), Decimal(0))


def assessment_results(
    *, rubric: Rubric, agencies: list[DisclosureIndexPage] | None = None
) -> list[AgencyResult]:
    """Every assessed agency's figures and total, ranked (equal totals share a rank);
    ``agencies`` narrows what is returned, not the ranking."""
    indicators = list(rubric.indicators.all())
    results = [
        AgencyResult(
            agency,
            [indicator_figure(ind, agency=agency, year=rubric.year) for ind in indicators],
        )
        for agency in assessed_agencies()
    ]
    results.sort(key=lambda result: (-result.total, result.agency.path))
    for position, result in enumerate(results, 1):
        previous = results[position - 2] if position > 1 else None
        result.rank = previous.rank if previous and previous.total == result.total else position
    if agencies is not None:
        wanted = {agency.pk for agency in agencies}
        results = [result for result in results if result.agency.pk in wanted]
    return results


def indicator_trend(
    *, indicator: Indicator, agencies: list[DisclosureIndexPage], years: list[int]
) -> dict[int, list[float | None]]:
    """The indicator's figure per agency (by pk) for each of ``years`` (oldest first):
    the same measure counted over earlier years, whatever their rubrics were."""
    if indicator.measure == MANUAL:
        return {agency.pk: [None] * len(years) for agency in agencies}
    measure = MEASURES[indicator.measure]
    return {
        agency.pk: [measure.value(measure.rows(agency=agency, year=year)) for year in years]
        for agency in agencies
    }
