"""The report in the page editor: the national form with an input in every cell."""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminPageForm

from gov_disclosure.annual_reports.forms import sending_to_review
from gov_disclosure.annual_reports.layout import VALUE

from . import spec
from .layout import grid


class WebsiteFiguresWidget(forms.Widget):
    template_name = "disclosure_website_reports/widgets/figures.html"

    def value_from_datadict(self, data, files, name):
        return {entry.key: data.get(f"{name}-{entry.key}") for entry in spec.ENTRIES}

    def value_omitted_from_data(self, data, files, name):
        prefix = f"{name}-"
        return not any(key.startswith(prefix) for key in data)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        raw = value if isinstance(value, dict) else {}
        parsed, errors = spec.parse_figures(raw)
        context["rows"] = [
            [(cell, self._input(name, cell, raw, errors)) for cell in line] for line in grid(parsed)
        ]
        return context

    def _input(self, name, cell, raw, errors):
        if cell.kind != VALUE:
            return None
        entry = spec.ENTRIES_BY_KEY[cell.row]
        typed = raw.get(entry.key)
        # What the office typed stays in the box, even when it was refused.
        current = cell.shown if entry.key not in errors else str(typed or "").strip()
        attrs = {
            "name": f"{name}-{entry.key}",
            "aria-label": entry.full_label,
            **({"aria-invalid": "true"} if entry.key in errors else {}),
        }
        if entry.kind in (spec.YES_NO, spec.SITE_TYPE):
            options = (spec.YES, spec.NO) if entry.kind == spec.YES_NO else spec.SITE_TYPES
            return format_html(
                "<select{}><option value=''>—</option>{}</select>",
                flatatt(attrs),
                format_html_join(
                    "",
                    "<option value='{}'{}>{}</option>",
                    ((o, " selected" if o == current else "", o) for o in options),
                ),
            )
        attrs.update(value=current, type="date" if entry.kind == spec.DATE else "text")
        if entry.kind == spec.COUNT:
            attrs.update(inputmode="numeric", size="8", **{"class": "report-cell"})
        elif entry.kind == spec.DAYS:
            attrs.update(inputmode="decimal", size="6", **{"class": "report-cell"})
        else:
            attrs.update(maxlength=str(spec.MAX_TEXT), size="40")
        return format_html("<input{}>", flatatt(attrs))


class WebsiteFiguresField(forms.Field):
    widget = WebsiteFiguresWidget

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return value if isinstance(value, dict) else {}

    def to_python(self, value):
        figures, errors = spec.parse_figures(value)
        if errors:
            raise ValidationError(
                [f"{spec.ENTRIES_BY_KEY[key].full_label}：{error}" for key, error in errors.items()]
            )
        return figures

    def has_changed(self, initial, data):
        try:
            return self.to_python(initial) != self.to_python(data)
        except ValidationError:
            return True


class WebsiteReportPageForm(WagtailAdminPageForm):
    """A report with blanks the form requires may be saved, not sent to review."""

    figures = WebsiteFiguresField(label=gettext_lazy("报表"))

    def clean(self):
        cleaned_data = super().clean()
        figures = cleaned_data.get("figures")
        if figures is not None and sending_to_review(self.data):
            missing = spec.missing_entries(figures)
            if missing:
                self.add_error(
                    "figures",
                    [_("报表尚未填写完整，不能提交审核：")]
                    + ["、".join(entry.full_label for entry in missing)],
                )
        return cleaned_data
