import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def items(site_root, make_item, publish):
    published = publish(make_item(title="已发布的信息"))
    draft = make_item(title="草稿信息")
    draft.save_revision()
    return published, draft


def test_pages_api_serves_published_items_with_declared_metadata(client, items):
    published, _draft = items

    response = client.get(
        "/api/v2/pages/",
        {
            "type": "disclosure_pages.DisclosureItemPage",
            "fields": "index_number,publisher_name,validity",
        },
    )

    assert response.status_code == 200
    [entry] = response.json()["items"]
    assert entry["title"] == "已发布的信息"
    assert entry["index_number"] == published.index_number
    assert entry["publisher_name"] == "党政办公室"
    assert entry["validity"] == "有效"


def test_pages_api_never_shows_drafts(client, items):
    _published, draft = items

    listing = client.get("/api/v2/pages/", {"search": "草稿信息"}).json()
    detail = client.get(f"/api/v2/pages/{draft.pk}/")

    assert all(entry["title"] != "草稿信息" for entry in listing["items"])
    assert detail.status_code == 404


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
