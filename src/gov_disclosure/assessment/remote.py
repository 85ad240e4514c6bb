"""Figures of agencies whose sites the district aggregates: pulled from each source's
``assessment-figures`` endpoint and kept per agency and year (``RemoteFigures``).

A source of an earlier release (no endpoint) is skipped; a page that fails the checks
leaves the figures held before untouched and is reported, never half stored.
"""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from gov_disclosure.aggregation.client import FeedClient, SyncError
from gov_disclosure.aggregation.models import Source
from gov_disclosure.aggregation.quarantine import flatten_errors

from .api import FIGURES_VERSION, FiguresPageSerializer
from .measures import MEASURES, EvidenceRow
from .models import RemoteAgency, RemoteFigures, Rubric

TREND_YEARS = 5
SUPPORTED_MAJOR = FIGURES_VERSION.split(".")[0]


@dataclass
class FiguresSync:
    source: str
    agencies: int = 0
    years: list[int] = field(default_factory=list)
    served: bool = True
    error: str = ""


def trend_years(year: int) -> list[int]:
    """The years a rubric's trend charts show, oldest first, ending with ``year``."""
    return list(range(year - TREND_YEARS + 1, year + 1))


def assessed_years() -> list[int]:
    """The years the rubrics assess, and the years their trend charts look back on."""
    years = set()
    for year in Rubric.objects.values_list("year", flat=True):
        years.update(trend_years(year))
    return sorted(years)


def _check_values_match_rows(page: dict) -> None:
    """Each value must be what its records give, so that a figure here is its list."""
    for record in page["results"]:
        for code, figure in record["measures"].items():
            measure = MEASURES.get(code)
            if measure is None:
                continue
            rows = [EvidenceRow(row["title"], None, bool(row["meets"])) for row in figure["rows"]]
            expected, value = measure.value(rows), figure["value"]
            if (expected is None) != (value is None) or (
                value is not None and abs(expected - value) > 1e-9
            ):
                raise SyncError(
                    _("来源站点的考核数据自相矛盾：%(agency)s 的 %(measure)s 为 %(value)s，"
                      "而其记录计得 %(expected)s。")
                    % {"agency": record["agency"]["name"], "measure": code,
                       "value": value, "expected": expected}
                )  # fmt: skip


def _store(source: Source, year: int, page: dict) -> int:
    kept = []
    with transaction.atomic():
        for record in page["results"]:
            agency, _created = RemoteAgency.objects.update_or_create(
                source=source,
                org_code=record["agency"]["org_code"],
                defaults={"name": record["agency"]["name"]},
            )
            # What this site counts; a newer source's extra measures are left out.
            measures = {
                code: figure for code, figure in record["measures"].items() if code in MEASURES
            }
            RemoteFigures.objects.update_or_create(
                remote_agency=agency,
                year=year,
                defaults={
                    "measures": measures,
                    "values": {code: figure["value"] for code, figure in measures.items()},
                    "figures_version": page["figures_version"],
                    "computed_at": page["computed_at"],
                },
            )
            kept.append(agency.pk)
        # An agency the source no longer serves has no figures for the year any more.
        RemoteFigures.objects.filter(remote_agency__source=source, year=year).exclude(
            remote_agency__in=kept
        ).delete()
    return len(kept)


def remote_figures_sync(*, source: Source, years: list[int]) -> FiguresSync:
    """Pull ``source``'s figures for ``years``. Never raises for the source's sake."""
    result = FiguresSync(source=source.name)
    client = FeedClient(source)
    validator = FiguresPageSerializer()
    try:
        for year in years:
            data = client.assessment_figures(year=year)
            if data is None:
                result.served = False
                return result
            version = str(data.get("figures_version", ""))
            if version.split(".")[0] != SUPPORTED_MAJOR:
                raise SyncError(
                    _("来源站点的考核数据版本 %(version)s 与本站（%(ours)s）不兼容。")
                    % {"version": version or "?", "ours": FIGURES_VERSION}
                )
            try:
                validator.run_validation(data)
            except ValidationError as error:
                raise SyncError(
                    _("来源站点的考核数据不符合格式：%(errors)s")
                    % {"errors": flatten_errors(error.detail)[:500]}
                ) from None
            if data["year"] != year:
                raise SyncError(_("来源站点返回了其他年度的考核数据。"))
            _check_values_match_rows(data)
            result.agencies = max(result.agencies, _store(source, year, data))
            result.years.append(year)
    except SyncError as error:
        result.error = str(error)
    return result


def remote_figures_sync_sources(*, years: list[int]) -> list[FiguresSync]:
    """Every enabled source's figures for ``years``."""
    return [
        remote_figures_sync(source=source, years=years)
        for source in Source.objects.filter(enabled=True).order_by("name")
    ]


def remote_figures_sync_all() -> list[FiguresSync]:
    """What the rubrics need, from every enabled source (the daily task)."""
    years = assessed_years()
    return remote_figures_sync_sources(years=years) if years else []
