"""Demo public participation: a few weeks of satisfaction ratings (comments waiting for
党政办, approved and hidden) and 群众点题 answered and waiting."""

import datetime
import random

from django.utils import timezone

from gov_disclosure.feedback.models import (
    Campaign,
    Proposal,
    Question,
    Rating,
    Satisfaction,
    TargetKind,
)
from gov_disclosure.feedback.selectors import rating_target
from gov_disclosure.feedback.services import (
    proposal_answer,
    proposal_submit,
    rating_comment_moderate,
    rating_submit,
)
from gov_disclosure.feedback.services.campaigns import campaign_answer, invitations_add
from gov_disclosure.letters.models import Letter
from gov_disclosure.pages.models import DisclosureIndexPage, DisclosureItemPage

RATINGS = 60
# (comment, moderation: True approve, False hide, None waiting)
COMMENTS = [
    ("内容清楚，办事流程一目了然。", True),
    ("希望附上政策解读，方便老年人理解。", True),
    ("附件打不开，请尽快修复。", True),
    ("我是小区业主张某，电话138****，请联系我。", False),
    ("建议按月公布工程进度。", None),
    ("答复很及时，谢谢街道。", None),
]
_CHOICES = [Satisfaction.SATISFIED] * 7 + [Satisfaction.BASIC] * 2 + [Satisfaction.UNSATISFIED]


def demo_ratings_load(*, agency: DisclosureIndexPage, office) -> int:
    """Create the demo ratings once per agency; returns how many were created."""
    if Rating.objects.filter(agency=agency).exists():
        return 0
    chance = random.Random(2026)
    items = list(
        DisclosureItemPage.objects.descendant_of(agency).live().order_by("-publish_date")[:30]
    )
    letters = list(Letter.objects.filter(agency=agency, published_at__isnull=False))
    targets = [rating_target(kind=TargetKind.ITEM, pk=item.pk) for item in items]
    targets += [rating_target(kind=TargetKind.LETTER, pk=letter.pk) for letter in letters]
    targets = [target for target in targets if target is not None]
    if not targets:
        return 0
    now = timezone.now()
    for number in range(RATINGS):
        comment, decision = COMMENTS[number] if number < len(COMMENTS) else ("", None)
        rating = rating_submit(
            target=chance.choice(targets),
            satisfaction=chance.choice(_CHOICES),
            comment=comment,
        )
        # Spread over the last weeks, the comments the most recent.
        rating.created_at = now - datetime.timedelta(days=number // 2, hours=chance.randrange(24))
        rating.save(update_fields=["created_at"])
        if decision is not None:
            rating_comment_moderate(rating=rating, user=office, approve=decision)
    return RATINGS


# (topic, reason, days ago, answer: (kind, withheld ground, text, link the newest item?) or None)
PROPOSALS = [
    ("老旧小区改造资金使用情况", "小区改造已两年，居民想知道资金花在哪里。", 30,
     ("will_publish", "", "街道将于下月在“财政预决算”栏目公开改造资金使用情况。", True)),
    ("辖区内企业的纳税明细", "想了解各企业贡献。", 25,
     ("not_disclosable", "withheld_third_party",
      "企业纳税明细属于企业商业秘密，公开会损害第三方合法权益，"
      "依据《条例》第十五条不予公开。", False)),
    ("某拆迁户的安置补偿协议", "我是该户亲属。", 12,
     ("refer_request", "",
      "您所需信息涉及特定主体，请通过政府信息公开申请渠道提出申请。", False)),
    ("菜市场改造工程进度", "", 2, None),
]  # fmt: skip


def demo_proposals_load(*, agency: DisclosureIndexPage, office) -> int:
    """Create the demo proposals once per agency; returns how many were created."""
    if Proposal.objects.filter(agency=agency).exists():
        return 0
    newest = DisclosureItemPage.objects.descendant_of(agency).live().order_by("-publish_date")
    now = timezone.now()
    for topic, reason, days_ago, answer in PROPOSALS:
        proposal = proposal_submit(
            agency=agency,
            topic=topic,
            reason=reason,
            received_at=now - datetime.timedelta(days=days_ago),
        )
        if answer is not None:
            kind, ground, text, link = answer
            proposal_answer(
                proposal=proposal,
                user=office,
                answer_kind=kind,
                withheld_ground=ground,
                answer=text,
                public_topic=topic,
                item=newest.first() if link else None,
            )
    return len(PROPOSALS)


REVIEWERS = "\n".join(
    [
        "陈代表，人大代表",
        "林委员，政协委员",
        "黄代表，人大代表",
        "周阿姨，群众代表",
        "吴师傅，群众代表",
        "郑老师，其他",
    ]
)
# Scales given to the two scale questions, and a text, by the first four reviewers.
REVIEW_ANSWERS = [(5, 4, "希望进一步公开老旧小区改造资金使用情况。"), (4, 4, ""), (4, 3, ""),
                  (3, 2, "依申请公开的办理进度希望能短信通知。")]  # fmt: skip


def demo_campaign_load(*, agency: DisclosureIndexPage, office) -> None:
    """This year's 民主评议, open now, four of six reviewers answered."""
    if Campaign.objects.filter(agency=agency).exists():
        return
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        agency=agency,
        title=f"{today.year}年度政务公开工作民主评议",
        intro="为提高政务公开工作质量，现邀请您对本街道政务公开工作进行评议。",
        opens_on=today - datetime.timedelta(days=7),
        closes_on=today + datetime.timedelta(days=14),
    )
    questions = [
        Question.objects.create(campaign=campaign, sort_order=n, text=text, kind=kind)
        for n, (text, kind) in enumerate(
            [
                ("主动公开信息的及时性和完整性", "scale"),
                ("依申请公开和来信的办理", "scale"),
                ("意见和建议", "text"),
            ]  # fmt: skip
        )
    ]
    invitations = invitations_add(campaign=campaign, text=REVIEWERS, user=office)
    for invitation, (first, second, text) in zip(invitations, REVIEW_ANSWERS, strict=False):
        answers = [{"scale": first}, {"scale": second}, {"text": text}]
        campaign_answer(
            invitation=invitation,
            answers={
                question.pk: answer for question, answer in zip(questions, answers, strict=True)
            },
        )
