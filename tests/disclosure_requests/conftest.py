"""An office receiving requests: 党政办, two information officers, a reader with no rights."""

import datetime
import io
from dataclasses import dataclass

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from gov_disclosure.pages import roles
from gov_disclosure.requests.models import ApplicantCategory, Channel, Delivery, InformationForm
from gov_disclosure.requests.services import request_submit
from tests.factories import UserFactory

TZ = timezone.get_fixed_timezone(8 * 60)


def at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    """A moment of ``day`` in Beijing time."""
    return datetime.datetime(day.year, day.month, day.day, hour, tzinfo=TZ)


@pytest.fixture
def on_day():
    """Travel to a day (10:00 Beijing time) for the rest of the test or a ``with`` block."""
    travellers = []

    def travel(day: datetime.date, hour: int = 10):
        traveller = time_machine.travel(at(day, hour), tick=False)
        traveller.start()
        travellers.append(traveller)
        return traveller

    yield travel
    for traveller in reversed(travellers):
        traveller.stop()


@dataclass
class Staff:
    office: object  # 党政办: manages every request, approves extensions
    handler: object  # 信息员 assigned to the requests
    other_officer: object  # 信息员 with no request of theirs
    leader: object  # 分管领导: no part in requests


@pytest.fixture
def staff(agency, mailoutbox):

    def user(username, role):
        return UserFactory(username=username, role=role, role__agency=agency)

    return Staff(
        office=user("dzb", roles.OFFICE),
        handler=user("handler", roles.INFORMATION_OFFICER),
        other_officer=user("other", roles.INFORMATION_OFFICER),
        leader=user("leader", roles.LEADER_IN_CHARGE),
    )


PERSON = {
    "name": "张三",
    "id_document_type": "resident_id",
    "id_document_number": "11010519491231002X",
    "phone": "13812345678",
    "email": "zhangsan@example.com",
    "address": "宁波市镇海区庄市街道测试路8号",
    "postcode": "315201",
}


@pytest.fixture
def submit(agency):
    """Register a request as the online form does; ``received`` is a date or datetime."""

    def make(received=None, *, to=None, applicant=None, **fields):
        if isinstance(received, datetime.date) and not isinstance(received, datetime.datetime):
            received = at(received)
        request_fields = {
            "applicant_category": ApplicantCategory.PERSON,
            "description": "请公开本街道2025年度老旧小区改造项目的资金预算和实施方案。",
            "information_form": InformationForm.ELECTRONIC,
            "delivery": Delivery.EMAIL,
            **fields,
        }
        # Submitted at that moment, as the online form would: its log entry too.
        with time_machine.travel(received or timezone.now(), tick=False):
            return request_submit(
                agency=to or agency,
                request_fields=request_fields,
                applicant_fields={**PERSON, **(applicant or {})},
                channel=Channel.ONLINE,
            )

    return make


def pdf_bytes(text: str = "reply") -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, text)
    pdf.save()
    return buffer.getvalue()


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(buffer, "PNG")
    return buffer.getvalue()


def upload(name: str = "答复书.pdf", content: bytes | None = None, content_type="application/pdf"):
    return SimpleUploadedFile(name, pdf_bytes() if content is None else content, content_type)


def extend(*, request, user, days: int, approver, note: str, documents=()):
    """Ask for an extension and have the approver named agree, as the two do in the admin."""
    from gov_disclosure.requests.services import request_extension_apply, request_extension_decide

    application = request_extension_apply(
        request=request, user=user, days=days, approver=approver, note=note, documents=documents
    )
    request_extension_decide(application=application, user=approver, approve=True)
    return application
