"""Comments wait for 党政办: nobody else reads one before it is approved, each decision is
logged, and every agency's staff see only their own ratings; the district reads all."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from gov_disclosure.feedback.models import CommentState, Rating
from gov_disclosure.feedback.selectors import rating_counts
from gov_disclosure.pages import roles
from tests.factories import AgencyFactory, UserFactory
from tests.letters.test_handling import login

from .conftest import rate

pytestmark = pytest.mark.django_db

COMMENT = "改造计划写得很清楚，希望按期完工。"


@pytest.fixture
def commented(item, client):
    rate(client, item, comment=COMMENT)
    client.logout()
    return Rating.objects.get()


def moderate(client, rating, decision):
    url = reverse("disclosure_feedback_admin:moderate", args=[rating.pk, decision])
    return client.post(url, follow=True)


def ratings_page(client, office):
    return client.get(f"/feedback/ratings/{office.agency.pk}/").content.decode()


def test_a_comment_is_read_only_by_党政办_until_approved(
    client, office, commented, disclosure_settings, django_capture_on_commit_callbacks
):
    disclosure_settings.PAGE_CACHE_SECONDS = 300
    assert "暂无公开的留言。" in ratings_page(client, office)  # cached before the approval
    index = reverse("disclosure_feedback_admin:index")
    inspect = reverse("disclosure_feedback_admin:inspect", args=[commented.pk])

    login(client, office.supervisor)  # 监督 reads ratings, not comments waiting
    listing = client.get(index).content.decode()
    assert commented.target_title in listing and COMMENT not in listing
    assert "待审核" in listing
    assert COMMENT not in client.get(inspect).content.decode()
    assert moderate(client, commented, "approve").status_code == 200
    assert Rating.objects.get().comment_state == CommentState.PENDING

    login(client, office.manager)
    assert COMMENT in client.get(index).content.decode()
    page = client.get(inspect).content.decode()
    assert COMMENT in page and "审核通过" in page
    with django_capture_on_commit_callbacks(execute=True):  # the page cache renewed
        approved = moderate(client, commented, "approve")
    assert "留言已审核通过" in approved.content.decode()
    rating = Rating.objects.get()
    assert (rating.comment_state, rating.moderated_by) == (CommentState.APPROVED, office.manager)
    entry = ModelLogEntry.objects.get(action="disclosure_feedback.approve_comment")
    assert (entry.user, entry.object_id) == (office.manager, str(rating.pk))

    client.logout()
    assert COMMENT in ratings_page(client, office)  # the public page shows it at once
    login(client, office.supervisor)
    assert COMMENT in client.get(index).content.decode()

    login(client, office.manager)  # approved by mistake: hidden again
    with django_capture_on_commit_callbacks(execute=True):
        moderate(client, rating, "reject")
    client.logout()
    assert COMMENT not in ratings_page(client, office)
    assert ModelLogEntry.objects.filter(action="disclosure_feedback.reject_comment").count() == 1


def test_other_agencies_and_roles_neither_see_nor_moderate(client, office, commented):
    other_agency = AgencyFactory(parent=office.agency.get_parent(), title="第二街道政府信息公开")
    other_manager = UserFactory(username="b-dzb", role=roles.OFFICE, role__agency=other_agency)
    inspect = reverse("disclosure_feedback_admin:inspect", args=[commented.pk])

    login(client, other_manager)
    assert (
        commented.target_title
        not in client.get(reverse("disclosure_feedback_admin:index")).content.decode()
    )
    assert client.get(inspect).status_code == 404
    assert moderate(client, commented, "approve").status_code == 404

    login(client, office.officer)  # 信息员 have no ratings in the admin
    assert client.get(reverse("disclosure_feedback_admin:index")).status_code in (302, 403)

    district = UserFactory(username="qu", role=roles.DISTRICT_OFFICE)
    login(client, district)
    listing = client.get(reverse("disclosure_feedback_admin:index")).content.decode()
    assert commented.target_title in listing and COMMENT not in listing
    assert "审核通过" not in client.get(inspect).content.decode()
    assert "您无权审核此留言" in moderate(client, commented, "approve").content.decode()
    assert Rating.objects.get().comment_state == CommentState.PENDING


def test_党政办_sees_the_comments_waiting_on_the_dashboard(client, office, commented):
    login(client, office.manager)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "条留言待审核" in page
    assert '<strong class="w-h2">1</strong> 条留言待审核' in page


def test_the_counts_and_the_satisfaction_rate(client, item, answer, office):
    for n, satisfaction in enumerate(
        ["satisfied", "satisfied", "satisfied", "basic", "unsatisfied"]
    ):
        rate(client, item, satisfaction=satisfaction, address=f"198.51.100.{n}")
    rate(client, answer, kind="letter", satisfaction="unsatisfied")
    counts = rating_counts(Rating.objects.filter(kind="item"))
    assert (counts.satisfied, counts.basic, counts.unsatisfied, counts.total) == (3, 1, 1, 5)
    assert counts.satisfaction_rate == pytest.approx(0.8)
    page = ratings_page(client, office)
    assert "<td>5</td><td>3</td><td>1</td><td>1</td><td>80%</td>" in page
    assert "<td>1</td><td>0</td><td>0</td><td>1</td><td>0%</td>" in page
