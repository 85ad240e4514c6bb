"""The demo's assessment: the default rubric for the catalogue's year (the items are of
DEMO_YEAR) and for this year (requests, letters, ratings and proposals are recent), with
the hand-entered figure of one agency and its evidence."""

from decimal import Decimal

from django.utils import timezone

from gov_disclosure.assessment.defaults import rubric_with_default_indicators
from gov_disclosure.assessment.models import ManualValue
from gov_disclosure.assessment.selectors import Assessed
from gov_disclosure.assessment.services import manual_value_save
from gov_disclosure.pages.models import DisclosureIndexPage

from .corpus import DEMO_YEAR


def demo_assessment_load(*, agency: DisclosureIndexPage, district_user) -> None:
    for year in sorted({DEMO_YEAR, timezone.localdate().year}):
        rubric = rubric_with_default_indicators(year=year)
        training = rubric.indicators.get(measure="manual")
        if not ManualValue.objects.filter(indicator=training, agency=agency).exists():
            manual_value_save(
                indicator=training,
                unit=Assessed(agency=agency),
                value=Decimal(1),
                evidence=f"{year}年3月组织全体信息员政务公开业务培训，签到表和课件已存档（党政办）。",
                user=district_user,
            )
