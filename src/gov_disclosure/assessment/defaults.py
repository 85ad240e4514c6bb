"""A rubric to start from: the indicators districts commonly assess subdistricts by, with
points summing to 100. The district adjusts them in the admin."""

from decimal import Decimal

from django.db import transaction

from .models import Indicator, Rubric

# (name, measure, points, full at, zero at, scoring note)
DEFAULT_INDICATORS = [
    ("主动公开信息数量", "items_published", 10, 150, 0, "全年发布150条以上得满分"),
    ("主动公开时效", "items_timely", 15, 1, 0.8, "20个工作日内公开比例100%得满分，80%以下不得分"),
    ("公开指南更新", "guide_updated", 5, 1, 0, "本年修订公开指南得分"),
    ("年度报告按时发布", "annual_report_on_time", 10, 1, 0, "1月31日前发布上年度报告得分"),
    ("依申请公开按期答复", "requests_on_time", 15, 1, 0.8, "按期答复率100%得满分，80%以下不得分"),
    ("复议诉讼纠错", "requests_corrected", 10, 0, 2, "无纠错得满分，每纠错1件扣5分"),
    ("来信按期答复", "letters_on_time", 10, 1, 0.8, "按期答复率100%得满分，80%以下不得分"),
    ("行政效能投诉", "complaints_substantiated", 5, 0, 1, "零查实投诉得满分"),
    ("公众满意度", "satisfaction", 10, 0.95, 0.6, "满意率95%以上得满分，60%以下不得分"),
    ("群众点题答复", "proposals_on_time", 5, 1, 0.5, "按期答复率100%得满分，50%以下不得分"),
    ("政务公开培训", "manual", 5, 1, 0, "组织全员培训得满分，手工填报并附签到表等依据"),
]


@transaction.atomic
def rubric_with_default_indicators(*, year: int, title: str = "") -> Rubric:
    """The year's rubric with the default indicators (the existing one is left as it is)."""
    rubric, created = Rubric.objects.get_or_create(
        year=year, defaults={"title": title or f"{year}年度政务公开工作考核"}
    )
    if created:
        for order, (name, measure, points, full, zero, note) in enumerate(DEFAULT_INDICATORS):
            Indicator.objects.create(
                rubric=rubric,
                sort_order=order,
                name=name,
                measure=measure,
                weight=Decimal(points),
                full_at=Decimal(str(full)),
                zero_at=Decimal(str(zero)),
                note=note,
            )
    return rubric
