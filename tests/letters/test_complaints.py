"""行政效能投诉: a complaint is answered with what checking it found and whether it was put
right, and counted as the district asks (received, fed back, substantiated, rectified)."""

import pytest

from gov_disclosure.letters.models import Letter
from gov_disclosure.letters.selectors import complaint_figures
from gov_disclosure.letters.services import (
    LetterActionRefused,
    letter_approve,
    letter_assign,
    letter_close,
    letter_reply_save,
)
from tests.letters.test_handling import login

pytestmark = pytest.mark.django_db


def reply(office, letter, *, submit=True, **outcome):
    letter_reply_save(
        letter=letter, user=office.officer, reply="经核查，已处理。", submit=submit, **outcome
    )


@pytest.fixture
def assigned(office, write):
    def make(**changes):
        letter = write(**changes)
        letter_assign(letter=letter, department=office.construction, user=office.manager)
        return letter

    return make


def test_a_complaint_needs_a_finding_and_if_it_held_the_rectification(office, assigned):
    letter = assigned()
    with pytest.raises(LetterActionRefused, match="投诉信件请填写核查结论"):
        reply(office, letter)
    with pytest.raises(LetterActionRefused, match="请填写整改情况"):
        reply(office, letter, complaint_finding="partly")
    reply(office, letter, complaint_finding="unsubstantiated")  # nothing to put right
    letter.refresh_from_db()
    assert (letter.state, letter.complaint_finding, letter.rectification) == (
        "awaiting_approval", "unsubstantiated", "",
    )  # fmt: skip


def test_other_letters_carry_no_finding(office, assigned):
    letter = assigned(kind="consultation")
    reply(office, letter, complaint_finding="substantiated", rectification="done")
    letter.refresh_from_db()
    assert (letter.complaint_finding, letter.rectification) == ("", "")


def test_the_reply_form_asks_for_the_finding_of_complaints_only(client, office, assigned):
    complaint, consultation = assigned(), assigned(kind="consultation")
    login(client, office.officer)
    url = "/admin/letters/action/{}/reply/"
    assert "核查结论" in client.get(url.format(complaint.pk)).content.decode()
    assert "核查结论" not in client.get(url.format(consultation.pk)).content.decode()
    refused = client.post(url.format(complaint.pk), {"reply": "已处理。", "submit": "1"})
    assert refused.status_code == 400
    assert "投诉信件请填写核查结论。" in refused.content.decode()
    assert "已处理。" in refused.content.decode()


def test_the_complaint_figures_of_a_constructed_year(client, office, assigned, write):
    outcomes = [
        {"complaint_finding": "substantiated", "rectification": "done"},
        {"complaint_finding": "partly", "rectification": "in_progress"},
        {"complaint_finding": "unsubstantiated"},
    ]
    for outcome in outcomes:
        letter = assigned()
        reply(office, letter, **outcome)
        letter_approve(letter=letter, user=office.leader)
    letter_close(letter=write(), user=office.manager, reason="重复来信")
    assigned()  # still open
    assigned(kind="consultation")  # not a complaint
    figures = complaint_figures(letters=Letter.objects.all())
    assert (figures.received, figures.fed_back, figures.fed_back_on_time) == (5, 3, 3)
    assert (figures.substantiated, figures.rectified) == (2, 1)
    assert (figures.closed, figures.open) == (1, 1)

    login(client, office.supervisor)
    page = client.get("/admin/letters/statistics/").content.decode()
    assert "<td>5</td><td>3</td><td>3</td><td>2</td><td>1</td><td>1</td><td>1</td>" in page
