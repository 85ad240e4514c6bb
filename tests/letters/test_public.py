"""The writer's side: the form, the receipt, the lookup; and the public answers."""

import io
import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from gov_disclosure.letters.models import Letter, LetterState
from tests.letters.conftest import WRITER, answered, letter_form

pytestmark = pytest.mark.django_db


def write_url(agency):
    return reverse("disclosure_letters:write", args=[agency.pk])


def test_a_citizen_writes_and_gets_a_receipt_with_the_tracking_code(
    client, office, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(write_url(office.agency), letter_form())

    assert response.status_code == 302
    receipt = client.get(response["Location"]).content.decode()
    letter = Letter.objects.get()
    assert letter.tracking_code in receipt and letter.number in receipt
    assert letter.reply_due_on.strftime("%Y年%-m月%-d日") in receipt
    assert letter.state == LetterState.RECEIVED
    assert letter.writer.name == "王小明" and letter.allow_public
    receipts = [mail for mail in mailoutbox if mail.to == [WRITER["email"]]]
    assert len(receipts) == 1 and letter.tracking_code in receipts[0].body
    # 党政办 is told a letter waits to be assigned, without the writer's data.
    [notice] = [mail for mail in mailoutbox if mail.to == ["dzb@example.gov.cn"]]
    assert letter.number in notice.subject and "王小明" not in notice.body


def test_a_rejected_letter_says_what_is_wrong_in_chinese_and_keeps_everything_typed(client, office):
    response = client.post(
        write_url(office.agency), letter_form(phone="12345", subject="", kind=None)
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "请填写有效的手机号码或固定电话" in page
    assert "请填写“标题”" in page
    assert "请选择信件类型" in page
    assert "每天夜里十一点后仍在施工" in page and 'value="王小明"' in page
    assert 'value="12345"' in page
    assert not Letter.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"homepage": "http://spam.example"}, "请勿填写此项"),
        ({"started": "forged"}, "提交异常"),
        ({"content": "太短了"}, "至少10个字"),
        ({"email": "not-an-address"}, "请填写有效的电子邮箱地址"),
    ],
)
def test_robots_and_bad_input_are_refused(client, office, changes, message):
    response = client.post(write_url(office.agency), letter_form(**changes))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Letter.objects.exists()


def test_a_letter_sent_at_once_after_the_form_was_shown_is_refused(client, office):
    from tests.letters.conftest import started

    response = client.post(write_url(office.agency), letter_form(started=started(0)))

    assert response.status_code == 400
    page = response.content.decode()
    assert "<li>提交过快，请核对内容后再次提交。</li>" in page
    assert "Started" not in page and 'href="#id_started"' not in page


def test_the_form_needs_its_csrf_token(office):
    client = Client(enforce_csrf_checks=True)

    response = client.post(write_url(office.agency), letter_form())

    assert response.status_code == 403
    assert not Letter.objects.exists()


def test_too_many_letters_from_one_address_get_429_with_the_form_kept(
    client, office, disclosure_settings
):
    disclosure_settings.LETTER_SUBMIT_RATE = "2/h"
    for _ in range(2):
        assert client.post(write_url(office.agency), letter_form()).status_code == 302

    response = client.post(write_url(office.agency), letter_form(subject="第三封信的标题"))

    assert response.status_code == 429
    assert "提交过于频繁" in response.content.decode()
    assert 'value="第三封信的标题"' in response.content.decode()
    assert Letter.objects.count() == 2


def test_the_writer_looks_up_progress_and_then_the_reply(client, office, write):
    letter = write()
    lookup = {"code": letter.tracking_code.lower().replace("-", ""), "phone_last4": "5678"}

    page = client.post(reverse("disclosure_letters:status"), lookup).content.decode()
    assert "办理中" in page and letter.number in page and "收到来信" in page

    answered(office, letter)
    page = client.post(reverse("disclosure_letters:status"), lookup).content.decode()
    assert "已答复" in page and "已责令施工单位夜间停工" in page and "转承办部门办理" in page
    # The office's notes and people never reach the writer's page.
    assert "leader" not in page and "dzb" not in page


def test_a_lookup_with_the_wrong_phone_digits_finds_nothing(client, office, write):
    letter = write()

    response = client.post(
        reverse("disclosure_letters:status"), {"code": letter.tracking_code, "phone_last4": "0000"}
    )

    assert response.status_code == 404
    assert "没有找到" in response.content.decode()
    assert letter.subject not in response.content.decode()


