import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from gov_disclosure.pages.models import DisclosureItemPage, Validity
from gov_disclosure.pages.validators import (
    validate_agency_code,
    validate_document_number,
    validate_index_number_pattern,
)
from tests.factories import AgencyFactory, DepartmentFactory, valid_uscc

pytestmark = pytest.mark.django_db


def item_form(department, **overrides):
    data = {
        "title": "关于做好2024年政府信息公开工作的通知",
        "slug": "notice-2024",
        "subject": "综合政务",
        "genre": "通知",
        "publisher": department.pk,
        "document_number": "庄街〔2024〕3号",
        "written_date": "2024-03-01",
        "disclosure_method": "主动公开",
        "disclosure_period": "长期公开",
        "validity": "有效",
        "summary": "部署2024年政府信息公开工作。",
        "keywords": "政府信息公开",
        "body": streamfield([("paragraph", rich_text("<p>正文</p>"))]),
        "attachments": inline_formset([]),
        "relations": inline_formset([]),
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def add_item(client, category, department, **overrides):
    url = f"/admin/pages/add/disclosure_pages/disclosureitempage/{category.pk}/"
    return client.post(url, item_form(department, **overrides))


def form_errors(response) -> dict[str, list[str]]:
    form = response.context["form"]
    return {name: [str(e) for e in errors] for name, errors in form.errors.items()}


def test_editor_can_save_a_valid_item_as_draft(admin_client, category, department):
    response = add_item(admin_client, category, department)

    assert response.status_code == 302
    item = DisclosureItemPage.objects.get(slug="notice-2024")
    assert not item.live and item.index_number == ""


def test_written_date_in_the_future_is_refused_in_chinese(admin_client, category, department):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = add_item(admin_client, category, department, written_date=tomorrow.isoformat())

    assert response.status_code == 200
    assert form_errors(response)["written_date"] == ["成文日期不能晚于今天。"]
    assert not DisclosureItemPage.objects.filter(slug="notice-2024").exists()


def test_rejected_form_keeps_what_the_editor_typed(admin_client, category, department):
    response = add_item(admin_client, category, department, document_number="庄街[2024]3号")

    content = response.content.decode()
    assert "文号的年份须用六角括号〔〕括入" in content
    assert "部署2024年政府信息公开工作。" in content
    assert "关于做好2024年政府信息公开工作的通知" in content


def test_abolished_item_needs_its_abolition_date(admin_client, category, department):
    response = add_item(admin_client, category, department, validity="已废止")

    assert form_errors(response)["abolished_date"] == ["有效性为“已废止”时须填写废止日期。"]


def test_publisher_must_be_a_department_of_the_same_agency(
    admin_client, category, department, root_page
):
    foreign = DepartmentFactory(agency=AgencyFactory(parent=root_page))
    response = add_item(admin_client, category, department, publisher=foreign.pk)

    assert "publisher" in form_errors(response)


def test_written_after_publish_date_is_refused(make_item):
    item = make_item()
    item.publish_date = datetime.date(2024, 3, 1)
    item.written_date = datetime.date(2024, 3, 5)

    with pytest.raises(ValidationError) as raised:
        item.full_clean()

    assert raised.value.message_dict["written_date"] == [
        "成文日期（2024-03-05）不能晚于发布日期（2024-03-01）。"
    ]


def test_valid_item_cannot_carry_an_abolition_date(make_item):
    item = make_item()
    item.validity = Validity.VALID
    item.abolished_date = datetime.date(2024, 5, 1)

    with pytest.raises(ValidationError) as raised:
        item.full_clean()

    assert "abolished_date" in raised.value.message_dict


def test_abolition_before_writing_is_refused(make_item):
    item = make_item()
    item.validity = Validity.ABOLISHED
    item.abolished_date = item.written_date - datetime.timedelta(days=1)

    with pytest.raises(ValidationError) as raised:
        item.full_clean()

    assert raised.value.message_dict["abolished_date"] == ["废止日期不能早于成文日期。"]


def test_category_code_must_be_unique_among_siblings(admin_client, agency, category):
    url = f"/admin/pages/add/disclosure_pages/disclosurecategorypage/{agency.pk}/"
    response = admin_client.post(
        url,
        nested_form_data(
            {"title": "另一个分类", "slug": "another", "code": category.code,
             "description": "", "comments": inline_formset([])}
        ),
    )  # fmt: skip

    assert form_errors(response)["code"] == [f"同一上级下已有分类代码 {category.code}，请换一个。"]


@pytest.mark.parametrize(
    "number",
    ["庄街〔2012〕15号", "镇政办发〔2019〕1号", "浙政发〔2021〕120号"],
)
def test_document_numbers_in_gb9704_layout_pass(number):
    validate_document_number(number)


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("庄街[2012]15号", "六角括号"),
        ("庄街（2012）15号", "六角括号"),
        ("庄街〔2012〕015号", "不编虚位"),
        ("庄街〔2012〕第15号", "不加“第”字"),
        ("庄街2012年15号", "机关代字〔年份〕序号号"),
    ],
)
def test_malformed_document_numbers_are_explained(number, message):
    with pytest.raises(ValidationError) as raised:
        validate_document_number(number)
    assert message in raised.value.messages[0]


def test_agency_code_accepts_valid_credit_codes_and_org_codes():
    validate_agency_code(valid_uscc(295837))
    validate_agency_code("00295837-8")


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("11330211002958378X", "统一社会信用代码无效"),
        ("00295837-1", "组织机构代码无效"),
        ("12345", "请填写18位统一社会信用代码或9位组织机构代码"),
    ],
)
def test_agency_code_with_a_wrong_check_character_is_refused(code, message):
    with pytest.raises(ValidationError) as raised:
        validate_agency_code(code)
    assert message in raised.value.messages[0]


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("{org_code}/{serial:05d}", "必须包含 {org_code}、{year} 和 {serial}"),
        ("ZS/{year}-{serial:05d}", "必须包含 {org_code}、{year} 和 {serial}"),
        ("{org_code}/{year}-{seq}", "未知占位符：seq"),
        ("{org_code}/{year-{serial}", "花括号不匹配"),
        ("{org_code}/{year}-{serial:zz}", "格式说明无效"),
    ],
)
def test_index_number_pattern_errors_say_what_is_wrong(pattern, message):
    with pytest.raises(ValidationError) as raised:
        validate_index_number_pattern(pattern)
    assert message in raised.value.messages[0]
