"""群众点题: a citizen proposes what to disclose, 党政办 answers with the law's grounds or the
item it leads to, the proposer follows it with a code, and answered proposals are listed
publicly without anyone's contact details."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from gov_disclosure.feedback.models import Proposal, ProposalState
from gov_disclosure.feedback.selectors import proposal_counts
from gov_disclosure.feedback.services import (
    ProposalActionRefused,
    proposal_answer,
    proposal_submit,
)
from gov_disclosure.pages import roles
from tests.factories import AgencyFactory, CategoryFactory, ItemFactory, UserFactory
from tests.letters.conftest import started
from tests.letters.test_handling import login

pytestmark = pytest.mark.django_db

TOPIC = "老旧小区改造资金使用情况"
REASON = "小区改造已两年，居民想知道资金花在哪里。"
CONTACT = {"name": "钱女士", "phone": "13857420002", "email": "qian@example.com"}


def proposal_form(**changes) -> dict:
    data = {"topic": TOPIC, "reason": REASON, **CONTACT, "homepage": "", "started": started()}
    data.update(changes)
    return data


@pytest.fixture
def proposed(office):
    return proposal_submit(agency=office.agency, topic=TOPIC, reason=REASON, contact=CONTACT)


def test_a_citizen_proposes_and_gets_a_code_and_党政办_is_told(
    client, office, mailoutbox, django_capture_on_commit_callbacks
):
    url = reverse("disclosure_feedback:propose", args=[office.agency.pk])
    assert "提交点题" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, proposal_form(), follow=True)
    proposal = Proposal.objects.get()
    page = response.content.decode()
    assert "点题已提交" in page and proposal.tracking_code in page and proposal.number in page
    assert proposal.number == f"{timezone.localdate().year}-0001"
    assert proposal.answer_due_on > proposal.received_on
    assert (proposal.contact.name, proposal.contact.email) == ("钱女士", "qian@example.com")
    assert ModelLogEntry.objects.filter(action="disclosure_feedback.proposal_submit").exists()
    [notice] = mailoutbox
    assert notice.to == ["dzb@example.gov.cn"]
    assert (
        proposal.number in notice.body and f"/admin/proposals/inspect/{proposal.pk}/" in notice.body
    )
    assert TOPIC not in notice.body and "钱女士" not in notice.body  # the admin shows those


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"topic": "资金"}, "希望公开的内容至少4个字。"),
        ({"topic": ""}, "请填写“希望公开的内容”。"),
        ({"phone": "12345"}, "请填写有效的手机号码或固定电话"),
        ({"email": "qian@"}, "请填写有效的电子邮箱地址。"),
        ({"started": "just now"}, "提交过快"),
    ],
)
def test_bad_input_is_refused_in_chinese_and_nothing_typed_is_lost(
    client, office, changes, message
):
    url = reverse("disclosure_feedback:propose", args=[office.agency.pk])
    if changes.get("started") == "just now":  # a robot sends the form as it gets it
        changes = {"started": started(0)}
    response = client.post(url, proposal_form(**changes))
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert REASON in page and f'value="{changes.get("phone", CONTACT["phone"])}"' in page
    assert not Proposal.objects.exists()


def test_an_address_proposing_too_often_is_held_off(client, office, disclosure_settings):
    disclosure_settings.PROPOSAL_SUBMIT_RATE = "1/h"
    url = reverse("disclosure_feedback:propose", args=[office.agency.pk])
    client.post(url, proposal_form())
    held = client.post(url, proposal_form(topic="第二个点题内容"))
    assert held.status_code == 429
    assert "第二个点题内容" in held.content.decode()
    assert Proposal.objects.count() == 1


def answer_url(proposal):
    return reverse("disclosure_proposals_admin:answer", args=[proposal.pk])


def test_党政办_answers_will_publish_and_the_link_shows_once_the_item_is_published(
    client, office, proposed, make_item, publish, site_root, mailoutbox,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    draft = make_item(title="2026年老旧小区改造资金使用情况")
    login(client, office.manager)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            answer_url(proposed),
            {
                "answer_kind": "will_publish",
                "item": draft.pk,
                "answer": "我们将于本月底公开改造资金使用情况。",
                "public_topic": TOPIC,
            },
        )
    assert response.status_code == 302
    proposed.refresh_from_db()
    assert (proposed.state, proposed.answered_by, proposed.item) == (
        ProposalState.ANSWERED, office.manager, draft,
    )  # fmt: skip
    [mail] = [mail for mail in mailoutbox if mail.to == ["qian@example.com"]]
    assert (
        "我们将于本月底公开改造资金使用情况。" in mail.body and proposed.tracking_code in mail.body
    )

    client.logout()
    listing = reverse("disclosure_feedback:proposals", args=[office.agency.pk])
    page = client.get(listing).content.decode()
    assert TOPIC in page and "将予公开" in page and "我们将于本月底公开" in page
    assert draft.title not in page  # not yet published
    for private in ("钱女士", "13857420002", "qian@example.com", proposed.tracking_code):
        assert private not in page

    with django_capture_on_commit_callbacks(execute=True):
        publish(draft)
    page = client.get(listing).content.decode()
    assert f'<a href="{draft.url}">{draft.title}</a>' in page

    status = client.post(
        reverse("disclosure_feedback:proposal_status"), {"code": proposed.tracking_code.lower()}
    ).content.decode()
    assert "我们将于本月底公开" in status and draft.title in status


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"answer_kind": "not_disclosable"}, "withheld_ground", "请选择《条例》规定的依据"),
        ({"answer_kind": "published"}, "item", "请选择已公开的信息"),
        ({"answer_kind": "published", "item": "draft"}, "item", "所选信息尚未发布"),
        ({"answer_kind": "refer_request", "item": "draft"}, "item", "可以关联公开信息"),
        ({"answer_kind": "will_publish", "item": "other"}, "item", "只能关联本机关的公开信息"),
        ({"answer": ""}, "answer", "请填写答复内容。"),
    ],
)
def test_an_answer_the_rules_refuse_comes_back_with_the_error_by_its_field(
    client, office, proposed, make_item, fields, field, message
):
    draft = make_item(title="草稿信息")
    other_agency = AgencyFactory(parent=office.agency.get_parent(), title="第二街道政府信息公开")
    other_item = ItemFactory(
        parent=CategoryFactory(parent=other_agency, title="其他", code="09"),
        publisher=draft.publisher,
    )
    data = {"answer_kind": "will_publish", "answer": "经研究，答复如下。", "public_topic": TOPIC}
    data.update(fields)
    data["item"] = {"draft": draft.pk, "other": other_item.pk}.get(data.get("item"), "")
    login(client, office.manager)
    response = client.post(answer_url(proposed), data)
    assert response.status_code == 400
    assert message in str(response.context["form"].errors[field])
    assert "经研究" in response.content.decode() or data["answer"] == ""
    proposed.refresh_from_db()
    assert proposed.state == ProposalState.RECEIVED


def test_not_disclosable_names_the_legal_ground_publicly(client, office, proposed):
    proposal_answer(
        proposal=proposed,
        user=office.manager,
        answer_kind="not_disclosable",
        withheld_ground="withheld_third_party",
        answer="所涉信息含有居民个人信息。",
        public_topic="某小区业主名单",
    )
    page = client.get(reverse("disclosure_feedback:proposals", args=[office.agency.pk]))
    text = page.content.decode()
    assert "不予公开（不予公开：保护第三方合法权益）" in text and "某小区业主名单" in text
    assert TOPIC not in text  # the public wording only


def test_a_revised_answer_is_logged_and_not_mailed_again(
    office, proposed, mailoutbox, django_capture_on_commit_callbacks
):
    fields = {"answer_kind": "refer_request", "answer": "请依申请公开。", "public_topic": TOPIC}
    with django_capture_on_commit_callbacks(execute=True):
        proposal_answer(proposal=proposed, user=office.manager, **fields)
        proposal_answer(
            proposal=proposed,
            user=office.manager,
            **{**fields, "answer": "请通过依申请公开渠道申请。"},
        )
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(proposed.pk))
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions[-2:] == [
        "disclosure_feedback.proposal_answer",
        "disclosure_feedback.proposal_revise",
    ]
    assert len([mail for mail in mailoutbox if mail.to == ["qian@example.com"]]) == 1


def test_who_sees_what_in_the_admin(client, office, proposed):
    inspect = reverse("disclosure_proposals_admin:inspect", args=[proposed.pk])
    index = reverse("disclosure_proposals_admin:index")

    login(client, office.manager)
    page = client.get(inspect).content.decode()
    assert "钱女士" in page and "答复点题" in page

    login(client, office.supervisor)  # reads proposals, not the proposer's details
    page = client.get(inspect).content.decode()
    assert TOPIC in page and "钱女士" not in page and "答复点题" not in page
    assert client.get(answer_url(proposed)).status_code in (302, 403)  # the admin refuses

    other_agency = AgencyFactory(parent=office.agency.get_parent(), title="第二街道政府信息公开")
    login(client, UserFactory(username="b-dzb", role=roles.OFFICE, role__agency=other_agency))
    assert TOPIC not in client.get(index).content.decode()
    assert client.get(inspect).status_code == 404
    with pytest.raises(ProposalActionRefused):
        proposal_answer(
            proposal=proposed,
            user=other_agency
            and __import__("django.contrib.auth")
            .contrib.auth.get_user_model()
            .objects.get(username="b-dzb"),
            answer_kind="refer_request",
            answer="x",
            public_topic=TOPIC,
        )

    login(client, UserFactory(username="qu", role=roles.DISTRICT_OFFICE))
    assert TOPIC in client.get(index).content.decode()
    assert "钱女士" not in client.get(inspect).content.decode()


def test_the_counts_of_a_constructed_year(office):
    today = timezone.localdate()

    def at(days_ago):
        day = today - datetime.timedelta(days=days_ago)
        return timezone.make_aware(datetime.datetime(day.year, day.month, day.day, 10))

    on_time = proposal_submit(agency=office.agency, topic="按期答复的点题", received_at=at(10))
    late = proposal_submit(agency=office.agency, topic="超期后答复的点题", received_at=at(60))
    proposal_submit(agency=office.agency, topic="超期未答复的点题", received_at=at(60))
    proposal_submit(agency=office.agency, topic="未到期未答复的点题", received_at=at(1))
    for proposal, kind in ((on_time, "will_publish"), (late, "refer_request")):
        fields = {"answer_kind": kind, "answer": "答复。", "public_topic": proposal.topic}
        proposal_answer(proposal=proposal, user=office.manager, **fields)
    counts = proposal_counts(Proposal.objects.all())
    assert (counts.received, counts.answered, counts.open, counts.overdue) == (4, 2, 2, 1)
    assert counts.answered_on_time == 1
    assert counts.on_time_rate == pytest.approx(1 / 3)  # 1 on time of 2 answered + 1 overdue
    assert counts.by_answer["will_publish"] == 1 and counts.by_answer["refer_request"] == 1


def test_the_public_list_gives_this_years_figures(client, office):
    today = timezone.localdate()
    now = timezone.make_aware(datetime.datetime(today.year, today.month, today.day, 9))
    answered = proposal_submit(agency=office.agency, topic="希望公开菜场改造方案", received_at=now)
    proposal_submit(agency=office.agency, topic="希望公开垃圾分类收运时间", received_at=now)
    last_year = now.replace(year=today.year - 1, month=6, day=1)
    proposal_submit(agency=office.agency, topic="去年的点题", received_at=last_year)
    other = AgencyFactory(parent=office.agency.get_parent())
    proposal_submit(agency=other, topic="其他机关的点题", received_at=now)
    proposal_answer(
        proposal=answered,
        user=office.manager,
        answer_kind="will_publish",
        answer="将于下月公开。",
        public_topic="菜场改造方案",
    )

    page = client.get(reverse("disclosure_feedback:proposals", args=[office.agency.pk]))

    text = page.content.decode()
    assert f"{today.year}年点题情况" in text
    assert "收到点题 2 条，已答复 1 条（按期答复 1 条），待答复 1 条。" in text
    assert "答复中：将予公开 1 条、已经公开 0 条、不予公开 0 条、请依申请公开 0 条。" in text
