"""The demo subdistrict organises its catalogue by two areas of the standard catalogue:
财政预决算 on its existing 财政信息 categories (政府采购 and 绩效 added), and 社会救助 in
subcategories made for it under 公共服务, still empty: the coverage shows what is missing."""

from gov_disclosure.pages.models import DisclosureCategoryPage
from gov_disclosure.standards.services import standard_area_apply
from gov_disclosure.standards.spec import shipped_areas


def demo_standards_load(*, agency, office) -> None:
    finance = DisclosureCategoryPage.objects.child_of(agency).get(slug="c05")
    sub = {c.slug: c for c in DisclosureCategoryPage.objects.child_of(finance)}
    standard_area_apply(
        agency=agency,
        area=shipped_areas()["budgets"],
        user=office,
        area_category=finance,
        mapping={"01": sub["c0501"], "02": sub["c0502"], "03": sub["c0503"]},
    )
    services = DisclosureCategoryPage.objects.child_of(agency).get(slug="c07")
    standard_area_apply(
        agency=agency,
        area=shipped_areas()["social-assistance"],
        user=office,
        area_category=services,
    )
