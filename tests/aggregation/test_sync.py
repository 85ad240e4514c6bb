import hashlib
import signal
import time

import pytest
from django.core.files.base import ContentFile

from gov_disclosure.pages.models import ItemAttachment
from tests.aggregation.conftest import SERVING_SITE
from tests.factories import CategoryFactory, DocumentFactory

pytestmark = SERVING_SITE


def test_a_full_sync_mirrors_every_published_item_with_its_agency(
    district_source, agency, make_item, publish
):
    district = district_source
    for n in range(5):
        publish(make_item(title=f"信息{n}", document_number=f"庄街〔2024〕{n + 1}号"))
    make_item(title="草稿").save_revision()

    result = district.sync()

    assert result.returncode == 0, result.stdout
    assert district.titles() == {f"信息{n}" for n in range(5)}
    [mirror] = district.sql(
        "SELECT agency_org_code, agency_name, document_number, category_titles"
        " FROM disclosure_aggregation_mirroreditem WHERE title = %s",
        "信息2",
    )
    assert mirror == (agency.org_code, agency.agency_name, "庄街〔2024〕3号", ["法规公文"])
    assert district.source()["last_success_at"] is not None
    assert "第 2 页" in result.stdout


def test_mirrored_items_are_indexed_for_the_districts_search(district_source, make_item, publish):
    district = district_source
    publish(make_item(title="关于政府信息公开的通知"))

    district.sync()

    assert district.sql("SELECT title, publisher FROM disclosure_search_searchentry") == [
        ("关于政府信息公开的通知", "庄市街道 党政办公室")
    ]


def test_running_twice_changes_nothing(district_source, make_item, publish):
    district = district_source
    for n in range(4):
        publish(make_item(title=f"信息{n}"))
    district.sync()
    state = "SELECT id, record_hash, synced_at FROM disclosure_aggregation_mirroreditem ORDER BY id"
    before, cursor = district.sql(state), district.source()["cursor"]

    again = district.sync()

    assert again.returncode == 0, again.stdout
    assert "新增或更新 0，撤下 0" in again.stdout
    assert district.sql(state) == before
    assert district.source()["cursor"] == cursor


def test_edits_unpublications_deletions_and_moves_reach_the_district(
    district_source, agency, make_item, publish
):
    from gov_disclosure.review.services import item_unpublish
    from tests.workflow import superuser

    district = district_source
    edited, unpublished, deleted, moved, _kept = (
        publish(make_item(title=title))
        for title in ("修订前", "将撤下", "将删除", "将移动", "不变")
    )
    district.sync()

    edited.title = "修订后"
    publish(edited)
    item_unpublish(item=unpublished, user=superuser(), reason="信息已经过时")
    deleted.delete()
    moved.move(publish(CategoryFactory(parent=agency, title="工作动态", code="05")), "last-child")
    result = district.sync()

    assert result.returncode == 0, result.stdout
    assert district.titles() == {"修订后", "将移动", "不变"}
    assert district.sql(
        "SELECT category_code FROM disclosure_aggregation_mirroreditem WHERE title = %s", "将移动"
    ) == [("05",)]


def test_a_source_that_is_down_is_reported_and_caught_up_later(
    serving_site, district_source, make_item, publish
):
    district = district_source
    publish(make_item(title="停机前"))
    district.sync()
    serving_site.is_open = False
    publish(make_item(title="停机期间发布"))

    failed = district.sync()

    assert failed.returncode != 0
    state = district.source()
    assert "无法连接来源站点" in state["last_error"]
    assert (state["failures"], state["next_attempt_at"] is not None) == (1, True)
    assert district.titles() == {"停机前"}

    serving_site.is_open = True
    recovered = district.sync()

    assert recovered.returncode == 0, recovered.stdout
    assert district.titles() == {"停机前", "停机期间发布"}
    state = district.source()
    assert (state["last_error"], state["failures"], state["next_attempt_at"]) == ("", 0, None)


def test_a_sync_killed_midway_resumes_and_ends_in_the_same_state(
    serving_site, district_source, make_item, publish
):
    district = district_source
    for n in range(12):
        publish(make_item(title=f"信息{n:02d}"))
    serving_site.delay = 0.2  # a slow source: the kill lands between pages

    running = district.sync(page_size=1, wait=False)
    deadline = time.monotonic() + 60
    while not district.source()["cursor"] and time.monotonic() < deadline:
        time.sleep(0.05)
    running.send_signal(signal.SIGKILL)
    running.wait(timeout=30)
    partial = len(district.titles())
    serving_site.delay = 0

    resumed = district.sync(page_size=1)

    assert 0 < partial < 12
    assert resumed.returncode == 0, resumed.stdout
    assert district.titles() == {f"信息{n:02d}" for n in range(12)}
    assert district.sql("SELECT count(*) FROM disclosure_aggregation_mirroreditem") == [(12,)]


@pytest.fixture
def item_with_attachment(make_item, publish):
    content = "%PDF-1.4 附件内容".encode()
    document = DocumentFactory(title="附件", file=ContentFile(content, name="fujian.pdf"))
    item = make_item(title="带附件的信息")
    item.attachments = [ItemAttachment(document=document, title="实施方案")]
    return publish(item), document, content


ATTACHMENTS = "SELECT url, sha256, file FROM disclosure_aggregation_mirroredattachment"


def test_attachments_are_linked_at_their_source_by_default(district_source, item_with_attachment):
    _item, document, content = item_with_attachment

    district_source.sync()

    [(url, sha256, file)] = district_source.sql(ATTACHMENTS)
    assert url.endswith(document.url)
    assert sha256 == hashlib.sha256(content).hexdigest()
    assert file == ""


def test_fetched_attachments_are_stored_after_their_checksum_is_verified(
    district_source, item_with_attachment
):
    _item, _document, content = item_with_attachment

    result = district_source.sync(attachments="fetch")

    assert result.returncode == 0, result.stdout
    [(_url, _sha256, file)] = district_source.sql(ATTACHMENTS)
    assert (district_source.media / file).read_bytes() == content


def test_an_attachment_that_fails_its_checksum_is_quarantined_not_stored(
    district_source, item_with_attachment, make_item, publish
):
    _item, document, _content = item_with_attachment
    publish(make_item(title="正常的信息"))
    # The file changed on disk behind the site's back: the record's checksum is now wrong.
    with open(document.file.path, "wb") as stream:
        stream.write(b"tampered")

    result = district_source.sync(attachments="fetch")

    assert result.returncode == 0, result.stdout
    assert district_source.titles() == {"正常的信息"}
    [(error, payload)] = district_source.sql(
        "SELECT error, payload FROM disclosure_aggregation_quarantinedrecord"
    )
    assert "SHA-256 与记录不符" in error
    assert "带附件的信息" in payload
    assert "隔离 1" in result.stdout


def test_the_district_keeps_a_documents_link_to_its_interpretation(
    district_source, make_item, publish
):
    from gov_disclosure.pages.models import ItemRelation

    district = district_source
    document = publish(make_item(title="养老服务实施意见", genre="行政规范性文件"))
    interpretation = make_item(title="养老服务实施意见问答")
    interpretation.relations = [
        ItemRelation(target=document, kind="interpretation", interpretation_form="qa")
    ]
    interpretation = publish(interpretation)

    district.sync()

    [(links,)] = district.sql(
        "SELECT relations FROM disclosure_aggregation_mirroreditem WHERE title = %s",
        "养老服务实施意见",
    )
    assert [(link["kind"], link["direction"], link["index_number"]) for link in links] == [
        ("interpretation", "from", interpretation.index_number)
    ]
