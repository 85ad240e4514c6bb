"""The admin form of an API key (the secret itself is never a form field)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from gov_disclosure.pages import roles

from .models import ConsumerKey, Scope


class ConsumerKeyForm(WagtailAdminModelForm):
    name = forms.CharField(
        label=_("使用方名称"),
        max_length=50,
        help_text=_("谁在用这个密钥，例如：镇海区政务公开聚合平台。"),
    )
    scopes = forms.MultipleChoiceField(
        label=_("权限范围"),
        choices=Scope.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("请至少选择一个权限范围。")},
    )
    expiry_date = forms.DateTimeField(
        label=_("到期时间"), required=False, help_text=_("到期后密钥自动失效；留空则长期有效。")
    )
    revoked = forms.BooleanField(
        label=_("已吊销"),
        required=False,
        help_text=_("吊销后使用方立即无法再用此密钥，且不能恢复。"),
    )

    class Meta:
        model = ConsumerKey
        fields = ["name", "agency", "scopes", "rate_per_minute", "expiry_date", "revoked"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.revoked:
            self.fields["revoked"].disabled = True
        if self.instance._state.adding:
            # A key is issued live; revoking comes later, on the edit form.
            del self.fields["revoked"]

    def clean(self):
        cleaned_data = super().clean()
        if "agency" in self.fields and cleaned_data.get("agency") is None:
            scope = roles.agencies_where(self.for_user, "disclosure_api.add_consumerkey")
            if self.for_user is not None and not scope.everywhere:
                self.add_error("agency", _("请选择签发机关：全平台密钥只能由区政务公开办签发。"))
        if self.instance.revoked and not cleaned_data.get("revoked", True):
            self.add_error("revoked", _("已吊销的密钥不能恢复；请新建一个密钥。"))
        return cleaned_data
