"""An office receiving letters: 党政办, two departments with their 信息员, two leaders."""

import time
from dataclasses import dataclass

import pytest
from django.core import signing

from gov_disclosure.letters.services import (
    letter_approve,
    letter_assign,
    letter_reply_save,
    letter_submit,
)
from gov_disclosure.pages import roles
from tests.factories import DepartmentFactory, UserFactory

WRITER = {
    "name": "王小明",
    "phone": "13812345678",
    "email": "wxm@example.com",
    "address": "宁波市镇海区庄市街道兴庄路12号",
}
LETTER = {
    "kind": "complaint",
    "subject": "兴庄路夜间施工噪音扰民",
    "content": "兴庄路12号附近工地每天夜里十一点后仍在施工，噪音很大。"
    "我是王小明，电话13812345678，身份证号11010519491231002X，请尽快处理。",
    "allow_public": True,
}


@dataclass
class Office:
    agency: object
    construction: object  # 城建办: gets the letters
    other_department: object
    manager: object  # 党政办: assigns
    officer: object  # 信息员 of 城建办
    other_officer: object  # 信息员 of the other department
    leader: object  # 分管领导: approves
    second_leader: object
    supervisor: object  # 监督: reads the statistics


@pytest.fixture
def office(agency, department, mailoutbox):

    def user(username, role):
        return UserFactory(username=username, role=role, role__agency=agency)

    construction = DepartmentFactory(agency=agency, name="城建办", code="CJB")
    officer = user("officer", roles.INFORMATION_OFFICER)
    other_officer = user("other-officer", roles.INFORMATION_OFFICER)
    construction.members.add(officer)
    department.members.add(other_officer)
    return Office(
        agency=agency,
        construction=construction,
        other_department=department,
        manager=user("dzb", roles.OFFICE),
        officer=officer,
        other_officer=other_officer,
        leader=user("leader", roles.LEADER_IN_CHARGE),
        second_leader=user("leader2", roles.LEADER_IN_CHARGE),
        supervisor=user("supervisor", roles.SUPERVISOR),
    )


@pytest.fixture
def write(office):
    """A letter received through the public form (the service it calls)."""

    def make(*, writer=None, received_at=None, **changes):
        return letter_submit(
            agency=office.agency,
            letter_fields={**LETTER, **changes},
            writer_fields={**WRITER, **(writer or {})},
            received_at=received_at,
        )

    return make


def started(seconds_ago: float = 60) -> str:
    return signing.dumps(time.time() - seconds_ago, salt="public_forms.started")


def letter_form(**changes) -> dict:
    data = {**LETTER, **WRITER, "homepage": "", "started": started()}
    data["allow_public"] = "on"
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def answered(office, letter, *, publish=True, reply="经核查，已责令施工单位夜间停工。"):
    """Take ``letter`` through 分办, the reply and the leader's approval (published if asked)."""
    letter_assign(letter=letter, department=office.construction, user=office.manager)
    letter_reply_save(
        letter=letter,
        user=office.officer,
        reply=reply,
        public_subject="兴庄路夜间施工噪音扰民",
        public_content="兴庄路附近工地每天夜里十一点后仍在施工，噪音很大，请尽快处理。",
        publish_requested=publish,
        submit=True,
        complaint_finding="substantiated",
        rectification="done",
    )
    letter_approve(letter=letter, user=office.leader)
    letter.refresh_from_db()
    return letter
