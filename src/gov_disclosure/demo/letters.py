"""Demo letters (网民信件) around today: one in every state, and answers on the public page."""

from gov_disclosure.letters import services
from gov_disclosure.letters.models import Letter, LetterKind
from gov_disclosure.pages.models import Department, DisclosureIndexPage

from .requests import _moment, _working_days_ago

WRITERS = [
    ("赵先生", "13857420001"),
    ("钱女士", "13857420002"),
    ("孙先生", "13857420003"),
    ("李女士", "13857420004"),
    ("周先生", "13857420005"),
    ("吴女士", "13857420006"),
]
# (kind, subject, content, writer agrees to publication)
LETTERS = [
    (LetterKind.COMPLAINT, "兴庄路夜间施工噪音扰民",
     "兴庄路附近的工地每天夜里十一点以后仍在施工，噪音很大，影响休息。我是赵先生，电话13857420001，请尽快处理。",
     True),
    (LetterKind.CONSULTATION, "老旧小区加装电梯补助怎么申请",
     "我们小区想加装电梯，请问街道有没有补助，需要准备哪些材料，到哪里办理？",
     True),
    (LetterKind.SUGGESTION, "建议在菜市场门口增设非机动车停放点",
     "菜市场门口电动车乱停，早上经常堵住人行道，建议划定停放区域。",
     True),
    (LetterKind.HELP, "独居老人家中漏水求助",
     "我母亲独居，家中卫生间漏水，物业一直没有处理，请社区帮忙协调。",
     False),
    (LetterKind.CONSULTATION, "灵活就业人员社保补贴政策咨询",
     "请问灵活就业人员的社会保险补贴申请条件和期限是什么？",
     True),
    (LetterKind.OTHER, "广告", "本公司代开各类发票，联系电话见附件。", False),
]  # fmt: skip
# Department, officer's reply and days ago received, for the letters that get an answer.
ANSWERS = {
    0: ("CJB", "经核查，该工地夜间施工未办理夜间作业许可。"
               "城建办已责令施工单位停止22时后作业，并将加强巡查。", 9),
    1: ("CJB", "老旧小区加装电梯可申请市、区两级补助。请由业主代表向社区提交加装方案、"
               "业主同意书等材料，详见街道便民服务中心办事指南。", 20),
    4: ("LBS", "符合条件的灵活就业人员可在缴费后申请社会保险补贴，"
               "请携带身份证到街道劳动保障所办理，每半年申请一次。", 6),
}  # fmt: skip


def _submit(agency, number: int, days_ago: int) -> Letter:
    kind, subject, content, allow_public = LETTERS[number]
    name, phone = WRITERS[number]
    return services.letter_submit(
        agency=agency,
        letter_fields={
            "kind": kind,
            "subject": subject,
            "content": content,
            "allow_public": allow_public,
        },
        writer_fields={"name": name, "phone": phone, "email": "", "address": ""},
        received_at=_moment(_working_days_ago(days_ago)),
    )


def demo_letters_load(*, agency: DisclosureIndexPage, users: dict) -> int:
    """Create the demo letters once per agency; returns how many were created."""
    if Letter.objects.filter(agency=agency).exists():
        return 0
    office, leader = users["dangzhengban"], users["fenguan"]
    departments = {d.code: d for d in Department.objects.filter(agency=agency)}

    def officer(code):
        return departments[code].members.first()

    for number, (code, reply, days_ago) in ANSWERS.items():
        letter = _submit(agency, number, days_ago)
        services.letter_assign(letter=letter, department=departments[code], user=office)
        services.letter_reply_save(
            letter=letter,
            user=officer(code),
            reply=reply,
            publish_requested=letter.allow_public,
            submit=True,
            complaint_finding="substantiated" if letter.kind == LetterKind.COMPLAINT else "",
            rectification="done" if letter.kind == LetterKind.COMPLAINT else "",
            **services.letter_public_draft(letter=letter),
        )
        services.letter_approve(letter=letter, user=leader, note="同意")

    _submit(agency, 2, 1)  # new, waiting to be assigned
    waiting = _submit(agency, 3, 4)
    services.letter_assign(letter=waiting, department=departments["SWB"], user=office)
    services.letter_reply_save(
        letter=waiting,
        user=officer("SWB"),
        reply="社区已联系物业，将于本周内上门维修。",
        submit=True,
    )  # awaiting the leader
    spam = _submit(agency, 5, 2)
    services.letter_close(letter=spam, user=office, reason="广告信息，不予处理")
    return len(LETTERS)
