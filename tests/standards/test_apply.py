"""党政办 applies an area of the standard catalogue: categories created or mapped, each
公开事项 a slot; applying again changes nothing it already did."""

import pytest
from wagtail.models import PageLogEntry

from gov_disclosure.pages.models import DisclosureCategoryPage
from gov_disclosure.standards.models import AppliedArea, StandardSlot
from gov_disclosure.standards.services import ApplyError, standard_area_apply
from gov_disclosure.standards.spec import shipped_areas
from tests.factories import AgencyFactory, CategoryFactory
from tests.review.conftest import is_denied

pytestmark = pytest.mark.django_db


def social_assistance():
    return shipped_areas()["social-assistance"]


def categories_of(agency) -> list[tuple[str, str]]:
    return sorted(
        (category.full_code, category.title)
        for category in DisclosureCategoryPage.objects.descendant_of(agency).live()
    )


def test_applying_an_area_creates_its_category_and_one_subcategory_per_matter(office):
    area = social_assistance()

    applied = standard_area_apply(agency=office.agency, area=area, user=office.users["office"])

    assert applied.category.title == "社会救助" and applied.category.code == "06"
    slots = list(applied.slots.order_by("code"))
    assert [slot.name for slot in slots] == [m.name for m in area.township_matters]
    assert all(slot.category.get_parent().pk == applied.category.pk for slot in slots)
    assert ("0601", "低保政策、标准与办事指南") in categories_of(office.agency)
    low_income = slots[1]
    assert low_income.period == "monthly" and low_income.audience == "特定群体"
    assert all(slot.category.live for slot in slots)


def test_only_the_matters_of_the_chosen_level_become_slots():
    area = shipped_areas()["compulsory-education"]

    assert len(area.matters) == 3 and len(area.township_matters) == 1


def test_existing_categories_can_be_mapped_instead_of_created(office):
    budgets = shipped_areas()["budgets"]
    finance = office.category_b  # 财政信息 (05)
    budget = CategoryFactory(parent=finance, title="预算", code="01")
    accounts = CategoryFactory(parent=finance, title="决算", code="02")
    before = DisclosureCategoryPage.objects.count()

    applied = standard_area_apply(
        agency=office.agency,
        area=budgets,
        user=office.users["office"],
        area_category=finance,
        mapping={"01": budget, "02": accounts},
    )

    slots = {slot.code: slot for slot in applied.slots.all()}
    assert slots["01"].category_id == budget.pk and slots["02"].category_id == accounts.pk
    assert applied.category_id == finance.pk
    # 三公经费, 政府采购, 绩效: created under 财政信息.
    assert DisclosureCategoryPage.objects.count() == before + 3
    assert slots["03"].category.get_parent().pk == finance.pk


def test_applying_again_changes_nothing_and_keeps_the_categories_chosen(office):
    user = office.users["office"]
    first = standard_area_apply(agency=office.agency, area=social_assistance(), user=user)
    categories = categories_of(office.agency)
    slots = dict(first.slots.values_list("code", "category_id"))

    again = standard_area_apply(agency=office.agency, area=social_assistance(), user=user)

    assert again.pk == first.pk
    assert categories_of(office.agency) == categories
    assert dict(again.slots.values_list("code", "category_id")) == slots
    assert AppliedArea.objects.count() == 1 and StandardSlot.objects.count() == len(slots)


def test_a_remapped_matter_keeps_its_created_category_and_points_at_the_new_one(office):
    user = office.users["office"]
    applied = standard_area_apply(agency=office.agency, area=social_assistance(), user=user)

    standard_area_apply(
        agency=office.agency,
        area=social_assistance(),
        user=user,
        mapping={"01": office.category_a},
    )

    assert applied.slots.get(code="01").category_id == office.category_a.pk
    assert ("0601", "低保政策、标准与办事指南") in categories_of(office.agency)


def test_another_agencys_category_is_refused(office, root_page):
    other = AgencyFactory(parent=root_page)
    theirs = CategoryFactory(parent=other, title="他机关的分类", code="01")

    with pytest.raises(ApplyError, match="不是本机关的目录分类"):
        standard_area_apply(
            agency=office.agency,
            area=social_assistance(),
            user=office.users["office"],
            mapping={"01": theirs},
        )
    assert not AppliedArea.objects.exists()
    assert categories_of(office.agency) == [("04", "工作动态"), ("05", "财政信息")]


def test_a_subcategory_cannot_hold_the_areas_categories(office):
    sub = CategoryFactory(parent=office.category_b, title="预算", code="01")

    with pytest.raises(ApplyError, match="是二级分类"):
        standard_area_apply(
            agency=office.agency, area=social_assistance(), user=office.users["office"],
            area_category=sub,
        )  # fmt: skip


def test_application_is_in_the_accountability_log(office):
    user = office.users["office"]

    standard_area_apply(agency=office.agency, area=social_assistance(), user=user)

    entry = PageLogEntry.objects.get(action="disclosure_standards.apply")
    assert entry.page_id == office.agency.pk and entry.user_id == user.pk
    assert entry.data["area"] == "社会救助" and entry.data["created"][:2] == ["01", "02"]
    created = PageLogEntry.objects.filter(action="wagtail.create", user=user).count()
    assert created == 1 + len(social_assistance().township_matters)


APPLY = "/admin/standards/apply/{agency}/"


def test_office_applies_an_area_in_the_admin_mapping_one_matter(office, client):
    client.force_login(office.users["office"])
    url = APPLY.format(agency=office.agency.pk)
    form = client.get(url, {"area": "social-assistance"})
    assert form.status_code == 200 and "低保政策、标准与办事指南" in form.content.decode()

    response = client.post(
        url,
        {
            "area": "social-assistance",
            "level": "乡级",
            "area_category": "",
            "matter_01": str(office.category_a.pk),
        },  # fmt: skip
    )

    applied = AppliedArea.objects.get(agency=office.agency)
    assert response.status_code == 302 and response.url.endswith(f"/standards/{applied.pk}/")
    assert applied.slots.get(code="01").category_id == office.category_a.pk
    assert applied.slots.get(code="02").category.title == "低保对象审核确认与公示"


def test_a_category_of_another_agency_gets_a_chinese_error_and_keeps_the_choices(
    office, other_office, client
):
    client.force_login(office.users["office"])

    response = client.post(
        APPLY.format(agency=office.agency.pk),
        {"area": "social-assistance", "level": "乡级",
         "matter_01": str(other_office.category_a.pk), "matter_02": str(office.category_b.pk)},
    )  # fmt: skip

    assert response.status_code == 400
    form = response.context["form"]
    assert "matter_01" in form.errors and "选择一个有效的选项" in form.errors["matter_01"][0]
    assert form["matter_02"].value() == str(office.category_b.pk)
    assert not AppliedArea.objects.exists()


def test_only_the_office_of_the_agency_may_apply(office, other_office, client):
    url = APPLY.format(agency=office.agency.pk)
    for user in (office.users["officer"], office.users["supervisor"], other_office.users["office"]):
        client.force_login(user)
        assert is_denied(client.get(url, {"area": "social-assistance"}))
        assert is_denied(client.post(url, {"area": "social-assistance", "level": "乡级"}))
    assert not AppliedArea.objects.exists()
