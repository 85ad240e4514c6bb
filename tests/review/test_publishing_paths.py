"""An item goes live only through the review workflow, whichever way someone tries."""

import datetime
import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision

from gov_disclosure.pages.models import DisclosureItemPage
from gov_disclosure.pages.publication import PublicationNotApproved
from gov_disclosure.review.tasks import run_publication_schedule
from tests.review.conftest import edit_post, is_denied
from tests.workflow import publish_through_workflow, superuser

pytestmark = pytest.mark.django_db


def is_live(item) -> bool:
    return DisclosureItemPage.objects.get(pk=item.pk).live


@pytest.mark.parametrize("who", ["office", "superuser"])
def test_the_editor_offers_no_publish_button_and_refuses_a_forged_one(office, client, who):
    user = superuser() if who == "superuser" else office.users[who]
    item = office.item()
    client.force_login(user)

    html = client.get(f"/admin/pages/{item.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html

    response = edit_post(client, item, "publish")

    assert response.status_code in (200, 302, 403)
    assert not is_live(item)


def test_bulk_publish_leaves_items_unpublished(office, client):
    items = [office.item(), office.item()]
    client.force_login(superuser())
    query = "&".join(f"id={item.pk}" for item in items)

    response = client.post(
        f"/admin/bulk/wagtailcore/page/publish/?{query}&next=/admin/", {"include_descendants": ""}
    )

    assert response.status_code in (200, 302)
    assert not any(is_live(item) for item in items)


def test_code_cannot_publish_an_unapproved_revision(office):
    item = office.item()
    revision = item.save_revision(user=office.users["officer"])

    with pytest.raises(PublicationNotApproved):
        revision.publish(user=superuser())
    with pytest.raises(PublicationNotApproved):
        revision.publish(skip_permission_checks=True)
    assert not is_live(item)


def test_a_schedule_nobody_approved_is_refused_and_logged(office):
    item = office.item()
    revision = item.save_revision(user=office.users["officer"])
    # The only way to get here is behind the application's back.
    due = timezone.now() - datetime.timedelta(minutes=1)
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=due)

    run_publication_schedule()

    assert not is_live(item)
    assert Revision.objects.get(pk=revision.pk).approved_go_live_at is None
    assert PageLogEntry.objects.filter(page=item, action="disclosure.schedule_refused").exists()


def test_wagtails_publish_scheduled_command_refuses_an_unapproved_revision(office):
    item = office.item()
    revision = item.save_revision(user=office.users["officer"])
    due = timezone.now() - datetime.timedelta(minutes=1)
    Revision.objects.filter(pk=revision.pk).update(approved_go_live_at=due)

    with pytest.raises(PublicationNotApproved):
        call_command("publish_scheduled")
    assert not is_live(item)


def test_an_approved_schedule_goes_live_at_its_time(office):
    item = office.item()
    item.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    publish_through_workflow(item)
    assert not is_live(item) and item.index_number == ""

    time.sleep(max(0.0, (item.go_live_at - timezone.now()).total_seconds()) + 0.1)
    run_publication_schedule()

    item.refresh_from_db()
    assert item.live and item.index_number


def test_the_read_only_api_cannot_publish(office, client):
    item = office.item()
    client.force_login(superuser())

    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(
            f"/api/v2/pages/{item.pk}/", {"live": True}, content_type="application/json"
        )
        assert response.status_code in (404, 405), (method, response.status_code)
    assert client.post("/api/v2/pages/", {}, content_type="application/json").status_code == 405
    assert not is_live(item)


def test_copies_of_a_live_item_cannot_be_published_and_start_as_drafts(office, client, publish):
    item = publish(office.item())
    client.force_login(office.users["office"])
    form = {
        "new_title": "复制的信息",
        "new_slug": "copied-item",
        "new_parent_page": office.category_a.pk,
        "alias": "",
    }

    refused = client.post(f"/admin/pages/{item.pk}/copy/", {**form, "publish_copies": "on"})
    assert refused.status_code == 200
    assert "new_parent_page" in refused.context["form"].errors
    assert not DisclosureItemPage.objects.filter(slug="copied-item").exists()

    assert client.post(f"/admin/pages/{item.pk}/copy/", form).status_code == 302
    copy = DisclosureItemPage.objects.get(slug="copied-item")
    assert not copy.live and copy.index_number == ""


def test_office_unpublishes_with_a_reason_and_the_reason_is_logged(office, client, publish):
    item = publish(office.item())
    url = f"/admin/pages/{item.pk}/unpublish/"
    client.force_login(office.users["office"])

    form = client.get(url)
    assert form.status_code == 200 and "撤下原因" in form.content.decode()
    missing = client.post(url, {"reason": ""})
    assert missing.status_code == 400
    assert "须写明原因" in missing.content.decode()
    assert is_live(item)

    done = client.post(url, {"reason": "文件已被新规定替代，先行撤下。"})

    assert done.status_code == 302
    assert not is_live(item)
    entry = PageLogEntry.objects.get(page=item, action="disclosure.unpublish")
    assert entry.user == office.users["office"]
    assert entry.data["reason"] == "文件已被新规定替代，先行撤下。"


@pytest.mark.parametrize("who", ["officer", "leader", "secrecy", "supervisor"])
def test_only_the_office_may_unpublish(office, client, publish, who):
    item = publish(office.item())
    client.force_login(office.users[who])

    assert is_denied(client.get(f"/admin/pages/{item.pk}/unpublish/"))
    assert is_denied(client.post(f"/admin/pages/{item.pk}/unpublish/", {"reason": "试图撤下"}))
    assert is_live(item)


def test_bulk_unpublish_of_items_is_refused(office, client, publish):
    item = publish(office.item())
    client.force_login(office.users["office"])

    client.post(f"/admin/bulk/wagtailcore/page/unpublish/?id={item.pk}&next=/admin/", {})

    assert is_live(item)


def test_editing_a_live_item_goes_through_review_again(office, client, publish):
    item = publish(office.item(title="原标题"))
    client.force_login(office.users["officer"])

    edit_post(client, item, "submit", title="修改后的标题")

    item.refresh_from_db()
    assert item.live and item.title == "原标题"
    assert PageLogEntry.objects.filter(page=item, action="wagtail.edit").exists()


@pytest.mark.parametrize("who", ["office", "superuser"])
def test_a_live_item_goes_offline_only_by_unpublishing_with_a_reason(office, client, who):
    item = publish_through_workflow(office.item())
    client.force_login(superuser() if who == "superuser" else office.users[who])

    assert is_denied(client.get(f"/admin/pages/{item.pk}/delete/"))
    client.post(f"/admin/pages/{item.pk}/delete/")
    client.post(f"/admin/bulk/wagtailcore/page/delete/?id={item.pk}&next=/admin/")
    client.post(f"/admin/pages/{office.category_a.pk}/delete/")  # the category holding it
    assert is_live(item)

    client.post(f"/admin/pages/{item.pk}/unpublish/", {"reason": "信息已过时，撤下"})
    client.post(f"/admin/pages/{item.pk}/delete/")

    assert not DisclosureItemPage.objects.filter(pk=item.pk).exists()
    [unpublished] = PageLogEntry.objects.filter(page_id=item.pk, action="disclosure.unpublish")
    assert unpublished.data["reason"] == "信息已过时，撤下"
