"""Sources that send bad data: one bad record is held back, a bad answer stops the run."""

import copy

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from gov_disclosure.aggregation.models import MirroredItem, QuarantinedRecord, Source
from gov_disclosure.aggregation.services import source_sync, sources_due
from gov_disclosure.pages import roles
from tests.aggregation.fake_source import record_of, upsert

pytestmark = pytest.mark.django_db


@pytest.fixture
def source(fake_source):
    return Source.objects.create(name="测试街道", base_url=fake_source.url)


@pytest.fixture
def record(site_root, make_item, publish):
    """A real record, as a subdistrict's feed would send it."""
    item = publish(make_item(title="真实的信息", body=[("paragraph", "<p>正文</p>")]))
    return record_of(item)


def test_a_malformed_record_is_quarantined_and_the_rest_synced(fake_source, source, record):
    broken = copy.deepcopy(record)
    broken.update(id=record["id"] + 1, written_date="2024-13-45", title="")
    fake_source.answer([upsert(broken), upsert(record)])

    result = source_sync(source=source)

    assert (result.error, result.upserted, result.quarantined) == ("", 1, 1)
    assert list(MirroredItem.objects.values_list("title", flat=True)) == ["真实的信息"]
    [held] = QuarantinedRecord.objects.all()
    assert held.remote_id == broken["id"]
    assert "item.written_date" in held.error and "item.title" in held.error
    source.refresh_from_db()
    assert source.cursor == "c1"


def test_a_record_sent_again_correctly_leaves_quarantine(fake_source, source, record):
    broken = {**record, "title": ""}
    fake_source.answer([upsert(broken)])
    source_sync(source=source)
    assert QuarantinedRecord.objects.count() == 1

    fake_source.answer([upsert(record)])
    source_sync(source=source)

    assert not QuarantinedRecord.objects.exists()
    assert MirroredItem.objects.count() == 1


def test_markup_from_a_source_is_sanitised(fake_source, source, record):
    record["body_html"] = '<p onclick="steal()">正文<script>alert(1)</script></p>'
    fake_source.answer([upsert(record)])

    source_sync(source=source)

    assert MirroredItem.objects.get().body_html == "<p>正文</p>"


@pytest.mark.parametrize(
    ("status", "body", "message"),
    [
        (200, b"<html>maintenance</html>", "不是 JSON"),
        (200, b'{"schema_version": "2.0", "results": []}', "不兼容"),
        (200, b'{"schema_version": "1.0", "results": "none"}', "数据格式不符"),
        (401, b'{"detail": "API key invalid"}', "拒绝了访问"),
        (503, b"", "暂时无法服务"),
    ],
)
def test_a_bad_answer_is_reported_on_the_source_and_nothing_changes(
    fake_source, source, status, body, message
):
    fake_source.status, fake_source.body = status, body

    result = source_sync(source=source)

    assert message in result.error
    source.refresh_from_db()
    assert message in source.last_error
    assert (source.cursor, source.failures) == ("", 1)
    assert not MirroredItem.objects.exists()


def test_a_source_whose_cursor_never_advances_is_stopped(fake_source, source, record):
    fake_source.answer([upsert(record)], has_more=True)  # always the same page and cursor

    result = source_sync(source=source)

    assert "游标没有前进" in result.error
    assert MirroredItem.objects.count() == 1


def test_a_fetched_attachment_must_come_from_the_source_itself(
    fake_source, source, record, disclosure_settings
):
    disclosure_settings.AGGREGATION_ATTACHMENTS = "fetch"
    record["attachments"] = [
        {"title": "外部文件", "file_name": "x.pdf", "url": "http://elsewhere.example/x.pdf",
         "size": 3, "sha256": "0" * 64, "content_type": "application/pdf"}
    ]  # fmt: skip
    fake_source.answer([upsert(record)])

    source_sync(source=source)

    assert "不在来源站点上" in QuarantinedRecord.objects.get().error
    assert not MirroredItem.objects.exists()


def test_failing_sources_back_off_and_disabled_ones_wait(fake_source, source):
    idle = Source.objects.create(name="停用的街道", base_url=fake_source.url, enabled=False)
    fake_source.status, fake_source.body = 503, b""

    source_sync(source=source)

    assert list(sources_due()) == []
    later = timezone.now() + timezone.timedelta(minutes=5)
    assert list(sources_due(now=later)) == [source]
    assert idle not in sources_due(now=later)


@pytest.fixture
def office_client(client, agency):
    user = get_user_model().objects.create_user("district-dzb", password="x")
    user.groups.add(roles.district_group_ensure())
    client.force_login(user)
    return client


def test_the_admin_shows_a_failing_source_and_never_its_key(office_client, fake_source, source):
    source.api_key = "secret-key-of-the-district"
    source.save()
    fake_source.status, fake_source.body = 503, b""
    source_sync(source=source)

    listing = office_client.get("/admin/sources/").content.decode()
    edit = office_client.get(f"/admin/sources/edit/{source.pk}/").content.decode()

    assert "出错（连续 1 次）" in listing
    assert "secret-key-of-the-district" not in edit


def test_editing_a_source_without_a_new_key_keeps_the_old_one(office_client, source):
    source.api_key = "kept-key"
    source.save()

    office_client.post(
        f"/admin/sources/edit/{source.pk}/",
        {"name": source.name, "base_url": source.base_url, "api_key": "", "enabled": "on"},
    )

    source.refresh_from_db()
    assert source.api_key == "kept-key"
