"""The applicant's side: the form, the receipt, the status page; and what never leaks."""

import re
import time

import pytest
from django.conf import settings
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gov_disclosure.requests.models import ApplicantFile, DisclosureRequest, State
from tests.disclosure_requests.conftest import pdf_bytes, png_bytes

pytestmark = pytest.mark.django_db


def started(seconds_ago: float = 60) -> str:
    return signing.dumps(time.time() - seconds_ago, salt="public_forms.started")


def person_form(**changes) -> dict:
    data = {
        "applicant_kind": "person",
        "name": "李四",
        "id_document_type": "resident_id",
        "id_document_number": "11010519491231002X",
        "phone": "13912345678",
        "email": "lisi@example.com",
        "address": "宁波市镇海区测试路9号",
        "postcode": "315200",
        "description": "请提供本街道2025年城市更新项目的批复文件（文号不详）。",
        "purpose": "了解项目进度",
        "information_form": "electronic",
        "delivery": "email",
        "declaration": "on",
        "homepage": "",
        "started": started(),
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def apply_url(agency):
    return reverse("disclosure_requests:apply", args=[agency.pk])


def id_copy(name="身份证.png"):
    return SimpleUploadedFile(name, png_bytes(), "image/png")


def test_a_person_applies_and_gets_a_receipt_with_the_tracking_code(client, agency):
    response = client.post(apply_url(agency), person_form(files=[id_copy()]))

    assert response.status_code == 302
    receipt = client.get(response["Location"])
    request = DisclosureRequest.objects.get()
    assert request.tracking_code in receipt.content.decode()
    assert request.reference in receipt.content.decode()
    assert request.applicant.name == "李四"
    assert request.applicant_category == "person"
    assert request.state == State.RECEIVED
    stored = request.applicant_files.get()
    assert stored.original_name == "身份证.png"
    # Kept outside the public media directory, under a random name.
    assert str(settings.MEDIA_ROOT) not in stored.file.path
    assert "身份证" not in stored.file.name
    assert receipt["Cache-Control"].startswith("max-age=0")


def test_an_organisation_applies_with_its_subtype(client, agency):
    from tests.factories import valid_uscc

    response = client.post(
        apply_url(agency),
        person_form(
            applicant_kind="organisation",
            organisation_category="legal_service",
            organisation_name="某某律师事务所",
            credit_code=valid_uscc(77).lower(),
            legal_representative="王五",
            contact_name="赵六",
            name="",
            id_document_number="",
        ),
    )

    assert response.status_code == 302
    request = DisclosureRequest.objects.get()
    assert request.applicant_category == "legal_service"
    assert request.applicant.name == "某某律师事务所"
    assert request.applicant.credit_code == valid_uscc(77)


def test_rejected_form_says_what_is_wrong_in_chinese_and_keeps_everything_typed(client, agency):
    response = client.post(
        apply_url(agency),
        person_form(id_document_number="110105194912310021", files=[id_copy("我的身份证.png")]),
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "居民身份证号码无效" in page
    assert "请公开" not in page and "城市更新项目的批复文件" in page  # description kept
    assert 'value="李四"' in page and 'value="13912345678"' in page
    assert "我的身份证.png" in page  # the upload is kept, not asked for again
    assert not DisclosureRequest.objects.exists()

    kept = re.search(r'name="kept_files" value="([^"]+)"', page).group(1)
    resubmitted = client.post(
        apply_url(agency),
        person_form(id_document_number="11010519491231002X", kept_files=kept),
    )
    assert resubmitted.status_code == 302
    assert DisclosureRequest.objects.get().applicant_files.get().original_name == "我的身份证.png"


def test_organisation_needs_a_valid_credit_code_and_its_details(client, agency):
    response = client.post(
        apply_url(agency),
        person_form(applicant_kind="organisation", credit_code="91330211MA2AAAAAAA"),
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "统一社会信用代码无效" in page
    assert "请填写“组织类别”" in page
    assert "请填写“单位名称”" in page


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"phone": "12345"}, "请填写有效的手机号码或固定电话"),
        ({"email": "not-an-address"}, "请填写有效的电子邮箱地址"),
        ({"description": "短"}, "至少10个字"),
        ({"delivery": "post", "address": ""}, "请填写“通信地址”"),
        ({"declaration": None}, "请确认所填内容真实有效"),
        ({"applicant_kind": None}, "请选择申请人类型"),
    ],
)
def test_each_bad_field_gets_its_own_message(client, agency, changes, message):
    response = client.post(apply_url(agency), person_form(**changes))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DisclosureRequest.objects.exists()


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            SimpleUploadedFile("id.pdf", b"just text, not a pdf", "application/pdf"),
            "不是允许的文件类型",
        ),
        (SimpleUploadedFile("id.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"), "已损坏"),
        (
            SimpleUploadedFile("id.exe", b"MZ\x90\x00" * 10, "application/octet-stream"),
            "不是允许的文件类型",
        ),
        (
            SimpleUploadedFile(
                "big.pdf", pdf_bytes() + b"0" * (5 * 1024 * 1024), "application/pdf"
            ),
            "太大",
        ),
    ],
    ids=["text-as-pdf", "broken-png", "executable", "oversized"],
)
def test_uploads_are_checked_by_content_and_size(client, agency, file, message):
    response = client.post(apply_url(agency), person_form(files=[file]))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DisclosureRequest.objects.exists()


def test_too_many_files_are_refused(client, agency):
    files = [id_copy(f"{n}.png") for n in range(6)]

    response = client.post(apply_url(agency), person_form(files=files))

    assert response.status_code == 400
    assert "最多上传5个文件" in response.content.decode()


