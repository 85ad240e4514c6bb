"""Reads of the website report: what the platform's data says for an agency and year,
and the reports a user may work on."""

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Q, QuerySet

from gov_disclosure.annual_reports.selectors import agencies_for_reports
from gov_disclosure.feedback.models import Campaign, Invitation, Proposal
from gov_disclosure.letters.models import Letter
from gov_disclosure.pages.models import (
    DisclosureCategoryPage,
    DisclosureIndexPage,
    DisclosureItemPage,
    Genre,
)

from . import spec
from .models import WebsiteReportPage

PERMISSION = "disclosure_website_reports.generate_website_report"


def _items(*, agency: DisclosureIndexPage, year: int) -> QuerySet[DisclosureItemPage]:
    """Items of the agency published in the year and public now (what the catalogue shows)."""
    return (
        DisclosureItemPage.objects.descendant_of(agency)
        .live()
        .public()
        .filter(publish_date__year=year)
    )


def _overview_items(items: QuerySet, agency: DisclosureIndexPage) -> int:
    """Items filed in a category named …概况 (机构概况, 基本概况), or under one."""
    categories = DisclosureCategoryPage.objects.descendant_of(agency).filter(title__contains="概况")
    if not categories:
        return 0
    below = Q()
    for category in categories:
        below |= Q(path__startswith=category.path)
    return items.filter(below).count()


def _average_days(pairs) -> str | None:
    days = [(replied - received).days for received, replied in pairs]
    if not days:
        return None
    average = Decimal(sum(days)) / len(days)
    return str(average.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def website_figures(*, agency: DisclosureIndexPage, year: int) -> dict:
    """The entries the platform fills (``spec.Entry.source``) for ``agency`` and ``year``."""
    items = _items(agency=agency, year=year)
    letters = Letter.objects.filter(agency=agency)
    replied = letters.filter(replied_on__year=year)
    campaigns = Campaign.objects.filter(agency=agency, opens_on__year=year)
    # Everything the platform publishes is in the catalogue: the total is the catalogue's.
    published = items.count()
    return spec.normalized(
        {
            "site_name": agency.agency_name or agency.title,
            "home_url": agency.full_url or "",
            "sponsor": agency.agency_name or agency.title,
            "published_total": published,
            "published_overview": _overview_items(items, agency),
            "published_news": items.filter(genre=Genre.NEWS).count(),
            "published_catalogue": published,
            "letters_received": letters.filter(received_on__year=year).count(),
            "letters_closed": letters.filter(Q(replied_on__year=year) | Q(closed_on__year=year))
            .distinct()
            .count(),
            "letters_average_days": _average_days(replied.values_list("received_on", "replied_on")),
            "letters_published": letters.filter(published_at__year=year).count(),
            "surveys": campaigns.count(),
            "survey_opinions": Invitation.objects.filter(
                campaign__agency=agency, answered_at__year=year
            ).count()
            + Proposal.objects.filter(agency=agency, received_on__year=year).count(),
            "survey_results": campaigns.filter(
                summary_item__in=DisclosureItemPage.objects.live().public()
            ).count(),
            "search_service": True,
            "accessible": True,
        }
    )


def agencies_for_website_reports(*, user) -> list[DisclosureIndexPage]:
    return agencies_for_reports(user=user, permission=PERMISSION)


def agency_website_report(*, agency: DisclosureIndexPage, year: int) -> WebsiteReportPage | None:
    return WebsiteReportPage.objects.child_of(agency).filter(year=year).first()


def published_website_reports() -> QuerySet[WebsiteReportPage]:
    return WebsiteReportPage.objects.live().public().order_by("-year", "path")
