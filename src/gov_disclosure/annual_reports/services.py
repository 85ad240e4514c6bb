"""Writes of the annual report: generating (and refreshing) a report, the year's figures,
and the submission to the district."""

import csv
import datetime
import io
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gov_disclosure.pages.addresses import free_child_slug
from gov_disclosure.pages.models import DisclosureIndexPage

from . import selectors, tables
from .forms import FIRST_YEAR
from .models import AnnualFigures, AnnualReportPage, ReportSubmission
from .overview import agency_overview_html, same_text


@dataclass
class Generation:
    report: AnnualReportPage
    created: bool
    # Labels of cells the office had changed and that were kept although the data differs.
    kept_cells: list[str] = field(default_factory=list)
    overview_kept: bool = False


def check_report_year(year: int) -> None:
    """A report's year: from the Regulations' first year to this one."""
    this_year = timezone.localdate().year
    if not FIRST_YEAR <= year <= this_year:
        raise ValidationError(
            _("年度须在 %(first)s 年至 %(last)s 年之间。")
            % {"first": FIRST_YEAR, "last": this_year}
        )


def report_generate(*, agency: DisclosureIndexPage, year: int, user) -> Generation:
    """Make the agency's report for ``year`` from the data, or refresh the one it has.

    A refresh writes a new draft revision: each table cell and the overview take
    the current data unless the office changed them since the last generation,
    in which case its edit stands. A report under review is not touched.
    """
    check_report_year(year)
    with transaction.atomic():
        # One report per agency and year, even when two people press the button at once.
        agency = DisclosureIndexPage.objects.select_for_update().get(pk=agency.pk)
        fresh = selectors.report_figures(agency=agency, year=year)
        fresh_overview = agency_overview_html(agency=agency, year=year, figures=fresh)
        baseline = {
            "at": timezone.now().isoformat(),
            "overview": fresh_overview,
            "tables": {key: tables.to_json(key, table) for key, table in fresh.items()},
        }
        existing = selectors.agency_report(agency=agency, year=year)
        if existing is None:
            report = AnnualReportPage(
                # The document's own title, in Chinese whatever the admin language.
                title=f"{agency.agency_name}{year}年政府信息公开工作年度报告",
                slug=free_child_slug(agency, f"annual-report-{year}"),
                year=year,
                overview=fresh_overview,
                generated=baseline,
                live=False,
                owner=user,
                **{f"{key}_table": baseline["tables"][key] for key in tables.TABLE_KEYS},
            )
            agency.add_child(instance=report)
            revision = report.save_revision(user=user, log_action=True)
            result = Generation(report=report, created=True)
        else:
            if existing.workflow_in_progress:
                raise ValidationError(_("该报告正在审核中，审核结束（通过或退回）后才能重新生成。"))
            report = existing.get_latest_revision_as_object()
            previous = report.generated or {}
            result = Generation(report=existing, created=False)
            for key in tables.TABLE_KEYS:
                stored_baseline = (previous.get("tables") or {}).get(key)
                merged, kept = tables.merge_generated(
                    key,
                    current=report.table(key),
                    baseline=tables.from_json(key, stored_baseline) if stored_baseline else None,
                    fresh=fresh[key],
                )
                setattr(report, f"{key}_table", tables.to_json(key, merged))
                result.kept_cells += kept
            if same_text(report.overview, previous.get("overview", "")):
                report.overview = fresh_overview
            else:
                result.overview_kept = not same_text(report.overview, fresh_overview)
            report.generated = baseline
            revision = report.save_revision(user=user, log_action=True)
        log(
            instance=result.report,
            action="annual_report.generate",
            user=user,
            revision=revision,
            data={
                "year": year,
                "created": result.created,
                "kept_cells": len(result.kept_cells),
                "overview_kept": result.overview_kept,
            },
        )
    return result


