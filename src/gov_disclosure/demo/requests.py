"""Demo requests (依申请公开) around today, so the request desk shows every state:
new, assigned, in correction, consulting, due soon, overdue, answered, referred."""

import datetime
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfWriter

from gov_disclosure.pages.models import DisclosureIndexPage
from gov_disclosure.pages.validators import uscc_check_char
from gov_disclosure.requests import services
from gov_disclosure.requests.models import (
    AnswerType,
    Appeal,
    ApplicantCategory,
    Channel,
    Delivery,
    DisclosureRequest,
    InformationForm,
)
from gov_disclosure.workcalendar.workdays import is_working_day

PEOPLE = [
    ("陈明", "330211198203150018", "13957410001"),
    ("林小红", "330211199011230026", "13957410002"),
    ("王建国", "330211197506080034", "13957410003"),
    ("周丽", "33021119880412004X", "13957410004"),
    ("郑海", "330211196912300051", "13957410005"),
]
_LAW_FIRM_BODY = "31330211MD0123456"  # 律师事务所 (31), Ningbo; check character computed
ASKED = [
    "请公开本街道2025年度城乡居民最低生活保障资金的发放情况。",
    "申请获取庄市街道某村旧村改造项目的征收补偿方案及批复文件。",
    "请提供本街道2024年度部门决算中“三公”经费的明细。",
    "请公开本街道辖区内老旧小区加装电梯补助的申请条件和审批结果。",
    "申请获取街道关于某路段道路拓宽工程的立项批复和环评文件。",
    "请提供本街道2025年行政处罚决定书（涉及本人经营场所）。",
    "请公开本街道应急避难场所的分布和容量信息。",
]


def _working_days_ago(days: int) -> datetime.date:
    day = timezone.localdate()
    while days > 0:
        day -= datetime.timedelta(days=1)
        days -= is_working_day(day)
    return day


def _moment(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, hour))


def _pdf(name: str) -> SimpleUploadedFile:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), "application/pdf")


def _submit(agency, number: int, received_days_ago: int, category=ApplicantCategory.PERSON):
    name, id_number, phone = PEOPLE[number % len(PEOPLE)]
    applicant = {
        "name": name,
        "id_document_type": "resident_id",
        "id_document_number": id_number,
        "phone": phone,
        "email": f"applicant{number}@example.com",
        "address": "宁波市镇海区庄市街道示例路1号",
    }
    if category != ApplicantCategory.PERSON:
        applicant = {
            "name": "宁波示例律师事务所",
            "credit_code": _LAW_FIRM_BODY + uscc_check_char(_LAW_FIRM_BODY),
            "legal_representative": "李律",
            "contact_name": name,
            "phone": phone,
            "email": "office@example.com",
        }
    return services.request_submit(
        agency=agency,
        request_fields={
            "applicant_category": category,
            "description": ASKED[number % len(ASKED)],
            "information_form": InformationForm.ELECTRONIC,
            "delivery": Delivery.EMAIL,
        },
        applicant_fields=applicant,
        channel=Channel.ONLINE if number % 3 else Channel.IN_PERSON,
        received_at=_moment(_working_days_ago(received_days_ago)),
    )


def demo_requests_load(*, agency: DisclosureIndexPage, users: dict) -> int:
    """Create the demo requests once per agency; returns how many were created."""
    if DisclosureRequest.objects.filter(agency=agency).exists():
        return 0
    office, officer = users["dangzhengban"], users["xinxiyuan"]
    today = timezone.localdate()

    _submit(agency, 0, 1)  # new, not yet assigned

    accepted = _submit(agency, 1, 6)
    services.request_assign(request=accepted, handler=officer, user=office, note="请社会事务办协助")
    services.request_accept(request=accepted, user=officer)

    correcting = _submit(agency, 2, 3)
    services.request_ask_correction(
        request=correcting,
        user=office,
        note="请写明所需决算文件的年度和具体科目。",
        correction_due_on=today + datetime.timedelta(days=21),
    )

    consulting = _submit(agency, 3, 12)
    services.request_assign(request=consulting, handler=officer, user=office)
    services.request_accept(request=consulting, user=officer)
    services.request_start_consultation(
        request=consulting,
        user=officer,
        party="某物业服务有限公司",
        started_on=_working_days_ago(4),
    )

    due_soon = _submit(agency, 4, 17)
    services.request_assign(request=due_soon, handler=officer, user=office)
    services.request_accept(request=due_soon, user=officer)

    overdue = _submit(agency, 5, 23)
    services.request_accept(request=overdue, user=office, note="涉及多个科室，正在汇总")

    answered = _submit(agency, 6, 15)
    services.request_accept(request=answered, user=office)
    services.request_answer(
        request=answered,
        user=office,
        answer_type=AnswerType.DISCLOSED,
        answered_on=_working_days_ago(3),
        reply=_pdf("政府信息公开申请答复书.pdf"),
        note="已通过电子邮件提供",
    )
    services.request_close(request=answered, user=office, closed_on=_working_days_ago(2))

    partial = _submit(agency, 7, 19, ApplicantCategory.LEGAL_SERVICE)
    services.request_accept(request=partial, user=office)
    services.request_answer(
        request=partial,
        user=office,
        answer_type=AnswerType.PARTIALLY_DISCLOSED,
        answered_on=_working_days_ago(5),
        reply=_pdf("部分公开答复书.pdf"),
        note="涉及第三方个人信息的部分不予公开",
    )
    Appeal.objects.create(
        agency=agency,
        request=partial,
        kind="review",
        filed_on=_working_days_ago(1),
        authority="宁波市镇海区人民政府",
        case_number="镇政复〔示例〕1号",
    )

    referred = _submit(agency, 8, 8)
    services.request_refer(
        request=referred,
        user=office,
        answer_type=AnswerType.UNABLE_NOT_HELD,
        answered_on=_working_days_ago(6),
        agency_name="宁波市镇海区住房和城乡建设局（0574-00000000）",
        notice=_pdf("告知书.pdf"),
    )
    return DisclosureRequest.objects.filter(agency=agency).count()
