from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gov_disclosure.core.encrypted_fields import (
    EncryptedCharField,
    EncryptedEmailField,
    LookupDigestField,
)
from gov_disclosure.requests.storage import private_storage

from .choices import DocumentKind, IdDocumentType
from .request import DisclosureRequest


class Applicant(models.Model):
    """The applicant's personal data: seen by 党政办 and the handler only, purged after
    the retention period (``DISCLOSURE_REQUEST_RETENTION_DAYS``). Encrypted in the
    database; found by the keyed hashes of the name and the phone number."""

    request = models.OneToOneField(
        DisclosureRequest, on_delete=models.CASCADE, related_name="applicant"
    )
    name = EncryptedCharField(_("姓名或名称"), max_length=100)
    id_document_type = models.CharField(
        _("证件类型"), max_length=20, choices=IdDocumentType.choices, blank=True
    )
    id_document_number = EncryptedCharField(_("证件号码"), max_length=40, blank=True)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, blank=True)
    legal_representative = EncryptedCharField(_("法定代表人或负责人"), max_length=60, blank=True)
    contact_name = EncryptedCharField(_("联系人"), max_length=60, blank=True)
    phone = EncryptedCharField(_("联系电话"), max_length=30)
    email = EncryptedEmailField(_("电子邮箱"), blank=True)
    address = EncryptedCharField(_("通信地址"), max_length=200, blank=True)
    name_digest = LookupDigestField(source="name")
    phone_digest = LookupDigestField(source="phone")
    postcode = models.CharField(_("邮政编码"), max_length=6, blank=True)

    class Meta:
        verbose_name = _("申请人信息")
        verbose_name_plural = _("申请人信息")
        default_permissions = ()

    def __str__(self):
        return str(_("申请人信息"))


def _private_file_path(instance, filename):
    # Random names on disk: never the name the sender's computer gave the file.
    return f"requests/{instance.folder}/{instance.stored_name}"


class PrivateFile(models.Model):
    """A file of a request kept in the private storage, with what staff are shown of it."""

    folder = ""
    file = models.FileField(storage=private_storage, upload_to=_private_file_path)
    stored_name = models.CharField(max_length=64, editable=False)
    original_name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField(_("大小"))

    class Meta:
        abstract = True

    def __str__(self):
        return self.original_name


class ApplicantFile(PrivateFile):
    """An applicant's upload (the ID copy, a business licence). Held without a request
    while the form is being corrected, so nothing uploaded is lost."""

    folder = "applicants"
    request = models.ForeignKey(
        DisclosureRequest, null=True, on_delete=models.CASCADE, related_name="applicant_files"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        default_permissions = ()


class RequestDocument(PrivateFile):
    """A letter of the office in the request's file: reply, notices, consultation letters.
    Held without a request while an action's form is being corrected, so the file chosen
    is not lost (``gov_disclosure.requests.services.office_uploads_hold``)."""

    folder = "documents"
    request = models.ForeignKey(
        DisclosureRequest, null=True, on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(_("文书类型"), max_length=25, choices=DocumentKind.choices)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at", "pk"]
        default_permissions = ()