def report_submit(
    *, report: AnnualReportPage, user, submitted_on: datetime.date, note: str = ""
) -> ReportSubmission:
    """Record that the report went to the district government (due 31 January).

    The latest revision is what was sent; it must balance.
    """
    # Read afresh: the caller's object may predate the latest revision.
    report = AnnualReportPage.objects.get(pk=report.pk)
    revision = report.get_latest_revision()
    draft = revision.as_object()
    imbalances = tables.request_imbalances(draft.table(tables.REQUESTS))
    if imbalances:
        raise ValidationError([_("表三不平衡，不能报送：")] + [item.message for item in imbalances])
    if submitted_on > timezone.localdate():
        raise ValidationError(_("报送日期不能晚于今天。"))
    with transaction.atomic():
        submission = ReportSubmission.objects.create(
            report=report,
            revision=revision,
            submitted_on=submitted_on,
            submitted_by=user,
            note=note.strip(),
        )
        log(
            instance=report,
            action="annual_report.submit",
            user=user,
            revision=revision,
            data={"submitted_on": submitted_on.isoformat(), "note": submission.note},
        )
    return submission


# -- The year's figures ----------------------------------------------------------------

FIGURE_COLUMNS = {
    "年度": "year",
    "行政许可": "licensing_decisions",
    "行政处罚": "penalty_decisions",
    "行政强制": "enforcement_decisions",
    "行政事业性收费（万元）": "fee_amount",
}
MAX_IMPORT_BYTES = 1 << 20


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0


def _decode(content: bytes) -> str:
    # Spreadsheets save CSV as UTF-8 (often with a BOM) or, in Chinese Excel, as GB18030.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("无法识别文件编码，请保存为 UTF-8 或 GBK 编码的 CSV 文件。"))


def _figure(header: str, raw: str):
    raw = (raw or "").strip().replace(",", "")
    if header == "行政事业性收费（万元）":
        try:
            value = Decimal(raw or "0")
        except InvalidOperation:
            raise ValueError(_("须为数字")) from None
        if not value.is_finite() or value < 0 or value.as_tuple().exponent < -tables.FEE_PLACES:
            raise ValueError(_("须为不小于 0、最多 4 位小数的数字"))
        return value
    if not raw.isdecimal():  # not isdigit: int() refuses "²"
        raise ValueError(_("须为不小于 0 的整数"))
    return int(raw)


def figures_import_csv(*, agency: DisclosureIndexPage, content: bytes, user) -> ImportResult:
    """Take a CSV of yearly figures (one row per year): all rows or none.

    Headers: 年度, 行政许可, 行政处罚, 行政强制, 行政事业性收费（万元）. Errors name the
    line and column.
    """
    if len(content) > MAX_IMPORT_BYTES:
        raise ValidationError(_("文件过大（上限 1 MB）。"))
    reader = csv.DictReader(io.StringIO(_decode(content)))
    headers = [name.strip() for name in reader.fieldnames or []]
    missing = [name for name in FIGURE_COLUMNS if name not in headers]
    if missing:
        raise ValidationError(
            _("缺少列：%(columns)s。第一行须为列名：%(expected)s。")
            % {"columns": "、".join(missing), "expected": "，".join(FIGURE_COLUMNS)}
        )
    reader.fieldnames = headers
    rows, errors, years = [], [], set()
    this_year = timezone.localdate().year
    for line_number, line in enumerate(reader, start=2):
        if not any((value or "").strip() for value in line.values() if isinstance(value, str)):
            continue
        values = {}
        for header, field_name in FIGURE_COLUMNS.items():
            try:
                values[field_name] = _figure(header, line.get(header))
            except ValueError as error:
                errors.append(
                    _("第 %(line)s 行「%(column)s」：%(error)s")
                    % {"line": line_number, "column": header, "error": error}
                )
        year = values.get("year")
        if year is not None and not FIRST_YEAR <= year <= this_year:
            errors.append(
                _("第 %(line)s 行「年度」：须在 %(first)s 年至 %(last)s 年之间")
                % {"line": line_number, "first": FIRST_YEAR, "last": this_year}
            )
        elif year in years:
            errors.append(
                _("第 %(line)s 行：%(year)s 年重复出现") % {"line": line_number, "year": year}
            )
        years.add(year)
        rows.append(values)
    if errors:
        raise ValidationError(errors)
    if not rows:
        raise ValidationError(_("文件中没有数据行。"))
    result = ImportResult()
    with transaction.atomic():
        for values in rows:
            year = values.pop("year")
            _figures, created = AnnualFigures.objects.update_or_create(
                agency=agency, year=year, defaults={**values, "updated_by": user}
            )
            if created:
                result.created += 1
            else:
                result.updated += 1
    return result
