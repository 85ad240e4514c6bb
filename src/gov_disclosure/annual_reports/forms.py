"""Admin forms: the report's tables as the national grid of inputs, and the report actions."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from gov_disclosure.core.widgets import DateInput

from . import tables
from .layout import VALUE, grid

FIRST_YEAR = 2008  # the Regulations took effect on 1 May 2008


class ReportTableWidget(forms.Widget):
    """One table laid out as the national format, an input in every cell the office fills."""

    template_name = "disclosure_annual_reports/widgets/report_table.html"

    def __init__(self, table_key: str, attrs=None):
        super().__init__(attrs)
        self.table_key = table_key

    def value_from_datadict(self, data, files, name):
        return {
            row.key: {column: data.get(f"{name}-{row.key}-{column}", "") for column in row.columns}
            for row in tables.rows(self.table_key)
        }

    def value_omitted_from_data(self, data, files, name):
        prefix = f"{name}-"
        return not any(key.startswith(prefix) for key in data)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        parsed, errors = tables.parse_table(self.table_key, value)
        raw = value if isinstance(value, dict) else {}
        rows = []
        for line in grid(self.table_key, parsed):
            rows.append([(cell, self._input(name, cell, raw, errors)) for cell in line])
        context["rows"] = rows
        context["table_key"] = self.table_key
        return context

    def _input(self, name, cell, raw, errors):
        if cell.kind != VALUE:
            return None
        row = tables.row_by_key(self.table_key, cell.row)
        # What the office typed stays in the box, even when it was refused.
        typed = (raw.get(cell.row) or {}).get(cell.column)
        shown = cell.shown if typed is None or not str(typed).strip() else str(typed).strip()
        invalid = (cell.row, cell.column) in errors
        return format_html(
            "<input{}>",
            flatatt(
                {
                    "type": "text",
                    "name": f"{name}-{cell.input_name}",
                    "value": shown,
                    "inputmode": "decimal" if row.decimal else "numeric",
                    "class": "report-cell",
                    "size": "6",
                    "aria-label": tables.cell_label(self.table_key, row, cell.column),
                    **({"aria-invalid": "true"} if invalid else {}),
                }
            ),
        )


class ReportTableField(forms.Field):
    """A table's figures: every cell a count (or 万元 for fees), named in each error."""

    def __init__(self, table_key: str, **kwargs):
        self.table_key = table_key
        kwargs.setdefault("widget", ReportTableWidget(table_key))
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value if isinstance(value, dict) else {}

    def to_python(self, value):
        table, errors = tables.parse_table(self.table_key, value)
        if errors:
            messages = []
            for (row_key, column), error in errors.items():
                row = tables.row_by_key(self.table_key, row_key)
                messages.append(f"{tables.cell_label(self.table_key, row, column)}：{error}")
            raise ValidationError(messages)
        return tables.to_json(self.table_key, table)

    def has_changed(self, initial, data):
        try:
            return self.to_python(initial) != self.to_python(data)
        except ValidationError:
            return True


# The editor's buttons that send the report on its way: the check must hold for them.
SENDING_ACTIONS = ("action-submit", "action-restart-workflow", "action-publish")


def sending_to_review(data) -> bool:
    """Whether the page editor's POST ``data`` submits, resubmits, approves or publishes
    (a plain save may leave a report unfinished)."""
    if any(data.get(action) for action in SENDING_ACTIONS):
        return True
    return bool(data.get("action-workflow-action")) and (
        data.get("workflow-action-name") == "approve"
    )


class AnnualReportPageForm(WagtailAdminPageForm):
    """The tables as grids; a report whose table 三 does not balance is not sent to review."""

    proactive_table = ReportTableField(tables.PROACTIVE, label=gettext_lazy("表二"))
    requests_table = ReportTableField(tables.REQUESTS, label=gettext_lazy("表三"))
    appeals_table = ReportTableField(tables.APPEALS, label=gettext_lazy("表四"))

    def clean(self):
        cleaned_data = super().clean()
        table = cleaned_data.get("requests_table")
        if table is not None and sending_to_review(self.data):
            imbalances = tables.request_imbalances(tables.from_json(tables.REQUESTS, table))
            if imbalances:
                self.add_error(
                    "requests_table",
                    [_("表三不平衡，不能提交审核：")] + [item.message for item in imbalances],
                )
        return cleaned_data


class GenerateReportForm(forms.Form):
    agency = forms.ModelChoiceField(label=gettext_lazy("机关"), queryset=None, empty_label=None)
    year = forms.TypedChoiceField(label=gettext_lazy("年度"), coerce=int)

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        from gov_disclosure.pages.models import DisclosureIndexPage

        self.fields["agency"].queryset = DisclosureIndexPage.objects.filter(
            pk__in=[agency.pk for agency in agencies]
        ).order_by("title")
        this_year = timezone.localdate().year
        self.fields["year"].choices = [
            (year, str(year)) for year in range(this_year, FIRST_YEAR - 1, -1)
        ]
        self.fields["year"].initial = this_year - 1


class SubmitReportForm(forms.Form):
    submitted_on = forms.DateField(
        label=gettext_lazy("报送日期"),
        widget=DateInput(),
        initial=timezone.localdate,
    )
    note = forms.CharField(
        label=gettext_lazy("说明"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("例如：经区政务公开办政务网报送，或纸质报送。"),
    )

    def clean_submitted_on(self):
        day: datetime.date = self.cleaned_data["submitted_on"]
        if day > timezone.localdate():
            raise ValidationError(_("报送日期不能晚于今天。"))
        return day


class FiguresImportForm(forms.Form):
    agency = forms.ModelChoiceField(label=gettext_lazy("机关"), queryset=None, empty_label=None)
    file = forms.FileField(
        label=gettext_lazy("CSV 文件"),
        help_text=gettext_lazy(
            "第一行为列名：年度,行政许可,行政处罚,行政强制,行政事业性收费（万元）；"
            "每个年度一行。已有的年度将被更新。"
        ),
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
