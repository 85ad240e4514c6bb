import datetime
import hashlib

import pytest
from django.core.files.base import ContentFile
from wagtail.models import PageViewRestriction

from gov_disclosure.pages.models import ItemAttachment
from tests.disclosure_api.conftest import CHANGES, feed_titles
from tests.factories import CategoryFactory, DocumentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_item(site_root, make_item, publish, category):
    subcategory = publish(CategoryFactory(parent=category, title="规范性文件", code="01"))
    document = DocumentFactory(
        title="实施细则", file=ContentFile(b"%PDF-1.4 attachment", name="rules.pdf")
    )
    item = make_item(
        parent=subcategory,
        title="关于印发实施细则的通知",
        document_number="庄街〔2024〕3号",
        validity="已废止",
        abolished_date=datetime.date(2024, 6, 1),
        keywords="实施细则、通知",
        body=[("paragraph", '<p>正文见<a href="/other/">附件</a>。</p>')],
    )
    item.attachments = [ItemAttachment(document=document, title="细则全文")]
    return publish(item)


def test_a_published_item_is_served_with_its_catalogue_metadata(feed, agency, published_item):
    [record] = feed()["results"]

    assert record["id"] == published_item.pk
    assert record["index_number"] == published_item.index_number
    assert record["title"] == "关于印发实施细则的通知"
    assert record["category"]["code"] == "0201"
    assert [level["title"] for level in record["category"]["path"]] == ["法规公文", "规范性文件"]
    assert record["publisher"]["name"] == "党政办公室"
    assert record["document_number"] == "庄街〔2024〕3号"
    assert record["written_date"] == "2024-03-01"
    assert record["publish_date"] == published_item.publish_date.isoformat()
    assert record["validity"] == {
        "status": "已废止",
        "effective_date": None,
        "abolished_date": "2024-06-01",
        "expiry_date": None,
    }
    assert record["keywords"] == ["实施细则", "通知"]
    assert record["agency"]["org_code"] == agency.org_code
    assert record["url"] == "http://localhost" + published_item.url
    assert record["updated_at"]


def test_body_links_and_attachments_are_absolute_with_checksums(feed, published_item):
    [record] = feed()["results"]

    assert 'href="http://localhost/other/"' in record["body_html"]
    [attachment] = record["attachments"]
    assert attachment["title"] == "细则全文"
    assert attachment["url"].startswith("http://localhost/documents/")
    assert attachment["size"] == len(b"%PDF-1.4 attachment")
    assert attachment["sha256"] == hashlib.sha256(b"%PDF-1.4 attachment").hexdigest()
    assert attachment["content_type"] == "application/pdf"


def test_drafts_and_items_in_review_never_appear(feed, site_root, make_item, publish):
    item = publish(make_item(title="已发布的标题"))
    item.title = "尚未审核的新标题"
    item.save_revision()
    make_item(title="从未发布的草稿").save_revision()

    results = feed(CHANGES)["results"]

    assert feed_titles(results) == ["已发布的标题"]


def test_unpublishing_leaves_a_tombstone_in_changes(feed, site_root, make_item, publish):
    from gov_disclosure.review.services import item_unpublish
    from tests.workflow import superuser

    item = publish(make_item(title="将被撤下的信息"))
    item_unpublish(item=item, user=superuser(), reason="内容已过时")

    assert feed()["results"] == []
    [change] = feed(CHANGES)["results"]
    assert change == {
        "id": item.pk,
        "action": "delete",
        "changed_at": change["changed_at"],
        "reason": "unpublished",
        "item": None,
    }


def test_deleting_an_item_leaves_a_tombstone(feed, site_root, make_item, publish):
    item = publish(make_item(title="将被删除的信息"))
    item_id = item.pk
    item.delete()

    [change] = feed(CHANGES)["results"]
    assert (change["id"], change["action"], change["reason"]) == (item_id, "delete", "deleted")


def test_a_view_restriction_takes_items_out_and_lifting_it_brings_them_back(
    feed, site_root, category, make_item, publish
):
    publish(make_item(title="受限后不可见"))

    restriction = PageViewRestriction.objects.create(
        page=category, restriction_type=PageViewRestriction.PASSWORD, password="x1y2"
    )
    assert feed()["results"] == []
    assert feed(CHANGES)["results"][0]["reason"] == "restricted"

    restriction.delete()
    assert feed_titles(feed()["results"]) == ["受限后不可见"]


