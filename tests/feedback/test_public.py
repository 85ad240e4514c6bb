"""A citizen rates an item or a published letter answer: the form sits on the cached
page, each rating is stored without personal data, and floods and repeats are refused."""

import pytest
from django.test import Client

from gov_disclosure.feedback.models import CommentState, Rating
from gov_disclosure.letters.services import letter_submit
from tests.letters.conftest import LETTER, WRITER

from .conftest import ITEM_TITLE, rate

pytestmark = pytest.mark.django_db


def test_an_item_page_carries_the_form_and_a_rating_is_stored_without_personal_data(
    item, disclosure_settings
):
    disclosure_settings.PAGE_CACHE_SECONDS = 300
    client = Client(enforce_csrf_checks=True)  # as a browser posting from a cached page
    page = client.get(item.url).content.decode()
    assert page == client.get(item.url).content.decode()  # served from the page cache
    assert f'action="/feedback/rate/item/{item.pk}/"' in page
    assert "csrfmiddlewaretoken" not in page
    for label in ("满意", "基本满意", "不满意"):
        assert f"> {label}</label>" in page

    response = rate(client, item, satisfaction="basic", comment="  希望附上改造小区的名单。 ")
    assert response.status_code == 302
    thanks = client.get(response["Location"]).content.decode()
    assert "感谢您的评价" in thanks and ITEM_TITLE in thanks

    rating = Rating.objects.get()
    assert (rating.agency, rating.item, rating.target_title) == (
        item.get_parent().get_parent().specific,
        item.specific,
        ITEM_TITLE,
    )
    assert rating.satisfaction == "basic"
    assert rating.comment == "希望附上改造小区的名单。"
    assert rating.comment_state == CommentState.PENDING
    stored = " ".join(str(value) for value in Rating.objects.values().get().values())
    assert "198.51.100.7" not in stored


def test_a_rating_without_a_comment_needs_no_moderation(item, client):
    rate(client, item, satisfaction="unsatisfied")
    assert Rating.objects.get().comment_state == CommentState.NONE


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"satisfaction": None}, "请选择“满意”“基本满意”或“不满意”。"),
        ({"satisfaction": "great"}, "请选择“满意”“基本满意”或“不满意”。"),
        ({"satisfaction": None, "comment": "长" * 501}, "意见建议不能超过500个字。"),
        ({"homepage": "http://spam.example"}, "请勿填写此项。"),
    ],
)
def test_bad_input_is_refused_in_chinese_and_keeps_the_comment(item, client, fields, message):
    comment = fields.get("comment", "希望附上改造小区的名单。")
    response = rate(client, item, **{"comment": comment, **fields})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert comment in page  # nothing typed is lost
    assert not Rating.objects.exists()


def test_one_rating_per_page_and_address_a_day(item, client):
    assert rate(client, item).status_code == 302
    again = rate(client, item, comment="再评一次")
    assert again.status_code == 429
    assert "您今天已经评价过本页内容" in again.content.decode()
    assert "再评一次" in again.content.decode()
    assert rate(client, item, address="203.0.113.50").status_code == 302
    assert Rating.objects.count() == 2


def test_an_address_sending_too_many_ratings_is_held_off(item, answer, client, disclosure_settings):
    disclosure_settings.RATING_SUBMIT_RATE = "2/h"
    assert rate(client, item).status_code == 302
    assert rate(client, answer, kind="letter").status_code == 302
    held = rate(client, item, address="198.51.100.7", comment="第三条")
    assert held.status_code == 429
    assert "提交过于频繁" in held.content.decode()
    assert Rating.objects.count() == 2


def test_a_published_answer_carries_the_form_and_is_rated(answer, client, office):
    page = client.get(f"/letters/{office.agency.pk}/{answer.pk}/").content.decode()
    assert f'action="/feedback/rate/letter/{answer.pk}/"' in page
    assert rate(client, answer, kind="letter").status_code == 302
    rating = Rating.objects.get()
    assert (rating.letter, rating.item, rating.kind) == (answer, None, "letter")
    assert rating.target_title == answer.public_subject


def test_what_the_public_cannot_see_cannot_be_rated(office, make_item, client, item):
    draft = make_item(title="尚未发布的草稿")
    unpublished_letter = letter_submit(
        agency=office.agency, letter_fields=LETTER, writer_fields=WRITER
    )
    assert rate(client, draft).status_code == 404
    assert rate(client, unpublished_letter, kind="letter").status_code == 404
    assert client.get(f"/feedback/rate/item/{draft.pk}/").status_code == 404
    assert rate(client, item, kind="page").status_code == 404
    item.get_parent().get_parent().specific.unpublish()  # the whole agency taken down
    assert rate(client, item).status_code == 404
    assert not Rating.objects.exists()
