"""An item's page is rendered once per published revision and served from the store
(gov_disclosure.pages.rendering): what a visitor reads must still be what is published
now, whatever changed, and nothing the store holds may show where it must not."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from gov_disclosure.pages.models import ItemAttachment, ItemRendering
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db

MARKER = "<p>只在已保存的渲染结果里</p>"


@pytest.fixture
def item(site_root, make_item, publish):
    return publish(make_item(title="庄市街道2024年财政预算", summary="公开2024年财政预算。"))


def _page(client, item) -> str:
    response = client.get(item.url)
    assert response.status_code == 200
    return response.content.decode()


def _mark_stored(item) -> None:
    """Put text only the stored rendering has, so a page showing it was served from it."""
    assert ItemRendering.objects.filter(item_id=item.pk).update(article=MARKER) == 1


def test_the_second_visitor_is_served_the_stored_rendering(client, item):
    first = _page(client, item)
    stored = ItemRendering.objects.get(item_id=item.pk)
    assert stored.revision_id == item.live_revision_id
    assert item.summary in stored.article and item.summary in first

    _mark_stored(item)

    assert "只在已保存的渲染结果里" in _page(client, item)


def test_a_new_publication_is_shown_not_the_stored_one(client, item, publish):
    _page(client, item)
    _mark_stored(item)

    item.title = "庄市街道2024年财政预算（调整）"
    item.summary = "调整后的预算。"
    publish(item)

    html = _page(client, item)
    assert "调整后的预算。" in html and "只在已保存的渲染结果里" not in html


def test_a_renamed_department_category_and_file_show_at_once(client, item, publish):
    document = DocumentFactory(title="预算表", file=ContentFile(b"x" * 2048, name="budget.xlsx"))
    item.attachments = [ItemAttachment(document=document)]
    item = publish(item)
    _page(client, item)

    item.publisher.name = "财政办公室"
    item.publisher.save()
    assert "财政办公室" in _page(client, item)

    category = item.get_parent().specific
    category.title = "财政预决算"
    publish(category)
    assert '<a href="/02/">财政预决算</a>' in _page(client, item).replace(category.url, "/02/")

    document.title = "2024年预算表（修订）"
    document.save()
    assert "2024年预算表（修订）" in _page(client, item)


def test_a_link_in_the_body_follows_the_page_it_points_to(
    client, site_root, make_item, publish, item
):
    linking = make_item(title="关于预算的说明")
    linking.body = [
        ("paragraph", RichText(f'<p>见<a linktype="page" id="{item.pk}">预算</a>。</p>'))
    ]
    linking = publish(linking)
    assert f'href="{item.url}"' in _page(client, linking)

    item.slug = "budget-2024"
    publish(item)
    item.refresh_from_db()

    html = _page(client, linking)
    assert f'href="{item.url}"' in html and item.url.endswith("/budget-2024/")


def test_a_preview_of_a_draft_shows_the_draft(client, item):
    _page(client, item)
    item.summary = "尚未审核的草稿概述。"
    item.save_revision()

    draft = item.get_latest_revision_as_object()
    preview = draft.make_preview_request().content.decode()
    public = _page(client, item)

    assert "尚未审核的草稿概述。" in preview
    assert "尚未审核的草稿概述。" not in public


def test_a_view_restriction_is_enforced_though_the_page_is_stored(client, item):
    _page(client, item)  # stored
    PageViewRestriction.objects.create(
        page=item.get_parent(), restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    response = client.get(item.url)

    assert response.status_code == 200  # Wagtail's password form, not the item
    html = response.content.decode()
    assert item.summary not in html and 'name="password"' in html


def test_a_changed_row_written_without_a_publication_is_not_served_stale(client, item):
    _page(client, item)
    _mark_stored(item)

    item.summary = "直接修改的概述。"
    item.save()

    assert "直接修改的概述。" in _page(client, item)


def test_render_items_stores_every_public_item_and_nothing_else(
    site_root, make_item, publish, item
):
    private = publish(make_item(title="受限信息"))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    draft = make_item(title="未发布草稿")
    ItemRendering.objects.all().delete()

    call_command("render_items", stdout=io.StringIO())

    stored = set(ItemRendering.objects.values_list("item_id", flat=True))
    assert item.pk in stored
    assert private.pk not in stored and draft.pk not in stored


def test_an_item_page_costs_a_handful_of_queries(client, item, django_assert_max_num_queries):
    _page(client, item)  # stored

    # The item with its department, its rendering and whether a restriction covers it;
    # the site and the agency come from the routing table in the cache.
    with django_assert_max_num_queries(1):
        html = _page(client, item)
    assert item.summary in html


def test_a_renamed_host_page_above_the_catalogue_shows_in_the_breadcrumbs(
    client, root_page, make_item, publish, django_capture_on_commit_callbacks
):
    from wagtail.models import Page, Site

    from tests.factories import AgencyFactory, CategoryFactory

    home = root_page.add_child(instance=Page(title="镇海区人民政府", slug="zhenhai"))
    Site.objects.filter(is_default_site=True).update(root_page=home)
    agency = AgencyFactory(parent=home, live=True)
    category = CategoryFactory(parent=agency, live=True)
    item = publish(make_item(parent=category))
    category_url = category.get_url()
    client.get(category_url)
    assert "镇海区人民政府" in _page(client, item)  # stored with the host page's title

    home.title = "镇海区政府门户"
    with django_capture_on_commit_callbacks(execute=True):
        publish(home)

    assert "镇海区政府门户" in _page(client, item)
    assert "镇海区政府门户" in client.get(category_url).content.decode()
