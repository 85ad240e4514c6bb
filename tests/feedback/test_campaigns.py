"""民主评议: 党政办 invites named reviewers, each answers once by their link or printed code
while the campaign is open, the results are counted per question without showing who
answered what, and the summary becomes a draft item that goes through review."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from gov_disclosure.feedback.models import Answer, Campaign, Invitation, Question
from gov_disclosure.feedback.selectors.campaigns import campaign_results
from gov_disclosure.feedback.services.campaigns import (
    CampaignActionRefused,
    campaign_answer,
    campaign_summary_draft,
    invitations_add,
)
from gov_disclosure.pages import roles
from gov_disclosure.pages.models import DisclosureItemPage
from tests.factories import AgencyFactory, CategoryFactory, UserFactory
from tests.letters.test_handling import login

pytestmark = pytest.mark.django_db

REVIEWERS = (
    "张代表，人大代表，zhang@example.com\n李委员,政协委员\n\n王大妈，群众代表，wang@example.com"
)


@pytest.fixture
def campaign(office):
    today = timezone.localdate()
    campaign = Campaign.objects.create(
        agency=office.agency,
        title="2026年度政务公开民主评议",
        intro="请对本街道政务公开工作作出评价。",
        opens_on=today - datetime.timedelta(days=1),
        closes_on=today + datetime.timedelta(days=10),
    )
    Question.objects.create(campaign=campaign, sort_order=0, text="主动公开的及时性", kind="scale")
    Question.objects.create(campaign=campaign, sort_order=1, text="依申请公开的办理", kind="scale")
    Question.objects.create(campaign=campaign, sort_order=2, text="意见和建议", kind="text")
    return campaign


@pytest.fixture
def invited(campaign, office, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return invitations_add(campaign=campaign, text=REVIEWERS, user=office.manager)


def review_url(invitation):
    return reverse("disclosure_feedback:review", args=[invitation.code])


def answer_form(campaign, first=5, second=3, text=""):
    first_q, second_q, text_q = campaign.questions.all()
    return {f"q{first_q.pk}": first, f"q{second_q.pk}": second, f"q{text_q.pk}": text}


def test_reviewers_are_invited_and_those_with_an_address_mailed_their_link(
    invited, mailoutbox, campaign
):
    assert [(i.name, i.group, i.email) for i in invited] == [
        ("张代表", "deputy", "zhang@example.com"),
        ("李委员", "member", ""),
        ("王大妈", "public", "wang@example.com"),
    ]
    assert len({i.code for i in invited}) == 3
    assert sorted(mail.to[0] for mail in mailoutbox) == ["wang@example.com", "zhang@example.com"]
    [to_zhang] = [mail for mail in mailoutbox if mail.to == ["zhang@example.com"]]
    assert review_url(invited[0]) in to_zhang.body and invited[0].code in to_zhang.body
    sent = {i.name: i.sent_at for i in Invitation.objects.all()}  # names are encrypted
    assert sent["张代表"] is not None and sent["李委员"] is None
    assert ModelLogEntry.objects.filter(action="disclosure_feedback.campaign_invite").exists()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("张代表", "第1行无法识别"),
        ("张代表，人大代表\n李委员，委员", "第2行无法识别"),
        ("张代表，人大代表，zhang-at-example", "第1行的电子邮箱“zhang-at-example”无效"),
        ("\n\n", "请至少填写一位评议人"),
    ],
)
def test_a_list_that_cannot_be_read_names_its_line(campaign, office, text, message):
    with pytest.raises(CampaignActionRefused, match=message):
        invitations_add(campaign=campaign, text=text, user=office.manager)
    assert not Invitation.objects.exists()


def test_a_reviewer_answers_once_by_their_link(client, invited, campaign):
    invitation = invited[0]
    page = client.get(review_url(invitation)).content.decode()
    assert "主动公开的及时性" in page and "张代表" in page

    refused = client.post(
        review_url(invitation), answer_form(campaign, first="", text="建议多公开")
    )
    assert refused.status_code == 400
    assert "请作出评价。" in refused.content.decode() and "建议多公开" in refused.content.decode()

    done = client.post(
        review_url(invitation), answer_form(campaign, text="建议多公开"), follow=True
    )
    assert "评议已提交" in done.content.decode()
    assert Answer.objects.filter(invitation=invitation).count() == 3
    again = client.post(review_url(invitation), answer_form(campaign, first=1), follow=True)
    assert "此评议码不能再次使用" in again.content.decode()
    assert Answer.objects.filter(invitation=invitation).count() == 3
    with pytest.raises(CampaignActionRefused, match="已经使用过"):
        campaign_answer(invitation=invitation, answers={})


def test_outside_its_dates_a_campaign_takes_no_answers(client, invited, campaign):
    campaign.closes_on = timezone.localdate() - datetime.timedelta(days=1)
    campaign.save()
    response = client.get(review_url(invited[0]))
    assert response.status_code == 410 and "评议不在开放期间" in response.content.decode()
    assert client.post(review_url(invited[0]), answer_form(campaign)).status_code == 410
    assert not Answer.objects.exists()


def test_a_printed_code_is_typed_in(client, invited):
    url = reverse("disclosure_feedback:review_code")
    typed = invited[1].code.lower().replace("-", " ")
    assert client.post(url, {"code": typed})["Location"] == review_url(invited[1])
    wrong = client.post(url, {"code": "0000-0000-0000"})
    assert wrong.status_code == 404 and "评议码不正确" in wrong.content.decode()
    assert client.get(reverse("disclosure_feedback:review", args=["XXXX"])).status_code == 404


def test_results_are_counted_per_question_and_not_by_reviewer(client, invited, campaign, office):
    for invitation, (first, second, text) in zip(
        invited, [(5, 3, "建议多公开"), (4, 2, ""), (1, 3, "希望定期通报")], strict=True
    ):
        campaign_answer(
            invitation=invitation,
            answers={q.pk: v for q, v in zip(
                campaign.questions.all(),
                [{"scale": first}, {"scale": second}, {"text": text}],
                strict=True,
            )},
        )  # fmt: skip
    timely, handling, texts = campaign_results(campaign=campaign)
    assert dict(timely.counts) == {
        "很满意": 1,
        "满意": 1,
        "基本满意": 0,
        "不满意": 0,
        "很不满意": 1,
    }
    assert timely.average == pytest.approx(10 / 3)
    assert timely.satisfied_share == pytest.approx(2 / 3)
    assert handling.satisfied_share == pytest.approx(2 / 3)
    assert sorted(texts.texts) == ["希望定期通报", "建议多公开"]

    inspect = reverse("disclosure_campaigns_admin:inspect", args=[campaign.pk])
    login(client, office.supervisor)  # reads the results, not who was invited
    page = client.get(inspect).content.decode()
    assert "希望定期通报" in page and "67%" in page
    assert "张代表" not in page and invited[0].code not in page
    login(client, office.manager)
    page = client.get(inspect).content.decode()
    assert "张代表" in page and invited[0].code in page

    other = AgencyFactory(parent=office.agency.get_parent(), title="第二街道政府信息公开")
    login(client, UserFactory(username="b-dzb", role=roles.OFFICE, role__agency=other))
    assert client.get(inspect).status_code == 404
    form = client.get(reverse("disclosure_campaigns_admin:add")).context["form"]
    assert list(form.fields["agency"].queryset) == [other]  # its own agency only


def test_the_summary_becomes_a_draft_item_for_review(invited, campaign, office, category):
    campaign_answer(
        invitation=invited[0],
        answers={q.pk: {"scale": 5, "text": ""} for q in campaign.questions.all()},
    )
    item = campaign_summary_draft(
        campaign=campaign, category=category, publisher=office.construction, user=office.manager
    )
    item = DisclosureItemPage.objects.get(pk=item.pk)
    assert not item.live and item.get_parent().pk == category.pk
    assert item.title == "2026年度政务公开民主评议结果"
    body = str(item.body)
    assert "邀请人大代表、政协委员和群众代表3人参加，收回评议意见1份" in body
    assert "主动公开的及时性：很满意1份" in body
    other = AgencyFactory(parent=office.agency.get_parent(), title="第二街道政府信息公开")
    with pytest.raises(CampaignActionRefused, match="本机关目录"):
        campaign_summary_draft(
            campaign=campaign,
            category=CategoryFactory(parent=other, title="其他", code="09"),
            publisher=office.construction,
            user=office.manager,
        )


def test_党政办_invites_and_prints_codes_in_the_admin(client, campaign, office):
    login(client, office.manager)
    inspect = client.get(reverse("disclosure_campaigns_admin:inspect", args=[campaign.pk]))
    invite = reverse("disclosure_campaigns_admin:invite", args=[campaign.pk])
    assert invite in inspect.content.decode()
    assert client.get(invite).status_code == 200
    refused = client.post(invite, {"reviewers": "张代表，人大代表\n李委员，委员"})
    assert refused.status_code == 400
    assert (
        "第2行无法识别" in refused.content.decode()
        and "张代表，人大代表" in refused.content.decode()
    )
    assert client.post(invite, {"reviewers": "张代表，人大代表"}).status_code == 302
    code = Invitation.objects.get().code
    codes = client.get(reverse("disclosure_campaigns_admin:codes", args=[campaign.pk]))
    assert code in codes.content.decode()
    summary = client.get(reverse("disclosure_campaigns_admin:summary", args=[campaign.pk]))
    assert summary.status_code == 200 and "目录分类" in summary.content.decode()

    login(client, office.supervisor)  # reads results; does not run the campaign
    assert client.get(invite).status_code in (302, 403)
