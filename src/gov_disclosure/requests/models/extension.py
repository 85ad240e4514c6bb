from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .request import DisclosureRequest


class ExtensionDecision(models.TextChoices):
    PENDING = "pending", _("待批准")
    APPROVED = "approved", _("已同意")
    REFUSED = "refused", _("不同意")


class ExtensionApplication(models.Model):
    """Art. 33: the handler asks to extend the answer period; it moves only once the
    head of the office (the approver named, who holds “批准延长答复期限”) agrees."""

    request = models.ForeignKey(
        DisclosureRequest, on_delete=models.CASCADE, related_name="extension_applications"
    )
    days = models.PositiveSmallIntegerField(_("延长工作日数"))
    reason = models.TextField(_("延期理由"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("申请人"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("申请时间"), auto_now_add=True)
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("批准人"),
        on_delete=models.PROTECT,
        related_name="extension_applications_to_decide",
    )
    decision = models.CharField(
        _("审批结果"),
        max_length=10,
        choices=ExtensionDecision.choices,
        default=ExtensionDecision.PENDING,
        db_index=True,
    )
    decided_at = models.DateTimeField(_("审批时间"), null=True, blank=True)
    decision_note = models.TextField(_("审批意见"), blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("延期申请")
        verbose_name_plural = _("延期申请")
        constraints = [
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(decision="pending"),
                name="one_pending_extension_per_request",
            )
        ]

    def __str__(self):
        return f"{self.request.reference} 延长 {self.days} 个工作日"
