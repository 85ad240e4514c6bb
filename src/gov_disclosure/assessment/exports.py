"""The results as an Excel workbook (openpyxl): the ranking with every figure and score,
and the rubric it was scored by."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from .models import Rubric
from .selectors import AgencyResult


def _shown(value: float | None, kind: str):
    if value is None:
        return "—"
    return round(value, 4) if kind == "share" else value


def results_workbook(*, rubric: Rubric, results: list[AgencyResult]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("考核结果")
    indicators = list(rubric.indicators.all())
    heading = [_("名次"), _("机关"), _("总分")]
    for indicator in indicators:
        heading += [f"{indicator.name}（{_('数值')}）", f"{indicator.name}（{_('得分')}）"]
    sheet.append([str(rubric)])
    sheet.append(heading)
    for result in results:
        row = [result.rank, result.unit.name, float(result.total)]
        for figure in result.figures:
            row += [_shown(figure.value, figure.indicator.kind), float(figure.score)]
        sheet.append(row)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True)
    for column, indicator in enumerate(indicators):
        if indicator.kind == "share":
            letter = sheet.cell(row=2, column=4 + 2 * column).column_letter
            for cell in sheet[letter][2:]:
                cell.number_format = "0.0%"
    sheet.column_dimensions["B"].width = 28

    rubric_sheet = workbook.create_sheet(_("考核指标"))
    rubric_sheet.append(
        [_("指标"), _("计算方法"), _("分值"), _("满分值"), _("零分值"), _("评分说明")]
    )
    for indicator in indicators:
        rubric_sheet.append(
            [
                indicator.name,
                indicator.get_measure_display(),
                float(indicator.weight),
                float(indicator.full_at),
                float(indicator.zero_at),
                indicator.note,
            ]
        )
    for cell in rubric_sheet[1]:
        cell.font = Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
