"""Applicants' personal data purged after the retention period; the counts stay."""

import datetime
import io

import pytest
from django.core.files.storage import storages
from django.core.management import call_command

from gov_disclosure.core.file_checks import PNG
from gov_disclosure.requests.models import AnswerType, Appeal, ApplicantFile, DisclosureRequest
from gov_disclosure.requests.retention import requests_purge_expired
from gov_disclosure.requests.selectors import request_status_lookup
from gov_disclosure.requests.services import applicant_file_store, request_withdraw
from tests.disclosure_requests.conftest import png_bytes, upload

pytestmark = pytest.mark.django_db
D = datetime.date


def test_personal_data_is_purged_after_the_retention_period(
    submit, staff, on_day, disclosure_settings, django_capture_on_commit_callbacks
):
    disclosure_settings.REQUEST_RETENTION_DAYS = 365
    old = submit(D(2024, 3, 1))
    appealed = submit(D(2024, 3, 2))
    recent = submit(D(2025, 3, 1))
    stored = applicant_file_store(upload=upload("身份证.png", png_bytes(), "image/png"), kind=PNG)
    stored.request = old
    stored.save()
    storage = storages["private"]
    assert storage.exists(stored.file.name)
    on_day(D(2024, 3, 5))
    for request in (old, appealed):
        request_withdraw(request=request, user=staff.office, withdrawn_on=D(2024, 3, 5))
    Appeal.objects.create(
        agency=appealed.agency,
        request=appealed,
        kind="review",
        filed_on=D(2024, 4, 1),
        authority="测试区人民政府",
    )
    on_day(D(2025, 3, 10))
    request_withdraw(request=recent, user=staff.office, withdrawn_on=D(2025, 3, 10))

    with django_capture_on_commit_callbacks(execute=True):
        assert requests_purge_expired(today=D(2025, 3, 10)) == 1

    old.refresh_from_db()
    assert old.personal_data_purged_at is not None
    assert not hasattr(old, "applicant") or old.applicant is None
    assert not ApplicantFile.objects.filter(request=old).exists()
    assert not storage.exists(stored.file.name)
    assert request_status_lookup(code=old.tracking_code, phone_last4="5678") is None
    assert old.answer_type == AnswerType.OTHER  # the counts stay
    assert DisclosureRequest.objects.get(pk=appealed.pk).applicant.name == "张三"
    assert DisclosureRequest.objects.get(pk=recent.pk).applicant.name == "张三"


def test_purge_command_reports_what_it_purged(submit, staff, on_day, disclosure_settings):
    disclosure_settings.REQUEST_RETENTION_DAYS = 30
    request = submit(D(2025, 1, 6))
    on_day(D(2025, 1, 7))
    request_withdraw(request=request, user=staff.office, withdrawn_on=D(2025, 1, 7))
    on_day(D(2025, 3, 1))
    out = io.StringIO()

    call_command("purge_request_personal_data", stdout=out)

    assert "已清除 1 件" in out.getvalue()
    assert DisclosureRequest.objects.get(pk=request.pk).personal_data_purged_at is not None
