"""The audit log is sealed in a keyed hash chain: audit_verify proves it complete and
unchanged or names the first entry that is not; entries are kept at least six months;
an assessor gets it all in one workbook."""

import base64
import datetime

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry

from gov_disclosure.core import crypto
from gov_disclosure.security.audit_chain import (
    PurgeRefused,
    audit_log_maintenance,
    chain_verify,
    entries_purge,
)
from gov_disclosure.security.models import AuditSeal
from tests.disclosure_settings import DisclosureSettingsOverride
from tests.factories import UserFactory
from tests.workflow import superuser

pytestmark = pytest.mark.django_db


@pytest.fixture
def history(db):
    """Twelve entries about a user: six a year ago (the first of the chain), six now."""
    with time_machine.travel(timezone.now() - datetime.timedelta(days=365), tick=False):
        member = UserFactory(username="member")
        for n in range(6):
            log(instance=member, action="wagtail.edit", data={"comment": f"旧 {n}"})
    entries = [
        log(instance=member, action="wagtail.edit", data={"comment": f"新 {n}"}) for n in range(6)
    ]
    return entries


def verify() -> str:
    try:
        call_command("audit_verify")
    except CommandError as error:
        return str(error)
    return "intact"


def test_every_entry_is_sealed_and_the_chain_verifies(history, capsys):
    assert AuditSeal.objects.filter(log_model="model").count() == ModelLogEntry.objects.count()
    assert verify() == "intact"
    report = chain_verify()
    assert f"链尾哈希 {report.head}" in capsys.readouterr().out
    assert report.entries == ModelLogEntry.objects.count() + PageLogEntry.objects.count()


def test_a_changed_entry_is_named(history):
    changed = history[2]
    with audit_log_maintenance(user=superuser()):
        ModelLogEntry.objects.filter(pk=changed.pk).update(data={"comment": "改写"})

    assert f"对象日志 #{changed.pk}" in verify()
    assert "被改动" in verify()


def test_a_removed_entry_is_found_at_the_next(history):
    removed, following = history[3], history[4]
    with audit_log_maintenance(user=superuser()):
        AuditSeal.objects.filter(log_model="model", entry_id=removed.pk).delete()
        ModelLogEntry.objects.filter(pk=removed.pk).delete()

    assert f"对象日志 #{following.pk}" in verify()


def test_an_entry_removed_without_its_seal_is_named(history):
    with audit_log_maintenance(user=superuser()):
        ModelLogEntry.objects.filter(pk=history[1].pk).delete()

    assert f"对象日志 #{history[1].pk}" in verify() and "已被删除" in verify()


def test_an_entry_slipped_in_around_the_platform_is_named(history):
    with connection.cursor() as cursor:  # an INSERT, as a database user could
        cursor.execute(
            f"INSERT INTO {ModelLogEntry._meta.db_table} (label, action, data, timestamp, "
            "uuid, content_changed, deleted, object_id) VALUES "
            "(%s, %s, %s, %s, %s, %s, %s, %s)",
            ["伪造", "wagtail.edit", "{}", timezone.now(), None, False, False, "1"],
        )
        cursor.execute(f"SELECT max(id) FROM {ModelLogEntry._meta.db_table}")
        forged = cursor.fetchone()[0]

    assert f"对象日志 #{forged}" in verify() and "未封存" in verify()


def test_seals_made_with_an_earlier_key_verify_after_rotation(history, settings):
    first = base64.urlsafe_b64encode(crypto.audit_log_keys()[0].secret).decode()
    new = crypto.key_generate()
    DisclosureSettingsOverride(settings).AUDIT_LOG_KEYS = [new, first]
    log(instance=UserFactory(), action="wagtail.edit")
    assert (
        AuditSeal.objects.order_by("pk")
        .last()
        .key_id.endswith(crypto.Key(base64.urlsafe_b64decode(new)).id.hex())
    )
    assert chain_verify().intact

    DisclosureSettingsOverride(settings).AUDIT_LOG_KEYS = [new]
    # The first key is needed as long as entries sealed with it are kept.
    assert "没有指纹为" in verify()


def test_entries_younger_than_six_months_are_never_purged(history):
    with pytest.raises(PurgeRefused, match="至少保存 183 天"):
        entries_purge(before=timezone.now() - datetime.timedelta(days=100), user=superuser())
    with pytest.raises(CommandError, match="至少保存 183 天"):
        call_command(
            "audit_purge",
            "--before",
            (timezone.localdate() - datetime.timedelta(days=30)).isoformat(),
            "--user",
            superuser().username,
        )


def test_purging_older_entries_keeps_the_chain_verifiable(history, settings):
    DisclosureSettingsOverride(settings).AUDIT_RETENTION_DAYS = 30  # below the floor: 183 holds
    before = timezone.now() - datetime.timedelta(days=200)

    assert entries_purge(before=before, user=superuser()) == 6
    assert ModelLogEntry.objects.filter(timestamp__lt=before).count() == 0
    assert verify() == "intact"
    log(instance=UserFactory(), action="wagtail.edit")  # the chain goes on from the purge
    assert verify() == "intact"


def test_the_assessor_export_holds_every_entry_with_its_seal_and_the_verdict(history, tmp_path):
    call_command("audit_export", str(tmp_path / "audit.xlsx"))

    book = load_workbook(tmp_path / "audit.xlsx")
    check = {row[0]: row[1] for row in book["校验"].iter_rows(values_only=True)}
    assert check["校验结果"] == "完整" and check["链尾哈希"] == chain_verify().head
    rows = list(book["审计日志"].iter_rows(values_only=True))
    assert rows[0][:4] == ("序号", "时间", "操作人", "操作")
    comments = [row[9] for row in rows[1:]]
    assert '{"comment": "旧 0"}' in comments and '{"comment": "新 5"}' in comments
    seals = dict(AuditSeal.objects.values_list("pk", "mac"))
    assert all(seals[row[0]] == row[10] for row in rows[1:])


def test_seals_cannot_be_altered_on_postgresql(history, postgres):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditSeal.objects.update(mac="0" * 64)
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditSeal.objects.all().delete()


def test_the_nightly_check_mails_the_admins_when_the_chain_is_broken(history, settings, mailoutbox):
    from gov_disclosure.security.tasks import verify_audit_chain

    settings.ADMINS = [("运维", "ops@example.gov.cn")]
    assert verify_audit_chain()["intact"] and mailoutbox == []

    with audit_log_maintenance(user=superuser()):
        ModelLogEntry.objects.filter(pk=history[0].pk).update(label="改过")
    result = verify_audit_chain()

    assert not result["intact"]
    [mail] = mailoutbox
    assert mail.to == ["ops@example.gov.cn"] and f"对象日志 #{history[0].pk}" in mail.body
