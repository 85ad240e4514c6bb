"""The public application form and the status lookup."""

import re

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from gov_disclosure.core.file_checks import checked_upload
from gov_disclosure.core.public_forms import (
    BotCheckedForm,
    phone_validator,
    required_messages_in_chinese,
)
from gov_disclosure.pages.validators import is_valid_uscc
from gov_disclosure.review.checks.personal_data import is_valid_id_number

from .models import (
    ApplicantCategory,
    ApplicantFile,
    Delivery,
    IdDocumentType,
    InformationForm,
)
from .uploads import APPLICANT_KINDS, APPLICANT_MAX_BYTES, APPLICANT_MAX_FILES

PERSON, ORGANISATION = "person", "organisation"
PERSON_REQUIRED = ("name", "id_document_type", "id_document_number")
ORGANISATION_REQUIRED = (
    "organisation_category",
    "organisation_name",
    "credit_code",
    "legal_representative",
    "contact_name",
)
_KEPT_SALT = "disclosure_requests.kept_files"

postcode_validator = RegexValidator(r"^\d{6}$", _("邮政编码为6位数字。"))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class ApplicationForm(BotCheckedForm):
    """政府信息公开申请表. Conditional fields are checked in ``clean``; a rejected form
    comes back with everything typed and every accepted upload kept."""

    applicant_kind = forms.ChoiceField(
        label=_("申请人类型"),
        choices=[(PERSON, _("自然人")), (ORGANISATION, _("法人或其他组织"))],
        widget=forms.RadioSelect,
    )
    organisation_category = forms.ChoiceField(
        label=_("组织类别"),
        choices=[("", _("请选择"))]
        + [(c.value, c.label) for c in ApplicantCategory.organisations()],
        required=False,
    )
    name = forms.CharField(label=_("姓名"), max_length=60, required=False)
    id_document_type = forms.ChoiceField(
        label=_("证件类型"), choices=IdDocumentType.choices, required=False
    )
    id_document_number = forms.CharField(label=_("证件号码"), max_length=40, required=False)
    organisation_name = forms.CharField(label=_("单位名称"), max_length=100, required=False)
    credit_code = forms.CharField(label=_("统一社会信用代码"), max_length=18, required=False)
    legal_representative = forms.CharField(
        label=_("法定代表人或负责人"), max_length=60, required=False
    )
    contact_name = forms.CharField(label=_("联系人姓名"), max_length=60, required=False)
    phone = forms.CharField(label=_("联系电话"), max_length=30, validators=[phone_validator])
    email = forms.EmailField(
        label=_("电子邮箱"),
        required=False,
        error_messages={"invalid": _("请填写有效的电子邮箱地址。")},
    )
    address = forms.CharField(label=_("通信地址"), max_length=200, required=False)
    postcode = forms.CharField(
        label=_("邮政编码"), max_length=6, required=False, validators=[postcode_validator]
    )
    description = forms.CharField(
        label=_("所需政府信息的名称、文号或者便于查询的其他特征性描述"),
        widget=forms.Textarea(attrs={"rows": 6}),
        min_length=10,
        max_length=5000,
        error_messages={
            "min_length": _("请把所需信息描述得具体一些（至少10个字），以便查找。"),
            "max_length": _("描述不能超过5000个字。"),
        },
    )
    purpose = forms.CharField(
        label=_("用途（选填）"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        required=False,
    )
    information_form = forms.ChoiceField(
        label=_("获取信息的载体形式"), choices=InformationForm.choices, widget=forms.RadioSelect
    )
    delivery = forms.ChoiceField(
        label=_("获取信息的方式"), choices=Delivery.choices, widget=forms.RadioSelect
    )
    files = MultipleFileField(
        label=_("身份证明材料"),
        required=False,
        help_text=_(
            "身份证件或营业执照等的扫描件或照片，PDF、JPG 或 PNG，每个不超过5MB，最多5个。"
        ),
    )
    kept_files = forms.CharField(widget=forms.HiddenInput, required=False)
    declaration = forms.BooleanField(
        label=_("本人（本单位）承诺以上所填内容真实有效"),
        error_messages={"required": _("请确认所填内容真实有效。")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required_messages_in_chinese(self)
        self.fields["applicant_kind"].error_messages["required"] = _("请选择申请人类型。")
        # Required within their group (the applicant type's fieldset), so marked as such;
        # ``clean`` asks for them when the group applies.
        for name in (*PERSON_REQUIRED, *ORGANISATION_REQUIRED):
            self.fields[name].required_in_group = True
        self.kept: list[ApplicantFile] = self._kept_from_data()

    # --- files kept across a rejected submission ---

    def _kept_from_data(self) -> list[ApplicantFile]:
        token = self.data.get(self.add_prefix("kept_files")) if self.is_bound else ""
        if not token:
            return []
        try:
            ids = signing.loads(token, salt=_KEPT_SALT, max_age=86400)
        except signing.BadSignature:
            return []
        return list(ApplicantFile.objects.filter(pk__in=ids, request__isnull=True))

    def kept_token(self) -> str:
        return signing.dumps([kept.pk for kept in self.kept], salt=_KEPT_SALT)

    def clean_credit_code(self):
        return self.cleaned_data["credit_code"].strip().upper()

    def clean_id_document_number(self):
        return re.sub(r"\s", "", self.cleaned_data["id_document_number"]).upper()

    def clean_files(self):
        uploads = self.cleaned_data["files"]
        if len(uploads) + len(self.kept) > APPLICANT_MAX_FILES:
            raise ValidationError(_("最多上传%(max)d个文件。") % {"max": APPLICANT_MAX_FILES})
        errors, accepted = [], []
        for upload in uploads:
            try:
                accepted.append(
                    (
                        upload,
                        checked_upload(
                            upload, kinds=APPLICANT_KINDS, max_bytes=APPLICANT_MAX_BYTES
                        ),
                    )
                )
            except ValidationError as error:
                errors.extend(error.messages)
        self.accepted_uploads = accepted
        if errors:
            raise ValidationError(errors)
        return uploads

    def _require(self, *names):
        for name in names:
            if not self.cleaned_data.get(name):
                self.add_error(name, _("请填写“%(label)s”。") % {"label": self.fields[name].label})

    def clean(self):
        data = super().clean()
        kind = data.get("applicant_kind")
        if kind == PERSON:
            self._require(*PERSON_REQUIRED)
            if (
                data.get("id_document_type") == IdDocumentType.RESIDENT_ID
                and data.get("id_document_number")
                and not is_valid_id_number(data["id_document_number"])
            ):
                self.add_error(
                    "id_document_number",
                    _("居民身份证号码无效：请核对18位号码（出生日期和最后一位校验码）。"),
                )
        elif kind == ORGANISATION:
            self._require(*ORGANISATION_REQUIRED)
            if data.get("credit_code") and not is_valid_uscc(data["credit_code"]):
                self.add_error(
                    "credit_code", _("统一社会信用代码无效：请核对18位代码及最后一位校验码。")
                )
        delivery = data.get("delivery")
        if delivery == Delivery.EMAIL:
            self._require("email")
        if delivery == Delivery.POST:
            self._require("address")
        return data

    # --- results for the service ---

    def applicant_category(self) -> str:
        if self.cleaned_data["applicant_kind"] == PERSON:
            return ApplicantCategory.PERSON
        return self.cleaned_data["organisation_category"]

    def applicant_fields(self) -> dict:
        data = self.cleaned_data
        common = {
            "phone": data["phone"],
            "email": data["email"],
            "address": data["address"],
            "postcode": data["postcode"],
        }
        if data["applicant_kind"] == PERSON:
            return {
                "name": data["name"],
                "id_document_type": data["id_document_type"],
                "id_document_number": data["id_document_number"],
                **common,
            }
        return {
            "name": data["organisation_name"],
            "credit_code": data["credit_code"],
            "legal_representative": data["legal_representative"],
            "contact_name": data["contact_name"],
            **common,
        }

    def request_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "applicant_category": self.applicant_category(),
            "description": data["description"].strip(),
            "purpose": data["purpose"].strip(),
            "information_form": data["information_form"],
            "delivery": data["delivery"],
        }
