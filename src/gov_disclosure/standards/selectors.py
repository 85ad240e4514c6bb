"""Reads of the standard catalogue: what an agency applied, and its coverage in a year."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gov_disclosure.pages.models import DisclosureCategoryPage, DisclosureItemPage
from gov_disclosure.pages.roles import AgencyScope

from .models import AppliedArea, StandardSlot

# Coverage states, worst first.
MISSING = "missing"  # nothing ever published in the slot
GAPS = "gaps"  # a period of the year without its information
LATE = "late"  # published after the 公开时限's working days
QUIET = "quiet"  # nothing new this year; event-driven information may have had no event
MET = "met"
STATE_LABELS = {
    MISSING: gettext_lazy("缺失"),
    GAPS: gettext_lazy("有期间未公开"),
    LATE: gettext_lazy("有超时"),
    QUIET: gettext_lazy("本年无新信息"),
    MET: gettext_lazy("符合"),
}
_PERIOD_MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}


def applied_areas(*, agencies: AgencyScope) -> QuerySet[AppliedArea]:
    return agencies.filter(AppliedArea.objects.select_related("agency", "category"), "agency")


@dataclass
class SlotCoverage:
    slot: StandardSlot
    year: int
    total: int = 0  # published items up to the end of the year
    this_year: int = 0
    last_published: datetime.date | None = None
    late: list[tuple[datetime.date, int]] = field(default_factory=list)  # (date, working days)
    periods_due: int = 0  # periods of the year that have ended (or the year itself)
    periods_missed: list[str] = field(default_factory=list)

    @property
    def state(self) -> str:
        if not self.total:
            return MISSING
        if self.periods_missed:
            return GAPS
        if self.late:
            return LATE
        if not self.this_year and self.slot.period == "working_days":
            return QUIET
        return MET

    @property
    def state_label(self) -> str:
        return str(STATE_LABELS[self.state])

    @property
    def is_covered(self) -> bool:
        return self.state in (MET, QUIET)

    @property
    def finding(self) -> str:
        """What is wrong, in a sentence (empty when nothing is)."""
        if self.state == MISSING:
            return _("该事项尚无公开信息。")
        if self.state == GAPS:
            return _("未公开的期间：%(periods)s。") % {"periods": "、".join(self.periods_missed)}
        if self.state == LATE:
            return _("%(count)s 条超过 %(days)s 个工作日时限。") % {
                "count": len(self.late),
                "days": self.slot.working_days,
            }
        return ""


@dataclass
class AreaCoverage:
    applied: AppliedArea
    slots: list[SlotCoverage]

    @property
    def covered(self) -> int:
        return sum(1 for slot in self.slots if slot.is_covered)

    @property
    def with_items(self) -> int:
        return sum(1 for slot in self.slots if slot.total)


def _periods(period: str, year: int, today: datetime.date) -> list[tuple[str, int, int]]:
    """The periods of ``year`` (label, first month, last month) that have ended by
    ``today``; in the current year the running period is not yet due."""
    months = _PERIOD_MONTHS.get(period)
    if months is None:
        return []
    result = []
    for first in range(1, 13, months):
        last = first + months - 1
        end = datetime.date(year + (last == 12), last % 12 + 1, 1)
        if end > today:
            break
        if period == "yearly":
            label = _("%(year)s年") % {"year": year}
        elif period == "quarterly":
            label = _("第%(n)s季度") % {"n": "一二三四"[first // 3]}
        else:
            label = _("%(month)s月") % {"month": first}
        result.append((label, first, last))
    return result


def area_coverage(
    *, applied: AppliedArea, year: int, today: datetime.date | None = None
) -> AreaCoverage:
    """Per 公开事项 of ``applied``: the published, public items of its category (and the
    category's subcategories) up to the end of ``year``, the last date, and whether the
    公开时限 is met in ``year``: working days from 成文日期 to publication within the limit;
    for periodic information, an item published in each period of the year that has
    ended; for the rest, that the information is there at all."""
    today = today or timezone.localdate()
    year_end = datetime.date(year, 12, 31)
    slots = list(applied.slots.select_related("category").order_by("code"))
    paths = {slot.category.path for slot in slots if slot.category is not None}
    published: dict[str, list[tuple[datetime.date, int | None]]] = defaultdict(list)
    if paths:
        under = Q()
        for path in paths:
            under |= Q(path__startswith=path)
        rows = (
            DisclosureItemPage.objects.live()
            .public()
            .filter(under, publish_date__lte=year_end)
            .values_list("path", "publish_date", "publication_working_days")
        )
        lengths = sorted({len(path) for path in paths})
        for path, day, working_days in rows.iterator(chunk_size=2000):
            for length in lengths:
                if path[:length] in paths:
                    published[path[:length]].append((day, working_days))
    coverages = []
    for slot in slots:
        coverage = SlotCoverage(slot=slot, year=year)
        items = published.get(slot.category.path, []) if slot.category else []
        coverage.total = len(items)
        coverage.last_published = max((day for day, _days in items), default=None)
        of_year = [(day, days) for day, days in items if day.year == year]
        coverage.this_year = len(of_year)
        if slot.period == "working_days" and slot.working_days:
            coverage.late = sorted(
                (day, days)
                for day, days in of_year
                if days is not None and days > slot.working_days
            )
        due = _periods(slot.period, year, today)
        coverage.periods_due = len(due)
        months = {day.month for day, _days in of_year}
        coverage.periods_missed = [
            label for label, first, last in due if not any(first <= m <= last for m in months)
        ]
        coverages.append(coverage)
    return AreaCoverage(applied=applied, slots=coverages)


def slot_for_category(*, category) -> StandardSlot | None:
    """The 公开事项 a category fills (for its public page), if any."""
    return (
        StandardSlot.objects.filter(category=category)
        .select_related("applied_area")
        .order_by("pk")
        .first()
    )


def public_categories_among(*, category_ids) -> dict[int, DisclosureCategoryPage]:
    """Those of these categories the public can open, by id."""
    return (
        DisclosureCategoryPage.objects.live()
        .public()
        .filter(pk__in=[pk for pk in category_ids if pk])
        .in_bulk()
    )


def agency_has_standard(*, agency) -> bool:
    return AppliedArea.objects.filter(agency=agency).exists()
