"""A policy document and its interpretation (and other linked items) show each other:
on the public pages, in API v2 and in the synchronisation feed, published ends only."""

import pytest
from wagtail.test.utils.form_data import inline_formset

from gov_disclosure.pages.models import DisclosureItemPage, ItemRelation
from tests.disclosure_pages.test_validation import add_item, form_errors
from tests.factories import AgencyFactory, CategoryFactory, DepartmentFactory, ItemFactory

pytestmark = pytest.mark.django_db


def interpretation_of(document, **fields):
    """An item that interprets ``document`` (a 图解), not yet published."""
    item = ItemFactory(
        parent=document.get_parent(),
        publisher=document.publisher,
        title=fields.pop("title", "图解：关于加强社区养老服务的实施意见"),
        **fields,
    )
    item.relations = [ItemRelation(target=document, kind="interpretation",
                                   interpretation_form="graphic")]  # fmt: skip
    item.save()
    return item


@pytest.fixture
def document(site_root, make_item, publish):
    return publish(make_item(title="关于加强社区养老服务的实施意见", genre="行政规范性文件"))


def related_section(client, page) -> str:
    html = client.get(page.url).content.decode()
    start = html.find('class="related-items"')
    return html[start : html.find("</section>", start)] if start >= 0 else ""


def test_document_and_interpretation_link_each_other(client, document, publish):
    interpretation = publish(interpretation_of(document))

    on_document = related_section(client, document)
    on_interpretation = related_section(client, interpretation)

    assert "政策解读" in on_document and "（图解）" in on_document
    assert f'href="{interpretation.url}"' in on_document
    assert "解读的文件" in on_interpretation
    assert f'href="{document.url}"' in on_interpretation


def test_unpublished_interpretation_is_not_shown_until_published(client, document, publish):
    assert related_section(client, document) == ""  # rendered and stored without it
    draft = interpretation_of(document, title="解读草稿：养老服务实施意见问答")

    assert "解读草稿" not in client.get(document.url).content.decode()

    publish(draft)
    assert "解读草稿" in related_section(client, document)


def test_unpublishing_the_interpretation_removes_it_from_the_document(client, document, publish):
    interpretation = publish(interpretation_of(document))
    assert interpretation.title in related_section(client, document)

    interpretation.unpublish()

    assert related_section(client, document) == ""


def test_renamed_document_is_renamed_on_its_interpretation(client, document, publish):
    interpretation = publish(interpretation_of(document))
    assert document.title in related_section(client, interpretation)

    document.title = "关于加强社区养老服务的实施意见（修订）"
    publish(document)

    assert "实施意见（修订）" in related_section(client, interpretation)


def test_related_items_both_ways_in_the_pages_api(client, document, publish):
    interpretation = publish(interpretation_of(document))

    def related(page):
        response = client.get(f"/api/v2/pages/{page.pk}/", {"fields": "related_items"})
        return response.json()["related_items"]

    [to_document] = related(interpretation)
    [from_interpretation] = related(document)
    assert to_document["kind"] == "interpretation" and to_document["direction"] == "to"
    assert to_document["id"] == document.pk and to_document["title"] == document.title
    assert to_document["index_number"] == document.index_number
    assert from_interpretation["direction"] == "from"
    assert from_interpretation["interpretation_form"] == "graphic"
    assert from_interpretation["url"].endswith(interpretation.url)


def feed_records(client) -> dict[int, dict]:
    response = client.get("/api/disclosure/v1/items/", {"limit": 100})
    assert response.status_code == 200, response.content
    return {record["id"]: record for record in response.json()["results"]}


def test_feed_records_carry_the_link_at_both_ends(client, document, publish):
    feed_records(client)  # the document's record made before the link
    interpretation = publish(interpretation_of(document))

    records = feed_records(client)

    document_record, interpretation_record = records[document.pk], records[interpretation.pk]
    assert [(r["kind"], r["direction"], r["id"]) for r in document_record["relations"]] == [
        ("interpretation", "from", interpretation.pk)
    ]
    assert [(r["direction"], r["id"]) for r in interpretation_record["relations"]] == [
        ("to", document.pk)
    ]
    assert document_record["relations"][0]["url"].startswith("http")


