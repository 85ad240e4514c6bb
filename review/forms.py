from django import forms
from django.utils.translation import gettext_lazy as _

from .services import MIN_REASON_LENGTH


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=_("不予修改的理由"),
        widget=forms.Textarea(attrs={"rows": 2}),
        min_length=MIN_REASON_LENGTH,
        error_messages={
            "required": _("请写明不予修改的理由。"),
            "min_length": _("理由太短，请至少写 %(limit_value)d 个字。"),
        },
    )


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
    reason = forms.CharField(
        label=_("撤下原因"),
        widget=forms.Textarea(attrs={"rows": 3}),
        min_length=MIN_REASON_LENGTH,
        error_messages={
            "required": _("撤下公开信息须写明原因，原因会记入责任追究日志。"),
            "min_length": _("原因太短，请至少写 %(limit_value)d 个字。"),
        },
    )


class TimelinessRangeForm(forms.Form):
    date_from = forms.DateField(
        label=_("发布日期自"), widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(label=_("至"), widget=forms.DateInput(attrs={"type": "date"}))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("开始日期不能晚于结束日期。"))
        return cleaned