def test_a_filled_hidden_field_marks_a_robot_whose_files_are_not_kept(client, agency):
    response = client.post(
        apply_url(agency), person_form(homepage="http://spam.example", files=[id_copy()])
    )

    assert response.status_code == 400
    assert not DisclosureRequest.objects.exists()
    assert not ApplicantFile.objects.exists()


def test_a_form_sent_too_fast_is_refused_and_can_be_resent(client, agency):
    response = client.post(apply_url(agency), person_form(started=started(seconds_ago=0.5)))

    page = response.content.decode()
    assert response.status_code == 400
    assert "提交过快" in page
    assert "城市更新项目的批复文件" in page
    token = re.search(r'name="started" value="([^"]+)"', page).group(1)
    assert signing.loads(token, salt="public_forms.started") < time.time() - 0.4


def test_the_form_is_protected_against_cross_site_posts(agency):
    client = Client(enforce_csrf_checks=True)

    response = client.post(apply_url(agency), person_form())

    assert response.status_code == 403
    assert not DisclosureRequest.objects.exists()


def test_one_address_may_not_flood_the_office(client, agency, disclosure_settings):
    disclosure_settings.REQUEST_SUBMIT_RATE = "2/h"
    for _ in range(2):
        assert client.post(apply_url(agency), person_form()).status_code == 302

    response = client.post(apply_url(agency), person_form(files=[id_copy()]))

    assert response.status_code == 429
    assert not ApplicantFile.objects.filter(request__isnull=True).exists()
    assert "提交过于频繁" in response.content.decode()
    assert "城市更新项目的批复文件" in response.content.decode()
    assert DisclosureRequest.objects.count() == 2


def test_unpublished_agency_takes_no_applications(client, agency):
    agency.unpublish()

    assert client.get(apply_url(agency)).status_code == 404


def status_lookup(client, code, last4):
    return client.post(reverse("disclosure_requests:status"), {"code": code, "phone_last4": last4})


def test_status_page_shows_state_and_deadline_but_no_personal_data(client, submit):
    request = submit()

    response = status_lookup(client, request.tracking_code.lower(), "5678")

    page = response.content.decode()
    assert response.status_code == 200
    assert request.reference in page
    assert "已收到" in page
    assert f"{request.answer_due_on.year}年{request.answer_due_on.month}月" in page
    for private in (
        "张三",
        "13812345678",
        "zhangsan@example.com",
        "11010519491231002X",
        "老旧小区",
    ):
        assert private not in page


def test_status_page_answers_wrong_codes_without_saying_which_part_is_wrong(client, submit):
    request = submit()

    response = status_lookup(client, request.tracking_code, "0000")

    assert response.status_code == 404
    assert "没有找到与查询码和电话后四位相符的申请" in response.content.decode()


def test_status_lookups_are_rate_limited(client, submit, disclosure_settings):
    disclosure_settings.REQUEST_STATUS_RATE = "3/h"
    request = submit()
    for _ in range(3):
        status_lookup(client, request.tracking_code, "0000")

    response = status_lookup(client, request.tracking_code, "5678")

    assert response.status_code == 429
    assert request.reference not in response.content.decode()


def test_applicants_data_never_reaches_search_the_api_or_the_feed(client, submit, agency):
    submit(applicant={"name": "独特申请人甲乙"}, description="独特申请内容丙丁戊己庚辛")

    for query in ("独特申请人甲乙", "独特申请内容丙丁戊己庚辛"):
        assert client.get("/api/search/", {"q": query}).json()["total"] == 0
        assert client.get("/api/v2/pages/", {"search": query}).json()["meta"]["total_count"] == 0
    for url in (
        "/api/disclosure/v1/changes/",
        "/sitemap.xml",
        agency.url,
    ):
        body = client.get(url).content.decode()
        assert "独特申请" not in body, url


def test_uploads_of_abandoned_forms_are_removed_after_a_day(client, agency):
    from gov_disclosure.requests.retention import requests_purge_expired

    client.post(apply_url(agency), person_form(phone="1", files=[id_copy()]))
    kept = ApplicantFile.objects.get()
    ApplicantFile.objects.filter(pk=kept.pk).update(
        uploaded_at=kept.uploaded_at - __import__("datetime").timedelta(days=2)
    )

    requests_purge_expired()

    assert not ApplicantFile.objects.exists()


def test_the_request_entry_goes_straight_to_the_only_agencys_form(client, agency):
    response = client.get(reverse("disclosure_requests:choose_agency"))

    assert response.status_code == 302
    assert response["Location"] == apply_url(agency)


def test_the_form_page_has_labelled_fields_and_the_offices_contacts(client, agency):
    page = client.get(apply_url(agency)).content.decode()

    assert agency.agency_name in page and agency.phone in page
    for field in ("id_name", "id_phone", "id_description", "id_credit_code"):
        assert f'<label for="{field}">' in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_the_fields_each_applicant_type_must_fill_are_marked_required(client, agency):
    html = client.get(apply_url(agency)).content.decode()

    def marked(name: str) -> bool:
        label = re.search(rf'<div class="field([^"]*)">\s*<label for="id_{name}">', html)
        assert label, name
        return "required" in label.group(1)

    # 自然人: 姓名, 证件类型, 证件号码; 法人或其他组织: its name, code and people.
    for name in ("name", "id_document_type", "id_document_number", "organisation_name"):
        assert marked(name), name
    assert not marked("purpose")
