"""政策解读 in review: a document going out without its interpretation warns the reviewers;
the report lists documents without one and interpretations published after them."""

import datetime

import pytest

from gov_disclosure.pages.models import ItemRelation
from tests.review.conftest import edit_post, is_denied
from tests.review.test_workflow_admin import current_state
from tests.workflow import publish_through_workflow

pytestmark = pytest.mark.django_db

REPORT = "/admin/review/interpretations/"


def step_page(client, item) -> str:
    return client.get(f"/admin/review/tasks/{current_state(item).pk}/").content.decode()


def interpretation_section(html: str) -> str:
    start = html.find('id="interpretation-heading"')
    return html[start : html.find("</section>", start)] if start >= 0 else ""


def submitted_document(office, client, **fields):
    fields.setdefault("genre", "行政规范性文件")
    document = office.item(title="关于加强社区养老服务的实施意见", **fields)
    document.save_revision(user=office.users["officer"])
    client.force_login(office.users["officer"])
    assert edit_post(client, document, "submit").status_code == 302
    return document


def interpretation_draft(office, document, *, linked_in_revision_only=False):
    """The officer's 问答 on ``document``, saved but never submitted."""
    interpretation = office.item(title="《关于加强社区养老服务的实施意见》问答")
    link = ItemRelation(target=document, kind="interpretation", interpretation_form="qa")
    if linked_in_revision_only:  # the link added later, in the editor: only in a revision
        interpretation.save_revision(user=office.users["officer"])
        interpretation.relations = [link]
    else:
        interpretation.relations = [link]
        interpretation.save()
    interpretation.save_revision(user=office.users["officer"])
    return interpretation


@pytest.mark.parametrize("linked_in_revision_only", [False, True])
def test_reviewer_is_warned_that_the_interpretation_is_still_a_draft(
    office, client, linked_in_revision_only
):
    document = submitted_document(office, client)
    interpretation_draft(office, document, linked_in_revision_only=linked_in_revision_only)
    client.force_login(office.users["leader"])

    section = interpretation_section(step_page(client, document))

    assert "本文件的政策解读尚未发布" in section
    assert "《关于加强社区养老服务的实施意见》问答（问答，草稿）" in section


def test_reviewer_is_warned_of_a_normative_document_without_any_interpretation(office, client):
    document = submitted_document(office, client)
    client.force_login(office.users["leader"])

    section = interpretation_section(step_page(client, document))

    assert "本文件体裁为“行政规范性文件”，按规定应同步发布政策解读" in section


def test_no_warning_for_a_notice_or_an_interpreted_document(office, client):
    notice = submitted_document(office, client, genre="通知")
    client.force_login(office.users["leader"])
    assert interpretation_section(step_page(client, notice)) == ""

    document = publish_through_workflow(
        office.item(title="已发布的规范性文件", genre="行政规范性文件")
    )
    publish_through_workflow(interpretation_draft(office, document))
    document.title = "已发布的规范性文件（修订）"
    document.save_revision(user=office.users["officer"])
    client.force_login(office.users["officer"])
    assert edit_post(client, document, "submit").status_code == 302
    client.force_login(office.users["leader"])
    assert interpretation_section(step_page(client, document)) == ""


def published_on(office, day: datetime.date, **fields):
    item = office.item(written_date=day, publish_date=day, **fields)
    return publish_through_workflow(item)


def test_report_lists_documents_without_interpretation_and_late_interpretations(
    office, other_office, client
):
    year = 2024
    on_time = published_on(office, datetime.date(year, 3, 4), title="按时解读的文件",
                           genre="行政规范性文件")  # fmt: skip
    late = published_on(office, datetime.date(year, 3, 4), title="解读晚发的文件",
                        genre="规章")  # fmt: skip
    published_on(office, datetime.date(year, 3, 4), title="没有解读的文件", genre="行政规范性文件")
    published_on(office, datetime.date(year, 3, 4), title="普通通知", genre="通知")
    other_office.item(title="他机关的文件", genre="行政规范性文件")
    published_on(other_office, datetime.date(year, 3, 4), title="他机关没有解读的文件",
                 genre="行政规范性文件")  # fmt: skip
    for document, day in ((on_time, datetime.date(year, 3, 4)), (late, datetime.date(year, 3, 11))):
        interpretation = office.item(
            title=f"{document.title}的图解", written_date=day, publish_date=day
        )
        interpretation.relations = [
            ItemRelation(target=document, kind="interpretation", interpretation_form="graphic")
        ]
        publish_through_workflow(interpretation)
    client.force_login(office.users["office"])

    response = client.get(REPORT, {"date_from": f"{year}-01-01", "date_to": f"{year}-12-31"})

    html = response.content.decode()
    missing = html.split(">尚无政策解读的文件</h2>", 1)[1].split("</table>", 1)[0]
    late_table = html.split(">晚于文件发布的解读</h2>", 1)[1].split("</table>", 1)[0]
    assert "没有解读的文件" in missing and "普通通知" not in missing
    assert "按时解读的文件" not in missing and "解读晚发的文件" not in missing
    assert "他机关" not in html
    assert "解读晚发的文件的图解" in late_table and "按时解读的文件的图解" not in late_table
    assert "<td>5</td>" in late_table  # Monday 3-4 → Monday 3-11: five working days
    assert "发布此类文件 3 件，其中尚无解读 1 件；晚于文件发布的解读 1 份" in html


def test_supervisor_reads_the_report_and_an_officer_cannot(office, client):
    client.force_login(office.users["supervisor"])
    assert client.get(REPORT).status_code == 200
    client.force_login(office.users["officer"])
    assert is_denied(client.get(REPORT))


def test_bad_dates_get_a_chinese_error(office, client):
    client.force_login(office.users["office"])

    response = client.get(REPORT, {"date_from": "2026-12-31", "date_to": "2026-01-01"})

    assert response.status_code == 400
    assert "开始日期不能晚于结束日期。" in response.content.decode()
