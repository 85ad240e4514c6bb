"""The admin form of a source: its key is written, never shown back."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import Source


class SourceForm(WagtailAdminModelForm):
    base_url = forms.URLField(
        label=_("站点地址"),
        assume_scheme="https",
        help_text=_("来源站点的根地址，例如 https://zhuangshi.example.gov.cn"),
    )
    api_key = forms.CharField(
        label=_("API 密钥"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("来源站点党政办签发的密钥；修改时留空则保留原密钥。"),
    )

    class Meta:
        model = Source
        fields = ["name", "base_url", "api_key", "enabled"]

    def clean_api_key(self):
        key = self.cleaned_data["api_key"].strip()
        return key or self.instance.api_key

    def clean_base_url(self):
        url = self.cleaned_data["base_url"].rstrip("/")
        if "?" in url or "#" in url:
            raise forms.ValidationError(
                _("站点地址只写根地址，不带参数，例如 https://zhuangshi.example.gov.cn")
            )
        return url
