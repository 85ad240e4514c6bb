"""Daily reminders of requests due soon or overdue, by mail, from the beat schedule."""

import datetime

import pytest
from django.utils import timezone

from gov_disclosure.requests.models import DisclosureRequest
from gov_disclosure.requests.reminders import requests_send_reminders
from gov_disclosure.requests.services import request_assign
from gov_disclosure.requests.tasks import send_request_reminders
from gov_disclosure.schedule import BEAT_SCHEDULE
from tests.waiting import wait_for

pytestmark = pytest.mark.django_db
D = datetime.date


def test_reminders_go_to_the_handler_and_the_office_once_a_day(submit, staff, mailoutbox, on_day):
    due_soon = submit(D(2025, 9, 1))  # due 9-28
    overdue = submit(D(2025, 8, 1))  # due 8-29
    on_day(D(2025, 9, 2))
    request_assign(request=due_soon, handler=staff.handler, user=staff.office)
    request_assign(request=overdue, handler=staff.other_officer, user=staff.office)
    mailoutbox.clear()

    on_day(D(2025, 9, 22))
    assert requests_send_reminders() == 3

    mails = {mail.to[0]: mail for mail in mailoutbox}
    assert set(mails) == {"dzb@example.gov.cn", "handler@example.gov.cn", "other@example.gov.cn"}
    assert due_soon.reference in mails["handler@example.gov.cn"].body
    assert overdue.reference not in mails["handler@example.gov.cn"].body
    assert "已超过答复期限" in mails["other@example.gov.cn"].body
    office_mail = mails["dzb@example.gov.cn"].body
    assert due_soon.reference in office_mail and overdue.reference in office_mail
    assert "张三" not in office_mail

    assert requests_send_reminders() == 0  # not again the same day


def test_the_daily_beat_task_sends_the_reminders(submit, staff, mailoutbox, on_day, settings):
    schedule = BEAT_SCHEDULE["request-reminders"]
    assert schedule["task"] == send_request_reminders.name
    submit(D(2025, 8, 1))
    on_day(D(2025, 9, 22))

    assert send_request_reminders.delay().get() == 1
    assert "已超过答复期限" in mailoutbox[-1].body


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_real_worker_runs_the_reminders(celery_worker, submit, staff):
    # The worker lives in real time: a request received two months ago is overdue now.
    overdue = submit(timezone.now() - datetime.timedelta(days=60))
    request_assign(request=overdue, handler=staff.handler, user=staff.office)

    send_request_reminders.delay()

    wait_for(
        lambda: (
            DisclosureRequest.objects.get(pk=overdue.pk).last_reminded_on == timezone.localdate()
        ),
        "the worker did not send the reminders",
    )
