"""Citizens' letters (网民信件) to an agency, their replies and their public form.

The writer's personal data lives in ``LetterWriter`` (one to one), so it can be purged
while the letter, its handling and its published question and answer stay. Every change
of state goes through ``gov_disclosure.letters.services`` and is logged in Wagtail's audit log.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gov_disclosure.core.encrypted_fields import (
    EncryptedCharField,
    EncryptedEmailField,
    LookupDigestField,
)
from gov_disclosure.pages.models.sequence import AgencyYearSequence


class LetterKind(models.TextChoices):
    CONSULTATION = "consultation", _("咨询")
    SUGGESTION = "suggestion", _("建议")
    COMPLAINT = "complaint", _("投诉")
    HELP = "help", _("求助")
    OTHER = "other", _("其他")


class LetterState(models.TextChoices):
    RECEIVED = "received", _("待分办")
    ASSIGNED = "assigned", _("办理中")
    AWAITING_APPROVAL = "awaiting_approval", _("待领导审签")
    REPLIED = "replied", _("已答复")
    CLOSED = "closed", _("不予处理")


class ComplaintFinding(models.TextChoices):
    """What checking a complaint (行政效能投诉) found."""

    SUBSTANTIATED = "substantiated", _("属实")
    PARTLY = "partly", _("部分属实")
    UNSUBSTANTIATED = "unsubstantiated", _("不属实")


SUBSTANTIATED_FINDINGS = (ComplaintFinding.SUBSTANTIATED, ComplaintFinding.PARTLY)


class Rectification(models.TextChoices):
    DONE = "done", _("已整改")
    IN_PROGRESS = "in_progress", _("整改中")


OPEN_STATES = (LetterState.RECEIVED, LetterState.ASSIGNED, LetterState.AWAITING_APPROVAL)


class Letter(models.Model):
    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage",
        verbose_name=_("收信机关"),
        on_delete=models.PROTECT,
        related_name="letters",
    )
    number = models.CharField(_("信件编号"), max_length=30, editable=False)
    tracking_code = models.CharField(_("查询码"), max_length=14, unique=True, editable=False)
    kind = models.CharField(_("信件类型"), max_length=15, choices=LetterKind.choices)
    subject = models.CharField(_("标题"), max_length=100)
    content = models.TextField(_("来信内容"))
    allow_public = models.BooleanField(_("写信人同意公开"), default=False)
    received_at = models.DateTimeField(_("收信时间"))
    received_on = models.DateField(_("收信日期"), db_index=True, editable=False)
    reply_due_on = models.DateField(_("答复期限"), db_index=True, editable=False)
    phone_last4 = models.CharField(max_length=4, editable=False)

    state = models.CharField(
        _("状态"),
        max_length=20,
        choices=LetterState.choices,
        default=LetterState.RECEIVED,
        db_index=True,
    )
    department = models.ForeignKey(
        "disclosure_pages.Department",
        verbose_name=_("承办部门"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="letters",
    )

    # The reply as drafted by the department, and the letter's public form: both are
    # approved together, so nothing reaches the public that the leader did not sign.
    reply = models.TextField(_("答复内容"), blank=True)
    public_subject = models.CharField(_("公开标题"), max_length=100, blank=True)
    public_content = models.TextField(_("公开的来信内容"), blank=True)
    publish_requested = models.BooleanField(_("答复后公开"), default=False)
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("拟稿人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审签人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    # A complaint's outcome, stated with the reply: counted as the district asks
    # (投诉受理、查实、整改、反馈).
    complaint_finding = models.CharField(
        _("核查结论"), max_length=20, choices=ComplaintFinding.choices, blank=True
    )
    rectification = models.CharField(
        _("整改情况"), max_length=15, choices=Rectification.choices, blank=True
    )
    replied_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    replied_on = models.DateField(_("答复日期"), null=True, blank=True, editable=False)
    closed_reason = models.CharField(_("不予处理的理由"), max_length=200, blank=True)
    closed_on = models.DateField(_("不予处理日期"), null=True, blank=True, editable=False)
    writer_purged_at = models.DateTimeField(
        _("写信人信息清除时间"), null=True, blank=True, editable=False
    )
    published_at = models.DateTimeField(_("公开时间"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("网民信件")
        verbose_name_plural = _("网民信件")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="letter_number_per_agency")
        ]
        permissions = [
            ("manage_letters", _("分办和管理全部网民信件")),
            ("reply_letters", _("答复本部门承办的网民信件")),
            ("approve_letter_replies", _("审签网民信件答复")),
            ("view_letter_statistics", _("查看来信办理统计")),
        ]

    def __str__(self):
        return f"{self.number} {self.subject}"

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def is_published(self) -> bool:
        return self.published_at is not None


class LetterWriter(models.Model):
    """The writer's personal data: seen by the office only, never published. Encrypted in
    the database; found by the keyed hashes of the name and the phone number."""

    letter = models.OneToOneField(Letter, on_delete=models.CASCADE, related_name="writer")
    name = EncryptedCharField(_("姓名"), max_length=60)
    phone = EncryptedCharField(_("联系电话"), max_length=30)
    email = EncryptedEmailField(_("电子邮箱"), blank=True)
    address = EncryptedCharField(_("通信地址"), max_length=200, blank=True)
    name_digest = LookupDigestField(source="name")
    phone_digest = LookupDigestField(source="phone")

    class Meta:
        verbose_name = _("写信人信息")
        verbose_name_plural = _("写信人信息")
        default_permissions = ()

    def __str__(self):
        return str(_("写信人信息"))


class LetterSequence(AgencyYearSequence):
    """The last 信件编号 serial of one agency in one year (taken under a row lock)."""

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="letter_sequence_per_year")
        ]
