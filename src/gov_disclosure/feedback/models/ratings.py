"""满意度: the public's rating of a published item or a published letter answer.

Nothing personal is stored: no address, no browser, no account. Floods and repeats are
held off by per-address counters in the shared cache (``services.rating_submit``'s
caller), which expire. A comment is seen by the agency's 党政办 only until it is
approved; then by the district and on the agency's public ratings page.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Satisfaction(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    BASIC = "basic", _("基本满意")
    UNSATISFIED = "unsatisfied", _("不满意")


class TargetKind(models.TextChoices):
    ITEM = "item", _("公开信息")
    LETTER = "letter", _("来信答复")


class CommentState(models.TextChoices):
    NONE = "none", _("无留言")
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("已通过")
    REJECTED = "rejected", _("不予显示")


class Rating(models.Model):
    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage",
        verbose_name=_("被评价机关"),
        on_delete=models.CASCADE,
        related_name="ratings",
    )
    kind = models.CharField(_("评价对象"), max_length=10, choices=TargetKind.choices)
    # The rated item or letter; kept (with its title) when either is deleted, so a year's
    # figures do not change afterwards.
    item = models.ForeignKey(
        "disclosure_pages.DisclosureItemPage",
        verbose_name=_("公开信息"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ratings",
    )
    letter = models.ForeignKey(
        "disclosure_letters.Letter",
        verbose_name=_("来信"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ratings",
    )
    target_title = models.CharField(_("评价对象名称"), max_length=255)
    satisfaction = models.CharField(
        _("满意程度"), max_length=12, choices=Satisfaction.choices, db_index=True
    )
    comment = models.TextField(_("留言"), blank=True)
    comment_state = models.CharField(
        _("留言状态"),
        max_length=10,
        choices=CommentState.choices,
        default=CommentState.NONE,
        db_index=True,
    )
    created_at = models.DateTimeField(_("评价时间"), default=timezone.now, db_index=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("审核人"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("审核时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("公众评价")
        verbose_name_plural = _("公众评价")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["agency", "created_at"], name="rating_agency_created")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(item__isnull=False, letter__isnull=False), name="rating_one_target"
            ),
        ]
        permissions = [("moderate_ratings", _("审核公众评价留言"))]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.get_satisfaction_display()} · {self.target_title}"
