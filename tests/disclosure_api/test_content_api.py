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


@pytest.fixture
def attachments(site_root, make_item, publish):
    """A published item's attachment and a draft item's attachment."""
    from django.core.files.base import ContentFile

    from gov_disclosure.pages.models import ItemAttachment
    from tests.factories import DocumentFactory

    def attached(title, live):
        document = DocumentFactory(title=title, file=ContentFile(b"%PDF-1.4", name=f"{title}.pdf"))
        item = make_item(title=title)
        item.attachments = [ItemAttachment(document=document)]
        if live:
            publish(item)
        else:
            item.save()
            item.save_revision()
        return document, item

    return attached("published-file", live=True), attached("draft-file", live=False)


def test_documents_api_lists_only_attachments_of_published_items(client, attachments):
    listing = client.get("/api/v2/documents/").json()

    assert [d["title"] for d in listing["items"]] == ["published-file"]
    (_published, _), (draft, _) = attachments
    assert client.get(f"/api/v2/documents/{draft.pk}/").status_code == 404


def test_public_cannot_download_a_draft_attachment(client, attachments):
    (published, _), (draft, _) = attachments

    assert client.get(published.url).status_code == 200
    assert client.get(draft.url).status_code == 404


def test_staff_can_download_a_draft_attachment(admin_client, attachments):
    _published, (draft, _) = attachments

    assert admin_client.get(draft.url).status_code == 200


def test_unpublishing_an_item_withdraws_its_attachment(client, attachments):
    (published, item), _draft = attachments
    item.unpublish()

    assert client.get(published.url).status_code == 404
    assert client.get("/api/v2/documents/").json()["items"] == []
