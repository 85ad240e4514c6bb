"""Writes to 民主评议: inviting reviewers, taking a reviewer's one answer, and drafting
the summary as a catalogue item."""

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gov_disclosure.core.task_queue import queue_after_commit
from gov_disclosure.core.tracking_codes import tracking_code_unused
from gov_disclosure.pages.models import DisclosureCategoryPage, DisclosureItemPage
from gov_disclosure.pages.models.choices import Genre, Subject

from ..models import Answer, Campaign, Invitation, QuestionKind, ReviewerGroup, Scale
from ..selectors.campaigns import campaign_is_open, campaign_results, user_runs_campaign

INVITE = "disclosure_feedback.campaign_invite"
SUMMARY = "disclosure_feedback.campaign_summary"
_GROUPS = {str(choice.label): choice.value for choice in ReviewerGroup}


class CampaignActionRefused(Exception):
    """What the campaign's dates, the invitation's use or the user's role do not allow."""


def invitations_parse(text: str) -> list[dict]:
    """One reviewer a line: ``姓名，类别[，电子邮箱]`` (类别: 人大代表, 政协委员, 群众代表,
    其他). Raises with the line that cannot be read."""
    reviewers = []
    for number, line in enumerate(text.splitlines(), 1):
        parts = [part.strip() for part in line.replace("，", ",").split(",")]
        if not any(parts):
            continue
        if len(parts) < 2 or not parts[0] or parts[1] not in _GROUPS:
            raise CampaignActionRefused(
                _("第%(n)s行无法识别：请按“姓名，类别，电子邮箱（可省略）”填写，类别为%(groups)s。")
                % {"n": number, "groups": "、".join(_GROUPS)}
            )
        email = parts[2] if len(parts) > 2 else ""
        if email and "@" not in email:
            raise CampaignActionRefused(
                _("第%(n)s行的电子邮箱“%(email)s”无效。") % {"n": number, "email": email}
            )
        reviewers.append({"name": parts[0][:60], "group": _GROUPS[parts[1]], "email": email})
    if not reviewers:
        raise CampaignActionRefused(_("请至少填写一位评议人。"))
    return reviewers


@transaction.atomic
def invitations_add(*, campaign: Campaign, text: str, user) -> list[Invitation]:
    """Invite the reviewers listed in ``text``; those with an address are mailed their link."""
    if not user_runs_campaign(user=user, campaign=campaign):
        raise CampaignActionRefused(_("您无权组织此评议。"))
    invitations = [
        Invitation.objects.create(
            campaign=campaign, code=tracking_code_unused(Invitation, "code"), **reviewer
        )
        for reviewer in invitations_parse(text)
    ]
    log(instance=campaign, action=INVITE, user=user, data={"count": len(invitations)})
    from .. import tasks

    for invitation in invitations:
        if invitation.email:
            queue_after_commit(tasks.mail_reviewer_invitation, invitation_id=invitation.pk)
    return invitations


@transaction.atomic
def campaign_answer(*, invitation: Invitation, answers: dict[int, dict]) -> None:
    """Record a reviewer's answers (question pk → {"scale": int} or {"text": str}); an
    invitation answers once, while the campaign is open."""
    current = (
        Invitation.objects.select_for_update().select_related("campaign").get(pk=invitation.pk)
    )
    if current.answered_at is not None:
        raise CampaignActionRefused(_("此评议码已经使用过，每位评议人只能评议一次。"))
    if not campaign_is_open(current.campaign):
        raise CampaignActionRefused(_("评议不在开放期间（%(opens)s 至 %(closes)s）。") % {
            "opens": current.campaign.opens_on, "closes": current.campaign.closes_on,
        })  # fmt: skip
    for question in current.campaign.questions.all():
        given = answers.get(question.pk, {})
        if question.kind == QuestionKind.SCALE:
            if given.get("scale") not in Scale.values:
                raise CampaignActionRefused(
                    _("请对“%(question)s”作出评价。") % {"question": question.text}
                )
            Answer.objects.create(invitation=current, question=question, scale=given["scale"])
        elif given.get("text", "").strip():
            Answer.objects.create(
                invitation=current, question=question, text=given["text"].strip()[:2000]
            )
    current.answered_at = timezone.now()
    current.save(update_fields=["answered_at"])


def _summary_body(campaign: Campaign) -> list[dict]:
    invited = campaign.invitations.count()
    answered = campaign.invitations.filter(answered_at__isnull=False).count()
    paragraphs = [
        _("%(agency)s于%(opens)s至%(closes)s组织开展“%(title)s”，邀请人大代表、政协委员和"
          "群众代表%(invited)s人参加，收回评议意见%(answered)s份。结果如下：") % {
            "agency": campaign.agency.agency_name, "opens": campaign.opens_on,
            "closes": campaign.closes_on, "title": campaign.title,
            "invited": invited, "answered": answered,
        }
    ]  # fmt: skip
    for result in campaign_results(campaign=campaign):
        if result.question.kind == QuestionKind.TEXT:
            paragraphs.append(
                _("%(question)s：收到文字意见%(count)s条。")
                % {"question": result.question.text, "count": result.answered}
            )
            continue
        counts = "，".join(f"{label}{count}份" for label, count in result.counts)
        share = f"{result.satisfied_share:.1%}" if result.satisfied_share is not None else "—"
        paragraphs.append(
            _("%(question)s：%(counts)s；满意率（基本满意及以上）%(share)s。")
            % {"question": result.question.text, "counts": counts, "share": share}
        )
    return [{"type": "paragraph", "value": f"<p>{escape(text)}</p>"} for text in paragraphs]


@transaction.atomic
def campaign_summary_draft(
    *, campaign: Campaign, category: DisclosureCategoryPage, publisher, user
) -> DisclosureItemPage:
    """The campaign's results as a draft item of the agency's catalogue; it is published
    through the review workflow like any other item."""
    if not user_runs_campaign(user=user, campaign=campaign):
        raise CampaignActionRefused(_("您无权组织此评议。"))
    if not category.is_descendant_of(campaign.agency):
        raise CampaignActionRefused(_("请选择本机关目录中的分类。"))
    if publisher.agency_id != campaign.agency_id:
        raise CampaignActionRefused(_("请选择本机关的部门作为发布机构。"))
    today = timezone.localdate()
    item = DisclosureItemPage(
        title=f"{campaign.title}结果",
        owner=user,
        live=False,
        subject=Subject.GENERAL,
        genre=Genre.REPORT,
        publisher=publisher,
        written_date=today,
        summary=_("%(title)s的组织情况和评议结果。") % {"title": campaign.title},
        keywords="民主评议",
        body=_summary_body(campaign),
    )
    category.add_child(instance=item)
    item.save_revision(user=user)
    campaign.summary_item = item
    campaign.save(update_fields=["summary_item"])
    log(instance=campaign, action=SUMMARY, user=user, data={"item": item.pk})
    return item
