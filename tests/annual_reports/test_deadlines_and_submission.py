"""报送 to the district by 31 January, publication by 31 March: the record and the reminders."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from wagtail.models import PageLogEntry

from gov_disclosure.annual_reports import services, tables
from gov_disclosure.annual_reports.models import ReportSubmission
from gov_disclosure.annual_reports.reminders import reports_send_reminders
from gov_disclosure.annual_reports.tasks import send_report_reminders
from gov_disclosure.schedule import BEAT_SCHEDULE
from tests.celery_app import app
from tests.disclosure_requests.conftest import at
from tests.factories import PASSWORD

from .conftest import generate

pytestmark = pytest.mark.django_db
d = datetime.date


@pytest.fixture
def report(some_requests):
    return generate(some_requests).report


def test_submitting_records_the_revision_sent_and_logs_who(office, report):
    submission = services.report_submit(
        report=report, user=office.users["office"], submitted_on=d(2026, 1, 20), note="政务网报送"
    )

    assert submission.revision_id == report.get_latest_revision().pk
    assert submission.submitted_by == office.users["office"]
    entry = PageLogEntry.objects.get(page=report, action="annual_report.submit")
    assert entry.user == office.users["office"]
    assert entry.data["submitted_on"] == "2026-01-20"


def test_an_unbalanced_report_cannot_be_submitted(office, report):
    draft = report.get_latest_revision_as_object()
    figures = draft.table(tables.REQUESTS)
    figures["carried_in"]["person"] = 2
    draft.requests_table = tables.to_json(tables.REQUESTS, figures)
    draft.save_revision(user=office.users["office"])

    with pytest.raises(ValidationError) as refused:
        services.report_submit(
            report=report, user=office.users["office"], submitted_on=d(2026, 1, 20)
        )

    assert "表三「自然人」列不平衡" in " ".join(refused.value.messages)
    assert not ReportSubmission.objects.exists()


def test_the_office_registers_the_submission_in_the_admin(client, office, report):
    client.login(username="office", password=PASSWORD)
    url = f"/admin/annual-reports/{report.pk}/submit/"

    assert client.get(url).status_code == 200
    future = client.post(url, {"submitted_on": "2099-01-01"})
    done = client.post(url, {"submitted_on": "2026-01-20", "note": "纸质报送"})

    assert "报送日期不能晚于今天。" in future.content.decode()
    assert done.status_code == 302
    assert "2026-01-20" in client.get("/admin/annual-reports/").content.decode()
    client.login(username="officer", password=PASSWORD)
    assert client.get(url).status_code in (302, 403)


@pytest.fixture
def reminded(office, mailoutbox):
    """Run the daily reminders on a day; returns the mails sent that day."""

    def run(day: datetime.date):
        before = len(mailoutbox)
        with time_machine.travel(at(day, 9), tick=False):
            send_report_reminders.delay()
        return mailoutbox[before:]

    return run


def test_the_office_is_reminded_before_31_january_of_a_report_not_yet_submitted(office, reminded):
    [mail] = reminded(d(2026, 1, 17))  # 14 days before

    assert mail.to == ["office@example.gov.cn"]
    assert mail.subject == "【年度报告】2025年度报告须于2026年1月31日前报送区政府"
    assert "距期限还有14天" in mail.body
    assert f"{office.agency.agency_name}：尚未生成报告" in mail.body
    assert reminded(d(2026, 1, 17)) == []  # once a day, however often the task runs
    assert reminded(d(2026, 1, 18)) == []  # not a reminder day


def test_a_submitted_report_is_no_longer_reminded_but_its_publication_is(office, report, reminded):
    services.report_submit(report=report, user=office.users["office"], submitted_on=d(2026, 1, 5))

    assert reminded(d(2026, 1, 30)) == []
    [mail] = reminded(d(2026, 3, 24))  # 7 days before 31 March
    assert mail.subject == "【年度报告】2025年度报告须于2026年3月31日前公开发布"
    assert f"{office.agency.agency_name}：报告草稿未提交" in mail.body


def test_an_overdue_report_is_reminded_every_week(office, reminded):
    [mail] = reminded(d(2026, 2, 7))

    assert mail.subject.endswith("（已逾期7天）")
    assert reminded(d(2026, 2, 8)) == []
    assert len(reminded(d(2026, 2, 14))) == 1


def test_the_reminder_task_runs_daily_from_beat(settings):
    schedule = BEAT_SCHEDULE["annual-report-reminders"]
    assert schedule["task"] == "gov_disclosure.annual_reports.tasks.send_report_reminders"
    assert schedule["task"] in app.tasks
    assert reports_send_reminders(today=d(2026, 6, 1)) == 0


def test_generation_and_submission_stand_in_the_accountability_log(client, office, report):
    services.report_submit(report=report, user=office.users["office"], submitted_on=d(2026, 1, 5))
    client.login(username="supervisor", password=PASSWORD)

    log = client.get("/admin/review/log/").content.decode()

    assert "按数据生成或更新年度报告" in log
    assert "年度报告报送区政府" in log


def test_the_annual_report_pages_speak_english_to_a_user_who_chose_it(client, office, report):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(office.users["office"])
    profile.preferred_language = "en"
    profile.save()
    client.login(username="office", password=PASSWORD)

    index = client.get("/admin/annual-reports/").content.decode()
    editor = client.get(f"/admin/pages/{report.pk}/edit/").content.decode()

    assert "Generate an annual report" in index and "Not submitted" in index
    assert "Download draft XLSX" in editor
    # The report itself is a Chinese legal document whatever the admin language.
    assert "一、本年新收政府信息公开申请数量" in editor


def test_the_dashboard_shows_last_years_reports_until_they_are_published(client, office, report):
    services.report_submit(report=report, user=office.users["office"], submitted_on=d(2026, 1, 5))
    client.login(username="office", password=PASSWORD)

    with time_machine.travel(at(d(2026, 4, 3)), tick=False):
        dashboard = client.get("/admin/").content.decode()
    officer = client.login(username="officer", password=PASSWORD) and client.get("/admin/")

    assert "2025 年度报告" in dashboard
    assert "发布已逾期 3 天。" in dashboard
    assert "报告草稿未提交" in dashboard and "2026-01-05" in dashboard
    assert "2025 年度报告" not in officer.content.decode()
