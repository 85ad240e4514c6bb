"""The public letter form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gov_disclosure.core.public_forms import (
    BotCheckedForm,
    phone_validator,
    required_messages_in_chinese,
)

from .models import LetterKind


class LetterForm(BotCheckedForm):
    """写信: a rejected form comes back with everything typed."""

    kind = forms.ChoiceField(
        label=_("信件类型"), choices=LetterKind.choices, widget=forms.RadioSelect
    )
    subject = forms.CharField(
        label=_("标题"),
        min_length=4,
        max_length=100,
        error_messages={
            "min_length": _("标题至少4个字。"),
            "max_length": _("标题不能超过100个字。"),
        },
    )
    content = forms.CharField(
        label=_("来信内容"),
        widget=forms.Textarea(attrs={"rows": 10}),
        min_length=10,
        max_length=5000,
        error_messages={
            "min_length": _("请把事情写得具体一些（至少10个字），以便办理。"),
            "max_length": _("来信内容不能超过5000个字。"),
        },
    )
    name = forms.CharField(label=_("姓名"), max_length=60)
    phone = forms.CharField(label=_("联系电话"), max_length=30, validators=[phone_validator])
    email = forms.EmailField(
        label=_("电子邮箱（选填）"),
        required=False,
        help_text=_("填写后，收信回执和答复会发到此邮箱。"),
        error_messages={"invalid": _("请填写有效的电子邮箱地址。")},
    )
    address = forms.CharField(label=_("通信地址（选填）"), max_length=200, required=False)
    allow_public = forms.BooleanField(
        label=_("同意在隐去个人信息后公开此信件及答复"),
        required=False,
        help_text=_("公开时不显示您的姓名、电话、邮箱和地址，来信中的个人信息也会隐去。"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required_messages_in_chinese(self)
        self.fields["kind"].error_messages["required"] = _("请选择信件类型。")

    def clean_subject(self):
        return " ".join(self.cleaned_data["subject"].split())

    def letter_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "subject": data["subject"],
            "content": data["content"].strip(),
            "allow_public": data["allow_public"],
        }

    def writer_fields(self) -> dict:
        data = self.cleaned_data
        return {key: data[key].strip() for key in ("name", "phone", "email", "address")}
