"""Writers' personal data purged after the retention period; the letter and answer stay."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from gov_disclosure.letters.models import Letter, LetterWriter
from gov_disclosure.letters.retention import letters_purge_expired
from gov_disclosure.letters.services import letter_close
from gov_disclosure.schedule import BEAT_SCHEDULE
from tests.letters.conftest import answered

pytestmark = pytest.mark.django_db


def test_writers_data_goes_after_the_period_and_the_answer_stays(
    client, office, site_root, write, disclosure_settings
):
    disclosure_settings.LETTER_RETENTION_DAYS = 365
    answered_letter = answered(office, write())
    closed = write()
    letter_close(letter=closed, user=office.manager, reason="重复来信")
    still_open = write()
    day_after = timezone.localdate() + datetime.timedelta(days=366)

    assert letters_purge_expired(today=timezone.localdate() + datetime.timedelta(days=365)) == 0
    assert letters_purge_expired(today=day_after) == 2

    assert LetterWriter.objects.filter(letter=still_open).exists()
    for letter in (answered_letter, closed):
        letter.refresh_from_db()
        assert letter.writer_purged_at and letter.phone_last4 == ""
        assert not LetterWriter.objects.filter(letter=letter).exists()
        assert ModelLogEntry.objects.for_instance(letter).filter(action="letters.purge").exists()
    public = client.get(
        reverse("disclosure_letters:answer", args=[office.agency.pk, answered_letter.pk])
    )
    assert public.status_code == 200 and "已责令施工单位夜间停工" in public.content.decode()
    lookup = client.post(
        reverse("disclosure_letters:status"),
        {"code": answered_letter.tracking_code, "phone_last4": "5678"},
    )
    assert lookup.status_code == 404
    assert Letter.objects.count() == 3
    assert letters_purge_expired(today=day_after) == 0


def test_without_a_period_nothing_is_purged(office, write):
    answered(office, write())

    assert letters_purge_expired(today=timezone.localdate() + datetime.timedelta(days=3650)) == 0
    assert LetterWriter.objects.count() == 1


def test_the_purge_runs_nightly(settings):
    entry = BEAT_SCHEDULE["letter-retention"]

    assert entry["task"] == "gov_disclosure.letters.tasks.purge_expired_writer_data"
