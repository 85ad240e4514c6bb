"""群众点题: the public proposes what the office should disclose, and 党政办 answers.

The proposer's contact details (all optional) live in ``ProposalContact``, seen by the
office only and never published. What is listed publicly is 党政办's wording of the
topic (``public_topic``) with the answer.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gov_disclosure.core.encrypted_fields import (
    EncryptedCharField,
    EncryptedEmailField,
)
from gov_disclosure.pages.models.sequence import AgencyYearSequence
from gov_disclosure.requests.models import AnswerType

# The grounds of 条例 Art. 14–16 a topic is not disclosed on (the request answers' wording).
WITHHELD_GROUNDS = [
    (choice.value, choice.label) for choice in AnswerType if choice.value.startswith("withheld_")
]


class ProposalAnswerKind(models.TextChoices):
    WILL_PUBLISH = "will_publish", _("将予公开")
    PUBLISHED = "published", _("已经公开")
    NOT_DISCLOSABLE = "not_disclosable", _("不予公开")
    REFER_REQUEST = "refer_request", _("请依申请公开")


class ProposalState(models.TextChoices):
    RECEIVED = "received", _("待答复")
    ANSWERED = "answered", _("已答复")


class Proposal(models.Model):
    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage",
        verbose_name=_("点题机关"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    number = models.CharField(_("点题编号"), max_length=30, editable=False)
    tracking_code = models.CharField(_("查询码"), max_length=14, unique=True, editable=False)
    topic = models.CharField(_("希望公开的内容"), max_length=100)
    reason = models.TextField(_("理由"), blank=True)
    received_at = models.DateTimeField(_("提出时间"))
    received_on = models.DateField(_("提出日期"), db_index=True, editable=False)
    answer_due_on = models.DateField(_("答复期限"), db_index=True, editable=False)
    state = models.CharField(
        _("状态"),
        max_length=10,
        choices=ProposalState.choices,
        default=ProposalState.RECEIVED,
        db_index=True,
    )
    answer_kind = models.CharField(
        _("答复类型"), max_length=20, choices=ProposalAnswerKind.choices, blank=True
    )
    withheld_ground = models.CharField(
        _("不予公开的依据"), max_length=30, choices=WITHHELD_GROUNDS, blank=True
    )
    answer = models.TextField(_("答复内容"), blank=True)
    item = models.ForeignKey(
        "disclosure_pages.DisclosureItemPage",
        verbose_name=_("相关公开信息"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
    )
    public_topic = models.CharField(_("公开的点题内容"), max_length=100, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("答复人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("答复时间"), null=True, blank=True)
    answered_on = models.DateField(_("答复日期"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("群众点题")
        verbose_name_plural = _("群众点题")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "number"], name="proposal_number_per_agency")
        ]
        permissions = [("manage_proposals", _("答复群众点题"))]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.number} {self.topic}"

    @property
    def is_answered(self) -> bool:
        return self.state == ProposalState.ANSWERED


class ProposalContact(models.Model):
    """The proposer's contact details, if given: seen by the office only, never published."""

    proposal = models.OneToOneField(Proposal, on_delete=models.CASCADE, related_name="contact")
    name = EncryptedCharField(_("姓名"), max_length=60, blank=True)
    phone = EncryptedCharField(_("联系电话"), max_length=30, blank=True)
    email = EncryptedEmailField(_("电子邮箱"), blank=True)

    class Meta:
        verbose_name = _("点题人联系方式")
        verbose_name_plural = _("点题人联系方式")
        default_permissions = ()

    def __str__(self):
        return str(_("点题人联系方式"))


class ProposalSequence(AgencyYearSequence):
    """The last 点题编号 serial of one agency in one year (taken under a row lock)."""

    class Meta:
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="proposal_sequence_per_year")
        ]
