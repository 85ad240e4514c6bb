"""The demo's annual report: 庄市街道's report for the year of its catalogue, generated
from the data like any other, with the office's own sections 五 and 六."""

from decimal import Decimal

from gov_disclosure.annual_reports.models import AnnualFigures, AnnualReportPage
from gov_disclosure.annual_reports.services import report_generate
from gov_disclosure.pages.models import DisclosureIndexPage

from . import content

PROBLEMS = (
    "<p>一是部分科室上传信息时目录分类不够准确，个别信息归类有误；二是部分信息公开不够及时，"
    "个别信息超过二十个工作日才公开；三是信息员业务培训不足。</p>"
    "<p>下一步，街道将细化目录分类指引，由党政办每月检查公开时效，并每半年组织一次信息员培训。</p>"
)
OTHER_MATTERS = "<p>本年度未收取信息处理费。本年度未发生因政府信息公开引起的投诉和泄密事件。</p>"


def demo_report_load(*, agency: DisclosureIndexPage, office) -> AnnualReportPage | None:
    """Generate the catalogue year's report once (with the year's figures); returns the new
    report for the caller to take through review, or None when it exists."""
    if AnnualReportPage.objects.child_of(agency).filter(year=content.YEAR).exists():
        return None
    AnnualFigures.objects.get_or_create(
        agency=agency,
        year=content.YEAR,
        defaults={
            "licensing_decisions": 36,
            "penalty_decisions": 5,
            "enforcement_decisions": 0,
            "fee_amount": Decimal("0"),
            "updated_by": office,
        },
    )
    report = report_generate(agency=agency, year=content.YEAR, user=office).report
    draft = report.get_latest_revision_as_object()
    draft.problems = PROBLEMS
    draft.other_matters = OTHER_MATTERS
    draft.save_revision(user=office)
    return AnnualReportPage.objects.get(pk=report.pk)
