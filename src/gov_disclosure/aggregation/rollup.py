"""The district's roll-up of its sources' annual reports: the national tables summed."""

from dataclasses import dataclass

from gov_disclosure.annual_reports import tables

from .models import MirroredReport, Source


@dataclass
class Rollup:
    year: int
    reports: list[MirroredReport]
    # Enabled sources that have sent no report for the year.
    missing: list[Source]
    figures: dict[str, dict]

    @property
    def imbalances(self) -> list[tables.Imbalance]:
        return tables.request_imbalances(self.figures[tables.REQUESTS])


def reports_rollup(*, year: int) -> Rollup:
    reports = list(MirroredReport.objects.filter(year=year).select_related("source"))
    reporting = {report.source_id for report in reports}
    missing = [s for s in Source.objects.filter(enabled=True) if s.pk not in reporting]
    figures = {
        key: tables.sum_tables(key, (tables.from_json(key, r.tables.get(key)) for r in reports))
        for key in tables.TABLE_KEYS
    }
    return Rollup(year=year, reports=reports, missing=missing, figures=figures)


def rollup_years() -> list[int]:
    return list(MirroredReport.objects.order_by("-year").values_list("year", flat=True).distinct())
