from django import forms
from django.utils.translation import gettext_lazy as _

from gov_disclosure.core.widgets import DateInput

from .services import MIN_REASON_LENGTH


def reason_field(label, required_message, *, rows: int) -> forms.CharField:
    """A written reason for the accountability log (see services._written_reason)."""
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        min_length=MIN_REASON_LENGTH,
        error_messages={
            "required": required_message,
            "min_length": _("太短了，请至少写 %(limit_value)d 个字。"),
        },
    )


class OverrideForm(forms.Form):
    reason = reason_field(_("不予修改的理由"), _("请写明不予修改的理由。"), rows=2)


class DecisionForm(forms.Form):
    """Approve or send back from the 保密审查 page; sending back needs a comment."""

    decision = forms.ChoiceField(
        choices=[("approve", _("通过")), ("reject", _("退回修改"))], widget=forms.HiddenInput
    )
    comment = forms.CharField(
        label=_("审查意见"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("comment", "").strip():
            self.add_error("comment", _("退回修改时请写明意见，作者会收到这条意见。"))
        return cleaned


class UnpublishReasonForm(forms.Form):
    reason = reason_field(
        _("撤下原因"), _("撤下公开信息须写明原因，原因会记入责任追究日志。"), rows=3
    )


class TimelinessRangeForm(forms.Form):
    date_from = forms.DateField(label=_("发布日期自"), widget=DateInput())
    date_to = forms.DateField(label=_("至"), widget=DateInput())

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("开始日期不能晚于结束日期。"))
        return cleaned
