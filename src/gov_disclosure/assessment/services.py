"""Writes to the assessment: figures entered by hand, with their evidence."""

from decimal import Decimal

from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .models import Indicator, ManualValue
from .selectors import Assessed, user_manages_assessment

MANUAL_VALUE_SAVE = "disclosure_assessment.manual_value"


class AssessmentActionRefused(Exception):
    """A change the user's role or the rubric does not allow."""


def manual_value_save(
    *, indicator: Indicator, unit: Assessed, value: Decimal, evidence: str, user
) -> ManualValue:
    """Enter (or correct) a hand-entered figure; the evidence is required and logged."""
    if not user_manages_assessment(user):
        raise AssessmentActionRefused(_("只有区政务公开办可以填报考核数据。"))
    if not indicator.is_manual:
        raise AssessmentActionRefused(_("此指标由平台数据计算，不能手工填报。"))
    evidence = evidence.strip()
    if not evidence:
        raise AssessmentActionRefused(_("请填写数值的依据。"))
    whose = {"agency": unit.agency} if unit.agency else {"remote_agency": unit.remote}
    manual, _created = ManualValue.objects.update_or_create(
        indicator=indicator,
        **whose,
        defaults={"value": value, "evidence": evidence, "entered_by": user},
    )
    log(
        instance=indicator.rubric,
        action=MANUAL_VALUE_SAVE,
        user=user,
        data={"indicator": indicator.name, "agency": unit.name, "value": str(value)},
    )
    return manual
