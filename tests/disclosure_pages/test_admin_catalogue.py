import datetime
import io

import pytest
from openpyxl import load_workbook

from gov_disclosure.pages.models import Validity

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(make_item, publish):
    valid = publish(make_item(title="有效的规范性文件"))
    abolished = publish(
        make_item(
            title="已废止的规范性文件",
            validity=Validity.ABOLISHED,
            abolished_date=datetime.date(2024, 6, 1),
        )
    )
    return valid, abolished


def test_catalogue_listing_shows_index_numbers_and_filters_by_validity(admin_client, catalogue):
    valid, abolished = catalogue

    everything = admin_client.get("/admin/disclosure_items/").content.decode()
    only_abolished = admin_client.get(
        "/admin/disclosure_items/", {"validity": Validity.ABOLISHED}
    ).content.decode()

    assert valid.index_number in everything and abolished.index_number in everything
    assert abolished.title in only_abolished and valid.title not in only_abolished


def test_catalogue_is_searched_by_title_index_number_and_document_number(
    admin_client, catalogue, make_item, publish
):
    valid, abolished = catalogue
    numbered = publish(
        make_item(title="关于开展安全生产检查的通知", document_number="庄政发〔2024〕7号")
    )
    body_only = publish(make_item(title="年度工作总结", summary="其中提到安全生产。"))

    def found(query):
        html = admin_client.get("/admin/disclosure_items/", {"q": query}).content.decode()
        return {item for item in (valid, abolished, numbered, body_only) if item.title in html}

    assert found("规范性") == {valid, abolished}  # a part of the title
    assert found(abolished.index_number) == {abolished}
    assert found("〔2024〕7号") == {numbered}
    # The catalogue looks items up by what identifies them; their text is the public
    # search's (it would read every body of a large catalogue).
    assert found("安全生产") == {numbered}


def test_catalogue_exports_to_excel_with_chinese_headings(admin_client, catalogue):
    valid, _abolished = catalogue

    response = admin_client.get("/admin/disclosure_items/", {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))

    assert rows[0][:3] == ("索引号", "名称", "发布机构")
    assert (valid.index_number, valid.title, "党政办公室") in [row[:3] for row in rows[1:]]
