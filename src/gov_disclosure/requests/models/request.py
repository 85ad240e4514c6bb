from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from gov_disclosure.pages.models.sequence import AgencyYearSequence

from .choices import (
    OPEN_STATES,
    AnswerType,
    ApplicantCategory,
    Channel,
    Delivery,
    InformationForm,
    PauseKind,
    State,
)


class DisclosureRequest(models.Model):
    """One application for disclosure (政府信息公开申请) to one agency.

    Personal data of the applicant lives in ``Applicant`` (one to one), so it can be
    purged while the request, its deadlines and its outcome stay for the annual
    report. Every change of state goes through ``gov_disclosure.requests.services`` and is
    logged in Wagtail's audit log, which is the request's timeline.
    """

    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage",
        verbose_name=_("受理机关"),
        on_delete=models.PROTECT,
        related_name="disclosure_requests",
    )
    reference = models.CharField(_("受理编号"), max_length=30, editable=False)
    tracking_code = models.CharField(_("查询码"), max_length=14, unique=True, editable=False)
    channel = models.CharField(_("申请方式"), max_length=12, choices=Channel.choices)
    received_at = models.DateTimeField(_("收到时间"))
    received_on = models.DateField(_("收到日期"), db_index=True, editable=False)
    applicant_category = models.CharField(
        _("申请人类型"), max_length=20, choices=ApplicantCategory.choices
    )
    description = models.TextField(_("所需政府信息的名称、文号或者便于查询的其他特征性描述"))
    purpose = models.TextField(_("用途"), blank=True)
    information_form = models.CharField(
        _("获取信息的载体形式"), max_length=12, choices=InformationForm.choices
    )
    delivery = models.CharField(_("获取信息的方式"), max_length=12, choices=Delivery.choices)

    state = models.CharField(
        _("状态"), max_length=15, choices=State.choices, default=State.RECEIVED, db_index=True
    )
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("承办人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="handled_disclosure_requests",
    )

    # The statutory clock: counted from ``clock_started_on`` (the receipt, or the day the
    # corrected request arrived), by ``gov_disclosure.requests.deadlines``.
    clock_started_on = models.DateField(_("起算日"), editable=False)
    correction_notice_due_on = models.DateField(_("补正告知期限"), editable=False)
    correction_due_on = models.DateField(_("申请人补正期限"), null=True, blank=True)
    extension_days = models.PositiveSmallIntegerField(_("延长工作日"), default=0)
    extension_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("延期批准人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answer_due_on = models.DateField(
        _("答复期限"), null=True, blank=True, db_index=True, editable=False
    )

    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    answer_type = models.CharField(
        _("办理结果"), max_length=40, choices=AnswerType.choices, blank=True
    )
    closed_on = models.DateField(_("办结日期"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("合并至"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_requests",
    )
    referred_to_agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage",
        verbose_name=_("告知或转送的机关"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    referred_to_name = models.CharField(
        _("告知的机关（名称和联系方式）"), max_length=200, blank=True
    )
    forwarded_from = models.ForeignKey(
        "self",
        verbose_name=_("转自"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="forwarded_copies",
    )

    # For the applicant's status page; blanked with the rest of the personal data.
    phone_last4 = models.CharField(max_length=4, blank=True, editable=False)
    personal_data_purged_at = models.DateTimeField(_("个人信息清除时间"), null=True, blank=True)
    last_reminded_on = models.DateField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("依申请公开申请")
        verbose_name_plural = _("依申请公开申请")
        ordering = ["-received_at", "-pk"]
        default_permissions = ("add", "change", "view")
        permissions = [
            ("manage_requests", _("管理全部申请（分派、查看申请人信息、导出）")),
            ("approve_extension", _("批准延长答复期限")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "reference"], name="request_reference_per_agency"
            )
        ]

    def __str__(self):
        return str(_("申请 %(reference)s") % {"reference": self.reference})

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


class RequestHandling(models.Model):
    """Holds the permission of handlers (信息员) to work on requests assigned to them.

    No table. It sits on its own content type, not the request's, so holding it does
    not open Wagtail's site history of every request to each handler.
    """

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("handle_requests", _("承办分派给本人的依申请公开申请"))]
        verbose_name = _("申请承办")

    def __str__(self):
        return str(self._meta.verbose_name)


class RequestSequence(AgencyYearSequence):
    """The last 受理编号 serial of one agency in one year (locked while taken)."""

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="request_sequence_per_year")
        ]


class RequestPause(models.Model):
    """Days that do not count: consulting a third party (Art. 32) or waiting for a fee.

    The clock stops after ``started_on`` and runs again the day after ``ended_on``.
    """

    request = models.ForeignKey(DisclosureRequest, on_delete=models.CASCADE, related_name="pauses")
    kind = models.CharField(_("事由"), max_length=15, choices=PauseKind.choices)
    started_on = models.DateField(_("开始日期"))
    ended_on = models.DateField(_("结束日期"), null=True, blank=True)
    due_on = models.DateField(_("对方期限"), help_text=_("第三方答复或申请人缴费的期限"))
    party = models.CharField(_("征求意见对象"), max_length=200, blank=True)
    fee_amount = models.DecimalField(
        _("收费金额（元）"), max_digits=10, decimal_places=2, null=True, blank=True
    )
    fee_paid_amount = models.DecimalField(
        _("实缴金额（元）"), max_digits=10, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["started_on", "pk"]
        verbose_name = _("暂停计时")
        verbose_name_plural = _("暂停计时")

    def __str__(self):
        return f"{self.get_kind_display()} {self.started_on}"
