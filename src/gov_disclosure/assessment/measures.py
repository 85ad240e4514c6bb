"""What an indicator measures, computed from the platform's data.

Each measure lists the records it counts for an agency and year (``EvidenceRow``: what,
when, whether it meets the criterion, a link to it in the admin), and its value is
derived from that list and nothing else: the number on the results page is the list
on the evidence page, so every figure can be checked record by record.

Kinds: ``count`` (the rows; or those meeting the criterion), ``share`` (the share of rows
meeting it, None without rows) and ``yes_no`` (1 if a row meets it, else 0).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gov_disclosure.annual_reports.models import AnnualReportPage
from gov_disclosure.feedback.models import Proposal, Rating, Satisfaction
from gov_disclosure.letters.models import SUBSTANTIATED_FINDINGS, Letter, LetterKind, LetterState
from gov_disclosure.pages.models import (
    PUBLICATION_DEADLINE_WORKING_DAYS,
    DisclosureGuidePage,
    DisclosureItemPage,
)
from gov_disclosure.requests.models import Appeal, AppealResult, DisclosureRequest
from gov_disclosure.website_reports.models import WebsiteReportPage

MANUAL = "manual"


@dataclass(frozen=True)
class EvidenceRow:
    title: str
    day: datetime.date | None
    meets: bool
    detail: str = ""
    url: str = ""


@dataclass(frozen=True)
class Measure:
    code: str
    label: str
    kind: str  # "count", "share" or "yes_no"
    criterion: str  # what "meets" means, shown on the evidence page
    rows: Callable[..., list[EvidenceRow]]  # rows(agency=, year=)

    def value(self, rows: list[EvidenceRow]) -> float | None:
        met = sum(row.meets for row in rows)
        if self.kind == "count":
            return float(met)
        if self.kind == "yes_no":
            return 1.0 if met else 0.0
        return met / len(rows) if rows else None


def _edit_page(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def _due_by_now(year: int) -> datetime.date:
    """The last day whose deadlines have passed, within ``year``."""
    return min(datetime.date(year, 12, 31), timezone.localdate() - datetime.timedelta(days=1))


def _answered_or_due(year: int, *, answered: str, due: str) -> Q:
    """What a timeliness figure of ``year`` counts: everything answered in the year, and
    everything whose deadline fell in it and has passed (answered or not)."""
    return Q(**{f"{answered}__year": year}) | Q(
        **{f"{due}__year": year, f"{due}__lte": _due_by_now(year)}
    )


# -- the catalogue ---------------------------------------------------------------------


def _items_published(*, agency, year: int) -> list[EvidenceRow]:
    items = (
        DisclosureItemPage.objects.descendant_of(agency)
        .live()
        .filter(publish_date__year=year)
        .defer("body")
        .order_by("publish_date", "pk")
    )
    return [
        EvidenceRow(item.title, item.publish_date, True, item.index_number, _edit_page(item))
        for item in items
    ]


def _items_timely(*, agency, year: int) -> list[EvidenceRow]:
    items = (
        DisclosureItemPage.objects.descendant_of(agency)
        .live()
        .filter(publish_date__year=year, publication_working_days__isnull=False)
        .defer("body")
        .order_by("publish_date", "pk")
    )
    return [
        EvidenceRow(
            item.title,
            item.publish_date,
            item.publication_working_days <= PUBLICATION_DEADLINE_WORKING_DAYS,
            _("%(days)s个工作日") % {"days": item.publication_working_days},
            _edit_page(item),
        )
        for item in items
    ]


def _guide_updated(*, agency, year: int) -> list[EvidenceRow]:
    return [
        EvidenceRow(
            guide.title,
            guide.revised_date,
            bool(guide.revised_date and guide.revised_date.year == year),
            _("修订日期"),
            _edit_page(guide),
        )
        for guide in DisclosureGuidePage.objects.child_of(agency).live()
    ]


def _published_by_31_january(model) -> Callable[..., list[EvidenceRow]]:
    """Rows of ``model``'s reports on the year before: first published by 31 January?
    (the annual report, 条例 Art. 49; the website's yearly report, 《政府网站发展指引》)."""

    def rows(*, agency, year: int) -> list[EvidenceRow]:
        deadline = datetime.date(year, 1, 31)
        found = []
        for report in model.objects.child_of(agency).filter(year=year - 1):
            published = report.first_published_at and timezone.localdate(report.first_published_at)
            found.append(
                EvidenceRow(
                    report.title,
                    published or None,
                    bool(published and published <= deadline),
                    _("应于%(deadline)s前发布") % {"deadline": deadline.isoformat()},
                    _edit_page(report),
                )
            )
        return found

    return rows


# -- requests, appeals, letters --------------------------------------------------------


def _requests_on_time(*, agency, year: int) -> list[EvidenceRow]:
    """Requests answered in the year or whose answer fell due in it: answered in time?"""
    requests = DisclosureRequest.objects.filter(
        _answered_or_due(year, answered="answered_on", due="answer_due_on"),
        agency=agency,
        answer_due_on__isnull=False,
        merged_into__isnull=True,
    ).order_by("answer_due_on", "pk")
    return [
        EvidenceRow(
            request.reference,
            request.answer_due_on,
            bool(request.answered_on and request.answered_on <= request.answer_due_on),
            _("答复日期 %(day)s") % {"day": request.answered_on or "—"},
            reverse("disclosure_requests_admin:inspect", args=[request.pk]),
        )
        for request in requests
    ]


def _requests_corrected(*, agency, year: int) -> list[EvidenceRow]:
    """复议 and lawsuits decided in the year, the office's decision corrected or not."""
    appeals = Appeal.objects.filter(agency=agency, decided_on__year=year).order_by("decided_on")
    return [
        EvidenceRow(
            str(appeal),
            appeal.decided_on,
            appeal.result == AppealResult.CORRECTED,
            appeal.get_result_display(),
            reverse("disclosure_appeals:edit", args=[appeal.pk]),
        )
        for appeal in appeals
    ]


def _letters_on_time(*, agency, year: int) -> list[EvidenceRow]:
    letters = (
        Letter.objects.filter(
            _answered_or_due(year, answered="replied_on", due="reply_due_on"), agency=agency
        )
        .exclude(state=LetterState.CLOSED)
        .order_by("reply_due_on", "pk")
    )
    return [
        EvidenceRow(
            letter.number,
            letter.reply_due_on,
            bool(letter.replied_on and letter.replied_on <= letter.reply_due_on),
            _("答复日期 %(day)s") % {"day": letter.replied_on or "—"},
            reverse("disclosure_letters_admin:inspect", args=[letter.pk]),
        )
        for letter in letters
    ]


def _complaints_substantiated(*, agency, year: int) -> list[EvidenceRow]:
    complaints = Letter.objects.filter(
        agency=agency, kind=LetterKind.COMPLAINT, received_on__year=year
    ).order_by("received_on", "pk")
    return [
        EvidenceRow(
            letter.number,
            letter.received_on,
            letter.state == LetterState.REPLIED
            and letter.complaint_finding in SUBSTANTIATED_FINDINGS,
            letter.get_complaint_finding_display() or letter.get_state_display(),
            reverse("disclosure_letters_admin:inspect", args=[letter.pk]),
        )
        for letter in complaints
    ]


# -- the public's part -----------------------------------------------------------------


def _satisfaction(*, agency, year: int) -> list[EvidenceRow]:
    ratings = Rating.objects.filter(agency=agency, created_at__year=year).order_by("created_at")
    return [
        EvidenceRow(
            rating.target_title,
            timezone.localdate(rating.created_at),
            rating.satisfaction != Satisfaction.UNSATISFIED,
            rating.get_satisfaction_display(),
            reverse("disclosure_feedback_admin:inspect", args=[rating.pk]),
        )
        for rating in ratings
    ]


def _proposals_on_time(*, agency, year: int) -> list[EvidenceRow]:
    proposals = Proposal.objects.filter(
        _answered_or_due(year, answered="answered_on", due="answer_due_on"), agency=agency
    ).order_by("answer_due_on", "pk")
    return [
        EvidenceRow(
            # The wording 党政办 published with the answer; until then the number only
            # (the citizen's own text may hold personal data).
            f"{proposal.number} {proposal.public_topic if proposal.answered_on else ''}".strip(),
            proposal.answer_due_on,
            bool(proposal.answered_on and proposal.answered_on <= proposal.answer_due_on),
            _("答复日期 %(day)s") % {"day": proposal.answered_on or "—"},
            reverse("disclosure_proposals_admin:inspect", args=[proposal.pk]),
        )
        for proposal in proposals
    ]


MEASURES = {
    measure.code: measure
    for measure in [
        Measure("items_published", _("主动公开信息条数"), "count", _("本年发布"), _items_published),
        Measure(
            "items_timely",
            _("20个工作日内公开的比例（《条例》第二十六条）"),
            "share",
            _("自成文起20个工作日内发布"),
            _items_timely,
        ),
        Measure("guide_updated", _("公开指南本年更新"), "yes_no", _("本年修订"), _guide_updated),
        Measure(
            "annual_report_on_time",
            _("上年度报告1月31日前发布"),
            "yes_no",
            _("1月31日前发布"),
            _published_by_31_january(AnnualReportPage),
        ),
        Measure(
            "website_report_on_time",
            _("上年度网站工作年度报表1月31日前发布"),
            "yes_no",
            _("1月31日前发布"),
            _published_by_31_january(WebsiteReportPage),
        ),
        Measure(
            "requests_on_time",
            _("依申请公开按期答复率"),
            "share",
            _("在答复期限内答复"),
            _requests_on_time,
        ),
        Measure(
            "requests_corrected",
            _("被复议、诉讼纠正的件数"),
            "count",
            _("结果纠正"),
            _requests_corrected,
        ),
        Measure("letters_on_time", _("来信按期答复率"), "share", _("按期答复"), _letters_on_time),
        Measure(
            "complaints_substantiated",
            _("查实的投诉件数"),
            "count",
            _("属实或部分属实"),
            _complaints_substantiated,
        ),
        Measure(
            "satisfaction",
            _("公众满意率"),
            "share",
            _("满意或基本满意"),
            _satisfaction,
        ),
        Measure(
            "proposals_on_time",
            _("群众点题按期答复率"),
            "share",
            _("按期答复"),
            _proposals_on_time,
        ),
    ]
}


def measure_choices() -> list[tuple[str, str]]:
    return [(code, measure.label) for code, measure in MEASURES.items()] + [
        (MANUAL, _("手工填报（附依据）"))
    ]