def test_moving_an_item_tells_followers_of_the_old_category_it_left(
    feed, site_root, agency, category, make_item, publish
):
    other = publish(CategoryFactory(parent=agency, title="工作动态", code="05"))
    item = publish(make_item(title="移动的信息"))

    item.move(other, pos="last-child")

    old_category = feed(CHANGES, category=category.pk)["results"]
    assert [(c["action"], c["reason"]) for c in old_category] == [("delete", "moved")]
    new_category = feed(CHANGES, category=other.pk)["results"]
    assert [(c["action"], c["item"]["category"]["code"]) for c in new_category] == [
        ("upsert", "05")
    ]
    # Unfiltered, the removal comes first, so a client ends with the item present.
    everything = feed(CHANGES)["results"]
    assert [c["action"] for c in everything] == ["delete", "upsert"]


def test_renaming_a_department_updates_its_items(feed, site_root, department, make_item, publish):
    publish(make_item(title="部门改名"))
    before = feed()["results"][0]["updated_at"]

    department.name = "党政综合办公室"
    department.save()

    [record] = feed()["results"]
    assert record["publisher"]["name"] == "党政综合办公室"
    assert record["updated_at"] > before


def test_validity_lapsing_on_its_date_reaches_the_feed(feed, site_root, make_item, publish):
    from django.utils import timezone

    from gov_disclosure.review.services import items_mark_lapsed

    expiry = timezone.localdate() + datetime.timedelta(days=10)
    publish(make_item(title="临时管控措施", expiry_date=expiry))
    assert feed()["results"][0]["validity"]["status"] == "有效"

    items_mark_lapsed(today=expiry)

    assert feed()["results"][0]["validity"]["status"] == "已失效"


def test_republishing_unchanged_content_keeps_the_items_place(feed, site_root, make_item, publish):
    first = publish(make_item(title="第一条"))
    publish(make_item(title="第二条"))

    publish(first)

    assert feed_titles(feed()["results"]) == ["第一条", "第二条"]


def test_paging_resumes_from_the_cursor_without_missing_or_repeating(
    feed, read_all, site_root, make_item, publish
):
    items = [publish(make_item(title=f"信息{n}")) for n in range(5)]
    first_page = feed(CHANGES, limit=2)
    assert feed_titles(first_page["results"]) == ["信息0", "信息1"]

    # Editors keep working while the client pages through.
    items[0].title = "信息0（修订）"
    publish(items[0])
    items[3].title = "信息3（修订）"
    publish(items[3])
    publish(make_item(title="新信息"))

    rest, _cursor = read_all(cursor=first_page["next_cursor"])

    assert feed_titles(rest) == ["信息2", "信息4", "信息0（修订）", "信息3（修订）", "新信息"]


def test_an_empty_page_keeps_the_cursor_so_the_client_polls_from_there(
    feed, read_all, site_root, make_item, publish
):
    publish(make_item(title="旧信息"))
    _results, cursor = read_all()

    idle = feed(CHANGES, cursor=cursor)
    assert (idle["results"], idle["next_cursor"], idle["has_more"]) == ([], cursor, False)

    publish(make_item(title="后来的信息"))
    assert feed_titles(feed(CHANGES, cursor=cursor)["results"]) == ["后来的信息"]


