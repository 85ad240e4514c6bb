"""Writes of the website report: generating it, and refreshing it from the data."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from gov_disclosure.annual_reports.services import check_report_year
from gov_disclosure.pages.addresses import free_child_slug
from gov_disclosure.pages.models import DisclosureIndexPage

from . import selectors, spec
from .models import WebsiteReportPage

GENERATE = "website_report.generate"


@dataclass
class Generation:
    report: WebsiteReportPage
    created: bool
    # Entries the office had changed and that were kept although the data differs.
    kept: list[spec.Entry] = field(default_factory=list)


def _display_name(user) -> str:
    return (user.get_full_name() or user.get_username()).strip()


def website_report_generate(*, agency: DisclosureIndexPage, year: int, user) -> Generation:
    """Make the agency's website report for ``year`` from the data, or refresh its draft.

    A refresh writes a new draft revision in which each generated entry takes the
    current data unless the office changed it since the last generation; entries the
    office fills are never touched. A report under review is not regenerated.
    """
    check_report_year(year)
    with transaction.atomic():
        agency = DisclosureIndexPage.objects.select_for_update().get(pk=agency.pk)
        fresh = selectors.website_figures(agency=agency, year=year)
        baseline = {"at": timezone.now().isoformat(), "figures": fresh}
        existing = selectors.agency_website_report(agency=agency, year=year)
        if existing is None:
            figures = {
                **fresh,
                "filler": _display_name(user),
                "filled_on": timezone.localdate().isoformat(),
            }
            report = WebsiteReportPage(
                # The document's own title, in Chinese whatever the admin language.
                title=f"{agency.agency_name or agency.title}政府网站工作年度报表（{year}年度）",
                slug=free_child_slug(agency, f"website-report-{year}"),
                year=year,
                figures=figures,
                generated=baseline,
                live=False,
                owner=user,
            )
            agency.add_child(instance=report)
            revision = report.save_revision(user=user, log_action=True)
            result = Generation(report=report, created=True)
        else:
            if existing.workflow_in_progress:
                raise ValidationError(_("该报表正在审核中，审核结束（通过或退回）后才能重新生成。"))
            report = existing.get_latest_revision_as_object()
            merged, kept = spec.merge_generated(
                current=report.values(),
                baseline=(report.generated or {}).get("figures"),
                fresh=fresh,
            )
            report.figures = merged
            report.generated = baseline
            revision = report.save_revision(user=user, log_action=True)
            result = Generation(report=existing, created=False, kept=kept)
        log(
            instance=result.report,
            action=GENERATE,
            user=user,
            revision=revision,
            data={"year": year, "created": result.created, "kept": [e.key for e in result.kept]},
        )
    return result
