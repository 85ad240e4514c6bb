"""长辈版 and text sizes: chosen by a link, remembered per browser, shown on every public page."""

import pytest

from gov_disclosure.core.display import COOKIE

pytestmark = pytest.mark.django_db


def choose(client, query: str):
    return client.get(f"/display/?{query}")


def test_a_choice_is_remembered_and_the_visitor_goes_back(client):
    response = choose(client, "elder=1&next=/zhuangshi/c04/")

    assert response.status_code == 302 and response["Location"] == "/zhuangshi/c04/"
    assert client.cookies[COOKIE].value == "elder-normal"
    choose(client, "text=larger&next=/")
    assert client.cookies[COOKIE].value == "elder-larger"  # the elder choice is kept
    choose(client, "elder=0&next=/")
    assert client.cookies[COOKIE].value == "larger"
    choose(client, "text=normal&next=/")
    assert client.cookies[COOKIE].value == ""  # the standard page needs no cookie


def test_only_the_sites_own_pages_are_gone_back_to(client):
    for elsewhere in ["https://example.com/", "//example.com/", "javascript:alert(1)"]:
        assert choose(client, f"text=large&next={elsewhere}")["Location"] == "/"
    assert client.cookies[COOKIE].value == "large"


def test_an_unknown_choice_changes_nothing(client):
    choose(client, "elder=1")
    choose(client, "elder=maybe&text=huge")

    assert client.cookies[COOKIE].value == "elder-normal"


def test_every_public_page_offers_the_choice_and_marks_the_current_one(client, site_root):
    standard = client.get("/").content.decode()
    choose(client, "elder=1&text=large")
    elder = client.get("/").content.decode()

    assert 'data-display="normal"' in standard and ">长辈版</a>" in standard
    assert 'aria-current="true">标准</a>' in standard
    assert 'data-display="elder-large"' in elder and ">退出长辈版</a>" in elder
    assert 'aria-current="true">大</a>' in elder