def test_filters_by_agency_category_and_time(
    feed, site_root, root_page, agency, category, publish, make_item
):
    from tests.factories import AgencyFactory, DepartmentFactory

    subcategory = publish(CategoryFactory(parent=category, title="子分类", code="01"))
    publish(make_item(title="在分类下"))
    publish(make_item(parent=subcategory, title="在子分类下"))
    other_agency = publish(AgencyFactory(parent=root_page))
    other_category = publish(CategoryFactory(parent=other_agency, code="02"))
    other_department = DepartmentFactory(agency=other_agency)
    publish(make_item(parent=other_category, publisher=other_department, title="别的街道"))

    assert feed_titles(feed(agency=agency.org_code)["results"]) == ["在分类下", "在子分类下"]
    assert feed_titles(feed(category=category.pk)["results"]) == ["在分类下", "在子分类下"]
    assert feed_titles(feed(category=subcategory.pk)["results"]) == ["在子分类下"]
    cutoff = feed()["results"][1]["updated_at"]
    assert feed_titles(feed(updated_after=cutoff)["results"]) == ["别的街道"]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"cursor": "not a cursor!"}, "cursor", "游标无效"),
        ({"limit": "0"}, "limit", "limit 不能小于 1"),
        ({"limit": "5000"}, "limit", "limit 不能大于 1000"),
        ({"limit": "5.0"}, "limit", "limit 须为整数"),
        ({"agency": "00000000-0"}, "agency", "应为9位组织机构代码或18位统一社会信用代码"),
        ({"category": "abc"}, "category", "category 须为目录分类 ID"),
        ({"category": str(10**30)}, "category", "category 须为目录分类 ID"),
        ({"updated_after": "昨天"}, "updated_after", "RFC 3339"),
        ({"updated_after": "2026-01-01T00:00:00"}, "updated_after", "带时区"),
    ],
)
def test_bad_parameters_get_a_400_naming_the_problem(client, params, field, message):
    response = client.get(CHANGES, params)

    assert response.status_code == 400
    body = response.json()
    assert body["schema_version"] == "1.1"
    assert message in body["errors"][field][0]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"cursor": "not-a-cursor"}, "cursor", "游标无效"),
        (
            {"cursor": "WyIyMDI2LTAxLTAxVDAwOjAwOjAwKzAwOjAwIiwxMDAwMDAwMDAwMDAwMDAwMDAwMDAwXQ"},
            "cursor",
            "游标无效",
        ),
        ({"agency": "000000000000000000"}, "agency", "没有代码为"),
        ({"category": "999999"}, "category", "没有 ID 为 999999 的目录分类"),
    ],
)
def test_what_is_well_formed_but_names_nothing_is_a_404(client, params, field, message):
    response = client.get(CHANGES, params)

    assert response.status_code == 404
    assert message in response.json()["errors"][field][0]


def test_an_empty_parameter_is_an_absent_one(client, site_root, make_item, publish):
    publish(make_item(title="空参数"))

    response = client.get(CHANGES, {"cursor": "", "agency": "", "category": "", "limit": ""})

    assert response.status_code == 200
    assert feed_titles(response.json()["results"]) == ["空参数"]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_change_that_commits_late_is_never_behind_a_clients_cursor(
    postgres, read_all, site_root, make_item, publish
):
    """A publication still committing holds later ones back, so a client reading in
    between cannot move its cursor past it."""
    import threading

    from django.db import connection, transaction

    from gov_disclosure.api.services import feed_items_refresh
    from gov_disclosure.pages.models import DisclosureItemPage

    slow, quick = publish(make_item(title="慢")), publish(make_item(title="快"))
    _results, cursor = read_all()
    slow_started, release_slow = threading.Event(), threading.Event()

    def change(item, title, hold=False):
        try:
            with transaction.atomic():
                DisclosureItemPage.objects.filter(pk=item.pk).update(title=title)
                feed_items_refresh(item_ids=[item.pk])
                if hold:
                    slow_started.set()
                    release_slow.wait(timeout=30)
        finally:
            connection.close()

    slow_writer = threading.Thread(target=change, args=(slow, "慢（修订）", True))
    slow_writer.start()
    slow_started.wait(timeout=30)
    quick_writer = threading.Thread(target=change, args=(quick, "快（修订）"))
    quick_writer.start()
    quick_writer.join(timeout=1)

    seen_meanwhile, cursor = read_all(cursor=cursor)
    release_slow.set()
    slow_writer.join(timeout=30)
    quick_writer.join(timeout=30)
    seen_after, _cursor = read_all(cursor=cursor)

    assert seen_meanwhile == []
    assert feed_titles(seen_after) == ["慢（修订）", "快（修订）"]


def test_no_editor_or_reviewer_appears_in_the_feed(client, site_root, make_item, publish):
    from django.contrib.auth import get_user_model

    editor = get_user_model().objects.create_superuser("zhang_san_editor", "z@example.gov.cn", "x")
    publish(make_item(title="有作者的信息"), editor)

    body = client.get(CHANGES).content.decode()

    assert "有作者的信息" in body
    assert "zhang_san_editor" not in body
    assert "z@example.gov.cn" not in body
