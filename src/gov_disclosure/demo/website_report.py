"""The demo's 政府网站工作年度报表: 庄市街道's for the year of its catalogue, generated from
the data, with the entries only the office knows filled as an office would."""

from gov_disclosure.pages.models import DisclosureIndexPage
from gov_disclosure.website_reports.models import WebsiteReportPage
from gov_disclosure.website_reports.services import website_report_generate

from . import content

# What the office enters by hand (figures of a small subdistrict's column on the district portal).
OFFICE_ENTRIES = {
    "site_type": "部门网站",
    "unique_visitors": 18_640,
    "page_views": 126_315,
    "columns_kept": 4,
    "columns_opened": 1,
    "interpretations": 6,
    "interpretation_materials": 5,
    "interpretation_products": 1,
    "media_commentaries": 0,
    "responses": 3,
    "service_catalogue": True,
    "registered_users": 0,
    "service_items": 58,
    "online_service_items": 21,
    "cases_total": 1_236,
    "cases_people": 1_164,
    "cases_organisations": 72,
    "unified_platform": True,
    "interviews": 2,
    "interview_messages": 37,
    "interview_answers": 35,
    "smart_answers": False,
    "security_checks": 4,
    "security_problems": 6,
    "security_fixed": 6,
    "security_monitoring": True,
    "security_drills": True,
    "security_owner": True,
    "new_media": True,
    "wechat_name": "庄市发布",
    "wechat_posts": 412,
    "wechat_subscribers": 23_580,
    "multilingual": False,
    "personalised": False,
    "head": "街道办事处主任",
    "checker": "党政办主任",
    "phone": "0574-86300000",
}


def demo_website_report_load(*, agency: DisclosureIndexPage, office) -> WebsiteReportPage | None:
    """Generate the catalogue year's report once and fill it; returns the new report for the
    caller to take through review, or None when it exists."""
    if WebsiteReportPage.objects.child_of(agency).filter(year=content.YEAR).exists():
        return None
    report = website_report_generate(agency=agency, year=content.YEAR, user=office).report
    draft = report.get_latest_revision_as_object()
    draft.figures = {**draft.figures, **OFFICE_ENTRIES}
    draft.save_revision(user=office)
    return WebsiteReportPage.objects.get(pk=report.pk)
