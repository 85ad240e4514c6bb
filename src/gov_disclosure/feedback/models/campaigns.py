"""民主评议: 党政办 invites named reviewers (人大代表, 政协委员, 群众代表) to assess the
office's disclosure work in a questionnaire, each by a one-time link or printed code.

An invitation answers once. The reviewer's name is seen by 党政办 only; the results are
aggregated per question, and the summary can be published as a catalogue item (through
the review workflow like any other).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from gov_disclosure.core.encrypted_fields import EncryptedCharField, EncryptedEmailField


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("五级评价（很满意至很不满意）")
    TEXT = "text", _("文字意见")


class Scale(models.IntegerChoices):
    VERY_SATISFIED = 5, _("很满意")
    SATISFIED = 4, _("满意")
    BASIC = 3, _("基本满意")
    UNSATISFIED = 2, _("不满意")
    VERY_UNSATISFIED = 1, _("很不满意")


class ReviewerGroup(models.TextChoices):
    DEPUTY = "deputy", _("人大代表")
    MEMBER = "member", _("政协委员")
    PUBLIC = "public", _("群众代表")
    OTHER = "other", _("其他")


class CampaignForm(WagtailAdminModelForm):
    """党政办 runs campaigns for its own agency only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Imported here: the selectors import these models.
        from ..selectors.campaigns import campaign_agencies

        agencies = self.fields["agency"].queryset
        self.fields["agency"].queryset = campaign_agencies(self.for_user).filter(agencies, "pk")

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_on"), cleaned.get("closes_on")
        if opens and closes and closes < opens:
            self.add_error("closes_on", _("截止日期不能早于开始日期。"))
        return cleaned


class Campaign(ClusterableModel):
    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage",
        verbose_name=_("评议机关"),
        on_delete=models.PROTECT,
        related_name="review_campaigns",
    )
    title = models.CharField(_("评议名称"), max_length=100)
    intro = models.TextField(
        _("致评议人"), help_text=_("评议页面开头的说明，例如评议的目的和内容。")
    )
    opens_on = models.DateField(_("开始日期"))
    closes_on = models.DateField(_("截止日期"))
    created_at = models.DateTimeField(auto_now_add=True)
    # The item drafted from the results (campaign_summary_draft); published through review.
    summary_item = models.ForeignKey(
        "disclosure_pages.DisclosureItemPage",
        verbose_name=_("评议结果公开信息"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    base_form_class = CampaignForm
    panels = [
        FieldPanel("agency"),
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
        InlinePanel("questions", heading=_("评议问题"), label=_("问题"), min_num=1),
    ]

    class Meta:
        verbose_name = _("民主评议")
        verbose_name_plural = _("民主评议")
        ordering = ["-opens_on", "-pk"]

    def __str__(self):
        return self.title


class Question(Orderable):
    campaign = ParentalKey(Campaign, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("问题"), max_length=200)
    kind = models.CharField(
        _("类型"), max_length=10, choices=QuestionKind.choices, default=QuestionKind.SCALE
    )

    panels = [FieldRowPanel([FieldPanel("text"), FieldPanel("kind")])]

    class Meta(Orderable.Meta):
        verbose_name = _("评议问题")
        verbose_name_plural = _("评议问题")

    def __str__(self):
        return self.text


class Invitation(models.Model):
    """One reviewer's one-time link (or the code printed for them)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="invitations")
    name = EncryptedCharField(_("评议人"), max_length=60)
    group = models.CharField(_("类别"), max_length=10, choices=ReviewerGroup.choices)
    email = EncryptedEmailField(_("电子邮箱"), blank=True)
    code = models.CharField(_("评议码"), max_length=14, unique=True, editable=False)
    sent_at = models.DateTimeField(_("邀请发送时间"), null=True, blank=True)
    answered_at = models.DateTimeField(_("评议时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("评议邀请")
        verbose_name_plural = _("评议邀请")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name}（{self.get_group_display()}）"


class Answer(models.Model):
    """A reviewer's answer to one question; kept apart from the invitation's name in every
    view but 党政办's list of who has answered."""

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    scale = models.PositiveSmallIntegerField(_("评价"), choices=Scale.choices, null=True)
    text = models.TextField(_("意见"), blank=True)

    class Meta:
        verbose_name = _("评议答卷")
        verbose_name_plural = _("评议答卷")
        default_permissions = ()
        constraints = [
            models.UniqueConstraint(fields=["invitation", "question"], name="one_answer_each")
        ]

    def __str__(self):
        return f"{self.question_id}: {self.scale or self.text[:20]}"