def test_draft_interpretation_never_reaches_the_feed_or_api(client, document):
    interpretation_of(document, title="解读草稿")

    response = client.get(f"/api/v2/pages/{document.pk}/", {"fields": "related_items"})

    assert response.json()["related_items"] == []
    assert feed_records(client)[document.pk]["relations"] == []


def relation_rows(*rows):
    return inline_formset(
        [
            {"target": target, "kind": kind, "interpretation_form": form}
            for target, kind, form in rows
        ]
    )


def test_editor_links_a_new_interpretation_to_a_document(admin_client, document, category,
                                                          department):  # fmt: skip
    response = add_item(
        admin_client,
        category,
        department,
        relations=relation_rows((document.pk, "interpretation", "qa")),
    )

    assert response.status_code == 302
    item = DisclosureItemPage.objects.get(slug="notice-2024")
    [relation] = item.relations.all()
    assert (relation.target_id, relation.kind, relation.interpretation_form) == (
        document.pk,
        "interpretation",
        "qa",
    )


def test_interpretation_needs_its_form(admin_client, document, category, department):
    response = add_item(
        admin_client,
        category,
        department,
        relations=relation_rows((document.pk, "interpretation", "")),
    )

    formset = response.context["form"].formsets["relations"]
    assert formset.forms[0].errors["interpretation_form"] == ["请选择解读形式。"]
    assert not DisclosureItemPage.objects.filter(slug="notice-2024").exists()


def test_another_agencys_draft_cannot_be_linked(admin_client, root_page, category, department):
    other = AgencyFactory(parent=root_page)
    other_draft = ItemFactory(
        parent=CategoryFactory(parent=other),
        publisher=DepartmentFactory(agency=other),
        title="另一机关尚未发布的文件",
    )

    response = add_item(
        admin_client,
        category,
        department,
        relations=relation_rows((other_draft.pk, "related", "")),
    )

    formset = response.context["form"].formsets["relations"]
    assert formset.forms[0].errors["target"] == ["只能关联已发布的信息，或本机关的信息。"]
    assert "部署2024年政府信息公开工作。" in response.content.decode()  # kept as typed
    assert form_errors(response) == {}


def test_own_agencys_draft_can_be_linked(admin_client, make_item, category, department):
    draft = make_item(title="本机关尚未发布的文件")

    response = add_item(
        admin_client, category, department, relations=relation_rows((draft.pk, "related", ""))
    )

    assert response.status_code == 302


def test_the_same_link_twice_is_refused(admin_client, document, category, department):
    response = add_item(
        admin_client,
        category,
        department,
        relations=relation_rows((document.pk, "related", ""), (document.pk, "related", "")),
    )

    formset = response.context["form"].formsets["relations"]
    assert formset.forms[1].errors["target"] == ["同一信息已按同样的类型关联过一次。"]


def test_links_are_grouped_in_the_order_of_their_headings_in_any_language(document, publish):
    from django.utils import translation

    from gov_disclosure.pages.relations import item_related_groups

    related = publish(interpretation_of(document, title="相关：养老服务补贴标准"))
    ItemRelation.objects.filter(item=related).update(kind="related", interpretation_form="")
    publish(interpretation_of(document, title="问答：养老服务实施意见"))

    with translation.override("en"):
        english = [group.heading for group in item_related_groups(item=document)]
    chinese = [group.heading for group in item_related_groups(item=document)]

    assert english == ["Policy interpretation", "Related information"]
    assert chinese == ["政策解读", "相关信息"]


def test_a_removed_link_row_is_not_checked(admin_client, root_page, category, department):
    other = AgencyFactory(parent=root_page)
    other_draft = ItemFactory(
        parent=CategoryFactory(parent=other), publisher=DepartmentFactory(agency=other)
    )
    rows = inline_formset(
        [{"target": other_draft.pk, "kind": "related", "interpretation_form": "", "DELETE": "1"}]
    )

    response = add_item(admin_client, category, department, relations=rows)

    assert response.status_code == 302
    assert not DisclosureItemPage.objects.get(slug="notice-2024").relations.exists()