def test_the_writer_is_mailed_the_reply(
    office, write, mailoutbox, django_capture_on_commit_callbacks
):
    letter = write()

    with django_capture_on_commit_callbacks(execute=True):
        answered(office, letter)

    [mail] = [mail for mail in mailoutbox if mail.to == [WRITER["email"]]]
    assert "已责令施工单位夜间停工" in mail.body
    assert reverse("disclosure_letters:answer", args=[office.agency.pk, letter.pk]) in mail.body


def test_published_answers_show_without_personal_data(client, office, site_root, write):
    letter = answered(office, write())
    private = answered(office, write(allow_public=False, subject="家门口路灯不亮"), publish=False)
    pending = write(subject="尚未答复的来信")

    listing = client.get(
        reverse("disclosure_letters:answers", args=[office.agency.pk])
    ).content.decode()
    assert "兴庄路夜间施工噪音扰民" in listing
    assert "家门口路灯不亮" not in listing and "尚未答复的来信" not in listing

    page = client.get(reverse("disclosure_letters:answer", args=[office.agency.pk, letter.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert "已责令施工单位夜间停工" in html and "噪音很大" in html
    for personal in (
        "王小明",
        "13812345678",
        "11010519491231002X",
        "wxm@example.com",
        "兴庄路12号",
    ):
        assert personal not in html
    for hidden in (private, pending):
        url = reverse("disclosure_letters:answer", args=[office.agency.pk, hidden.pk])
        assert client.get(url).status_code == 404


def test_the_answers_page_shows_each_departments_reply_times(client, office, site_root, write):
    answered(office, write())
    write()

    html = client.get(
        reverse("disclosure_letters:answers", args=[office.agency.pk])
    ).content.decode()

    assert "年来信办理情况" in html
    assert '<th scope="row">城建办</th><td>1</td><td>1</td><td>100%</td>' in html
    assert '<th scope="row">（未分办）</th><td>1</td><td>0</td>' in html


def test_pages_with_the_writers_data_are_never_cached(client, office, write):
    letter = write()
    client.post(write_url(office.agency), letter_form())
    for response in (
        client.get(write_url(office.agency)),
        client.get(reverse("disclosure_letters:receipt")),
        client.post(
            reverse("disclosure_letters:status"),
            {"code": letter.tracking_code, "phone_last4": "5678"},
        ),
    ):
        assert "no-store" in response["Cache-Control"]


def test_an_unpublished_answer_leaves_the_public_site_at_once(
    client, office, site_root, write, disclosure_settings, django_capture_on_commit_callbacks
):
    from gov_disclosure.letters.services import letter_unpublish

    disclosure_settings.PAGE_CACHE_SECONDS = 300
    with django_capture_on_commit_callbacks(execute=True):
        letter = answered(office, write())
    url = reverse("disclosure_letters:answer", args=[office.agency.pk, letter.pk])
    listing = reverse("disclosure_letters:answers", args=[office.agency.pk])
    assert client.get(url).status_code == 200
    assert client.get(listing)["X-Page-Cache"] == "miss"
    assert client.get(listing)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        letter_unpublish(letter=letter, user=office.manager, reason="写信人要求撤回")

    assert client.get(url).status_code == 404
    assert "兴庄路夜间施工噪音扰民" not in client.get(listing).content.decode()


def test_the_agency_home_leads_to_requests_and_letters(client, office, site_root):
    html = client.get(site_root.url).content.decode()

    assert reverse("disclosure_requests:apply", args=[office.agency.pk]) in html
    assert reverse("disclosure_letters:write", args=[office.agency.pk]) in html
    assert reverse("disclosure_letters:answers", args=[office.agency.pk]) in html


def test_published_answers_are_in_the_sitemap(client, office, site_root, write, item_in_sitemap):
    letter = answered(office, write())
    private = answered(office, write(allow_public=False), publish=False)

    xml = client.get("/sitemap.xml").content.decode()

    assert reverse("disclosure_letters:answer", args=[office.agency.pk, letter.pk]) in xml
    assert reverse("disclosure_letters:answer", args=[office.agency.pk, private.pk]) not in xml
    assert item_in_sitemap.url in xml  # Wagtail's pages are still there


def test_the_sitemap_names_pages_and_letters_at_the_sites_address(
    client, office, site_root, write, item_in_sitemap
):
    call_command("site_origin", "https://gk.example.gov.cn", stdout=io.StringIO())
    answered(office, write())

    locations = re.findall(r"<loc>(.*?)</loc>", client.get("/sitemap.xml").content.decode())

    assert len(locations) >= 3  # the agency, the item, the letter
    assert {urlsplit(location)[:2] for location in locations} == {("https", "gk.example.gov.cn")}


@pytest.fixture
def item_in_sitemap(make_item, publish):
    return publish(make_item(title="仍在站点地图中的信息"))
