"""Demo satisfaction ratings: a few weeks of the public rating items and answers, with
comments waiting for 党政办, approved and hidden."""

import datetime
import random

from django.utils import timezone

from gov_disclosure.feedback.models import Rating, Satisfaction, TargetKind
from gov_disclosure.feedback.selectors import rating_target
from gov_disclosure.feedback.services import rating_comment_moderate, rating_submit
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
