"""What an indicator measures, computed from the platform's data.

A measure is a set of records for an agency and year (a queryset) and a criterion on
them (a ``Q``). The evidence page lists the records (``EvidenceRow``: what, when, whether
it meets the criterion — the same ``Q``, evaluated by the database — and a link to it in
the admin); the figure on the results page counts the same records with the same
criterion in SQL, so the number is the list, without reading every record on each
results page (a year of a large agency's items is tens of thousands of rows).

Kinds: ``count`` (the records meeting the criterion), ``share`` (the share of records
meeting it, None without records) and ``yes_no`` (1 if a record meets it, else 0).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import BooleanField, Count, ExpressionWrapper, F, Q, QuerySet
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
EVERY_RECORD = Q(pk__isnull=False)


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
    records: Callable[..., QuerySet]  # records(agency=, year=), in the evidence page's order
    meets: Callable[[int], Q]  # meets(year): the criterion
    row: Callable[..., EvidenceRow]  # row(record, meets): one line of the evidence

    def flagged(self, *, agency, year: int) -> QuerySet:
        """The records, each with ``criterion_met``."""
        return self.records(agency=agency, year=year).annotate(
            criterion_met=ExpressionWrapper(self.meets(year), output_field=BooleanField())
        )

    def rows(self, *, agency, year: int) -> list[EvidenceRow]:
        """Every record counted, each with whether it meets the criterion."""
        return [self.row(record, bool(record.criterion_met)) for record in self.flagged(
            agency=agency, year=year)]  # fmt: skip

    def counts(self, *, agency, year: int) -> tuple[int, int]:
        """(meeting the criterion, all): counted by the database."""
        counts = (
            self.records(agency=agency, year=year)
            .order_by()
            .aggregate(total=Count("pk"), met=Count("pk", filter=self.meets(year)))
        )
        return counts["met"], counts["total"]

    def figure(self, *, agency, year: int) -> float | None:
        """The value, counted from the same records and criterion as the rows."""
        return self.value_of(*self.counts(agency=agency, year=year))

    def value(self, rows: list[EvidenceRow]) -> float | None:
        """The value of a list of rows (an aggregated site's, as it sent them)."""
        return self.value_of(sum(row.meets for row in rows), len(rows))

    def value_of(self, met: int, total: int) -> float | None:
        if self.kind == "count":
            return float(met)
        if self.kind == "yes_no":
            return 1.0 if met else 0.0
        return met / total if total else None


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


def _answered_by(answered: str, due: str) -> Callable[[int], Q]:
    return lambda year: Q(**{f"{answered}__isnull": False, f"{answered}__lte": F(due)})


def _always(year: int) -> Q:
    return EVERY_RECORD


def _answer_detail(day) -> str:
    return _("答复日期 %(day)s") % {"day": day or "—"}


# -- the catalogue ---------------------------------------------------------------------


def _items_of_year(*, agency, year: int) -> QuerySet:
    return (
        DisclosureItemPage.objects.descendant_of(agency)
        .live()
        .filter(publish_date__year=year)
        .only("pk", "title", "publish_date", "index_number", "publication_working_days")
        .order_by("publish_date", "pk")
    )


def _item_row(item, meets: bool) -> EvidenceRow:
    return EvidenceRow(item.title, item.publish_date, meets, item.index_number, _edit_page(item))


def _items_with_timing(*, agency, year: int) -> QuerySet:
    return _items_of_year(agency=agency, year=year).filter(publication_working_days__isnull=False)


def _timely_row(item, meets: bool) -> EvidenceRow:
    return EvidenceRow(
        item.title,
        item.publish_date,
        meets,
        _("%(days)s个工作日") % {"days": item.publication_working_days},
        _edit_page(item),
    )


def _guides(*, agency, year: int) -> QuerySet:
    return DisclosureGuidePage.objects.child_of(agency).live().order_by("path")


def _guide_row(guide, meets: bool) -> EvidenceRow:
    return EvidenceRow(guide.title, guide.revised_date, meets, _("修订日期"), _edit_page(guide))


def _reports_of_year_before(model) -> Callable[..., QuerySet]:
    def records(*, agency, year: int) -> QuerySet:
        return model.objects.child_of(agency).filter(year=year - 1).order_by("path")

    return records


def _published_by_31_january(year: int) -> Q:
    """The report on the year before, first published by 31 January (the annual report:
    条例 Art. 49; the website's yearly report: 《政府网站发展指引》)."""
    return Q(first_published_at__date__lte=datetime.date(year, 1, 31))


def _report_row(report, meets: bool) -> EvidenceRow:
    published = report.first_published_at and timezone.localdate(report.first_published_at)
    deadline = datetime.date(report.year + 1, 1, 31)
    return EvidenceRow(
        report.title,
        published or None,
        meets,
        _("应于%(deadline)s前发布") % {"deadline": deadline.isoformat()},
        _edit_page(report),
    )


# -- requests, appeals, letters --------------------------------------------------------


def _requests_due(*, agency, year: int) -> QuerySet:
    """Requests answered in the year or whose answer fell due in it."""
    return DisclosureRequest.objects.filter(
        _answered_or_due(year, answered="answered_on", due="answer_due_on"),
        agency=agency,
        answer_due_on__isnull=False,
        merged_into__isnull=True,
    ).order_by("answer_due_on", "pk")


def _request_row(request, meets: bool) -> EvidenceRow:
    return EvidenceRow(
        request.reference,
        request.answer_due_on,
        meets,
        _answer_detail(request.answered_on),
        reverse("disclosure_requests_admin:inspect", args=[request.pk]),
    )


def _appeals_decided(*, agency, year: int) -> QuerySet:
    """复议 and lawsuits decided in the year."""
    return Appeal.objects.filter(agency=agency, decided_on__year=year).order_by("decided_on", "pk")


def _appeal_row(appeal, meets: bool) -> EvidenceRow:
    return EvidenceRow(
        str(appeal),
        appeal.decided_on,
        meets,
        appeal.get_result_display(),
        reverse("disclosure_appeals:edit", args=[appeal.pk]),
    )


def _letters_due(*, agency, year: int) -> QuerySet:
    return (
        Letter.objects.filter(
            _answered_or_due(year, answered="replied_on", due="reply_due_on"), agency=agency
        )
        .exclude(state=LetterState.CLOSED)
        .order_by("reply_due_on", "pk")
    )


def _letter_row(letter, meets: bool) -> EvidenceRow:
    return EvidenceRow(
        letter.number,
        letter.reply_due_on,
        meets,
        _answer_detail(letter.replied_on),
        reverse("disclosure_letters_admin:inspect", args=[letter.pk]),
    )


def _complaints(*, agency, year: int) -> QuerySet:
    return Letter.objects.filter(
        agency=agency, kind=LetterKind.COMPLAINT, received_on__year=year
    ).order_by("received_on", "pk")


def _substantiated(year: int) -> Q:
    return Q(state=LetterState.REPLIED, complaint_finding__in=SUBSTANTIATED_FINDINGS)


def _complaint_row(letter, meets: bool) -> EvidenceRow:
    return EvidenceRow(
        letter.number,
        letter.received_on,
        meets,
        letter.get_complaint_finding_display() or letter.get_state_display(),
        reverse("disclosure_letters_admin:inspect", args=[letter.pk]),
    )


# -- the public's part -----------------------------------------------------------------


def _ratings(*, agency, year: int) -> QuerySet:
    return Rating.objects.filter(agency=agency, created_at__year=year).order_by("created_at", "pk")


def _rating_row(rating, meets: bool) -> EvidenceRow:
    return EvidenceRow(
        rating.target_title,
        timezone.localdate(rating.created_at),
        meets,
        rating.get_satisfaction_display(),
        reverse("disclosure_feedback_admin:inspect", args=[rating.pk]),
    )


def _proposals_due(*, agency, year: int) -> QuerySet:
    return Proposal.objects.filter(
        _answered_or_due(year, answered="answered_on", due="answer_due_on"), agency=agency
    ).order_by("answer_due_on", "pk")


def _proposal_row(proposal, meets: bool) -> EvidenceRow:
    return EvidenceRow(
        # The wording 党政办 published with the answer; until then the number only
        # (the citizen's own text may hold personal data).
        f"{proposal.number} {proposal.public_topic if proposal.answered_on else ''}".strip(),
        proposal.answer_due_on,
        meets,
        _answer_detail(proposal.answered_on),
        reverse("disclosure_proposals_admin:inspect", args=[proposal.pk]),
    )


MEASURES = {
    measure.code: measure
    for measure in [
        Measure(
            "items_published",
            _("主动公开信息条数"),
            "count",
            _("本年发布"),
            _items_of_year,
            _always,
            _item_row,
        ),
        Measure(
            "items_timely",
            _("20个工作日内公开的比例（《条例》第二十六条）"),
            "share",
            _("自成文起20个工作日内发布"),
            _items_with_timing,
            lambda year: Q(publication_working_days__lte=PUBLICATION_DEADLINE_WORKING_DAYS),
            _timely_row,
        ),
        Measure(
            "guide_updated",
            _("公开指南本年更新"),
            "yes_no",
            _("本年修订"),
            _guides,
            lambda year: Q(revised_date__year=year),
            _guide_row,
        ),
        Measure(
            "annual_report_on_time",
            _("上年度报告1月31日前发布"),
            "yes_no",
            _("1月31日前发布"),
            _reports_of_year_before(AnnualReportPage),
            _published_by_31_january,
            _report_row,
        ),
        Measure(
            "website_report_on_time",
            _("上年度网站工作年度报表1月31日前发布"),
            "yes_no",
            _("1月31日前发布"),
            _reports_of_year_before(WebsiteReportPage),
            _published_by_31_january,
            _report_row,
        ),
        Measure(
            "requests_on_time",
            _("依申请公开按期答复率"),
            "share",
            _("在答复期限内答复"),
            _requests_due,
            _answered_by("answered_on", "answer_due_on"),
            _request_row,
        ),
        Measure(
            "requests_corrected",
            _("被复议、诉讼纠正的件数"),
            "count",
            _("结果纠正"),
            _appeals_decided,
            lambda year: Q(result=AppealResult.CORRECTED),
            _appeal_row,
        ),
        Measure(
            "letters_on_time",
            _("来信按期答复率"),
            "share",
            _("按期答复"),
            _letters_due,
            _answered_by("replied_on", "reply_due_on"),
            _letter_row,
        ),
        Measure(
            "complaints_substantiated",
            _("查实的投诉件数"),
            "count",
            _("属实或部分属实"),
            _complaints,
            _substantiated,
            _complaint_row,
        ),
        Measure(
            "satisfaction",
            _("公众满意率"),
            "share",
            _("满意或基本满意"),
            _ratings,
            lambda year: ~Q(satisfaction=Satisfaction.UNSATISFIED),
            _rating_row,
        ),
        Measure(
            "proposals_on_time",
            _("群众点题按期答复率"),
            "share",
            _("按期答复"),
            _proposals_due,
            _answered_by("answered_on", "answer_due_on"),
            _proposal_row,
        ),
    ]
}


def measure_choices() -> list[tuple[str, str]]:
    return [(code, measure.label) for code, measure in MEASURES.items()] + [
        (MANUAL, _("手工填报（附依据）"))
    ]
