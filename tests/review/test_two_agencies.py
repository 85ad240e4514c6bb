"""Two agencies on one platform, each with its own staff for every role: nobody sees or
changes the other agency's catalogue or its items in review, through real admin requests."""

import pytest
from django.urls import reverse
from wagtail.models import TaskState

from gov_disclosure.pages import roles
from gov_disclosure.pages.models import DisclosureCategoryPage, DisclosureItemPage
from tests.review.conftest import is_denied
from tests.workflow import approve_current_step, submit, superuser

pytestmark = pytest.mark.django_db

ROLES = ["officer", "leader", "secrecy", "office", "supervisor"]


def at_step(office, step: int):
    item = office.item()
    submit(item, office.users["officer"])
    for _ in range(step - 1):
        approve_current_step(item)
    return DisclosureItemPage.objects.get(pk=item.pk)


def decides(client, item) -> bool:
    state = item.current_workflow_task_state
    client.post(f"/admin/pages/workflow/action/{item.pk}/approve/{state.pk}/", {"comment": "同意"})
    state.refresh_from_db()
    return state.status != TaskState.STATUS_IN_PROGRESS


def awaiting_review(client) -> str:
    """The dashboard's panel of items awaiting the user's review."""
    return client.get("/admin/").content.decode()


def task_url(item) -> str:
    return reverse("disclosure_review:task", args=[item.current_workflow_task_state.pk])


STEP_ROLE = {1: "leader", 2: "secrecy", 3: "office"}


@pytest.mark.parametrize("step", [1, 2, 3])
def test_a_reviewer_decides_only_their_own_agencys_items(office, other_office, client, step):
    theirs = at_step(other_office, step)
    reviewer = office.users[STEP_ROLE[step]]
    client.force_login(reviewer)

    assert theirs.title not in awaiting_review(client)
    assert not decides(client, theirs)
    assert is_denied(client.get(task_url(theirs)))

    # The other agency's reviewer for the same step does decide it.
    client.force_login(other_office.users[STEP_ROLE[step]])
    assert theirs.title in awaiting_review(client)
    assert decides(client, theirs)


@pytest.mark.parametrize("superusers_too", [False, True])
def test_a_step_mails_only_the_items_agencys_reviewers(
    office, other_office, mailoutbox, settings, superusers_too
):
    # Wagtail's default mails superusers too; the reference site turns it off.
    settings.WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = superusers_too
    admin = superuser("mail-admin")
    mailoutbox.clear()
    item = other_office.item()
    submit(item, other_office.users["officer"])

    recipients = {address for mail in mailoutbox for address in mail.to}
    assert other_office.users["leader"].email in recipients
    assert office.users["leader"].email not in recipients
    assert (admin.email in recipients) is superusers_too

    mailoutbox.clear()
    approve_current_step(item)
    recipients = {address for mail in mailoutbox for address in mail.to}
    assert other_office.users["secrecy"].email in recipients
    assert office.users["secrecy"].email not in recipients


@pytest.mark.parametrize("role", ROLES)
def test_nobody_edits_the_other_agencys_items_or_catalogue(office, other_office, client, role):
    item = other_office.item()
    client.force_login(office.users[role])

    assert is_denied(client.get(f"/admin/pages/{item.pk}/edit/"))
    assert is_denied(client.get(f"/admin/pages/{other_office.category_a.pk}/edit/"))
    assert is_denied(client.get(f"/admin/pages/{other_office.category_a.pk}/add_subpage/"))
    assert is_denied(
        client.get(
            f"/admin/pages/add/disclosure_pages/disclosurecategorypage/{other_office.agency.pk}/"
        )
    )
    assert is_denied(client.get(f"/admin/pages/{item.pk}/delete/"))


def test_the_office_manages_its_own_catalogue_as_before(office, other_office, client):
    client.force_login(office.users["office"])

    response = client.get(f"/admin/pages/{office.category_a.pk}/add_subpage/")

    assert response.status_code == 200
    assert "disclosurecategorypage" in response.content.decode()
    item = office.item()
    assert client.get(f"/admin/pages/{item.pk}/edit/").status_code == 200


def test_an_office_of_one_agency_is_not_an_office_of_the_other(office, other_office):
    user = office.users["office"]

    assert roles.user_manages_catalogue(user, agency_id=office.agency.pk)
    assert not roles.user_manages_catalogue(user, agency_id=other_office.agency.pk)
    categories = DisclosureCategoryPage.objects.child_of(other_office.agency)
    for category in categories:
        assert not category.permissions_for_user(user).can_add_subpage()


def test_one_person_may_hold_roles_in_both_agencies(office, other_office, client):
    leader = office.users["leader"]
    roles.role_grant(user=leader, agency=other_office.agency, role=roles.LEADER_IN_CHARGE)
    theirs = at_step(other_office, 1)
    client.force_login(leader)

    assert theirs.title in awaiting_review(client)
    assert decides(client, theirs)


def test_the_district_reads_but_neither_edits_nor_approves(office, other_office, client):
    district = office.users["district"]
    theirs = at_step(other_office, 1)
    client.force_login(district)

    assert client.get("/admin/review/log/").status_code == 200
    assert not decides(client, theirs)
    assert is_denied(client.get(f"/admin/pages/{theirs.pk}/edit/"))
    assert is_denied(client.get(f"/admin/pages/{office.item().pk}/edit/"))


# -- records of the agency: the log, the timeliness report, yearly figures, attachments --


def test_the_log_and_its_export_hold_the_readers_agency_only(office, other_office, client):
    ours, theirs = office.item(title="本街道的信息"), other_office.item(title="他街道的信息")
    for item, officer in ((ours, office.users["officer"]), (theirs, other_office.users["officer"])):
        submit(item, officer)

    for reader in ("office", "supervisor"):
        client.force_login(office.users[reader])
        page = client.get("/admin/review/log/").content.decode()
        assert "本街道的信息" in page and "他街道的信息" not in page
        export = client.get("/admin/review/log/", {"export": "csv"})
        body = b"".join(export.streaming_content).decode("utf-8-sig")
        assert "本街道的信息" in body and "他街道的信息" not in body
        assert "b-officer" not in page  # nor the other agency's staff among the filters

    client.force_login(office.users["district"])
    page = client.get("/admin/review/log/").content.decode()
    assert "本街道的信息" in page and "他街道的信息" in page


def test_the_timeliness_report_counts_the_readers_agency_only(office, other_office, client):
    client.force_login(office.users["supervisor"])

    response = client.get("/admin/review/timeliness/")

    departments = {row.department for row in response.context["rows"]}
    assert departments == {office.department_a, office.department_b}


def test_yearly_figures_are_kept_per_agency(office, other_office, client):
    from gov_disclosure.annual_reports.models import AnnualFigures

    theirs = AnnualFigures.objects.create(agency=other_office.agency, year=2025, fee_amount=9)
    client.force_login(office.users["office"])

    assert (
        f"/admin/annual-figures/edit/{theirs.pk}/"
        not in client.get("/admin/annual-figures/").content.decode()
    )
    assert client.get(f"/admin/annual-figures/edit/{theirs.pk}/").status_code == 404
    form = client.get("/admin/annual-figures/new/").content.decode()
    assert f'<option value="{office.agency.pk}"' in form
    assert f'<option value="{other_office.agency.pk}"' not in form


def test_a_drafts_attachment_is_for_its_agencys_staff_only(office, other_office, client):
    from wagtail.documents import get_document_model

    from gov_disclosure.pages.models import ItemAttachment
    from gov_disclosure.pages.selectors import disclosure_collection
    from tests.factories import DocumentFactory

    uploader = other_office.users["officer"]
    document = DocumentFactory(
        title="内部名单", collection=disclosure_collection(), uploaded_by_user=uploader
    )
    item = other_office.item()
    item.attachments = [ItemAttachment(document=document, title="名单")]
    item.save_revision(user=uploader)
    url = get_document_model().objects.get(pk=document.pk).url

    assert client.get(url).status_code == 404
    for user, allowed in (
        (office.users["office"], False),
        (office.users["officer"], False),
        (other_office.users["office"], True),  # it reviews the item
        (office.users["district"], True),
    ):
        client.force_login(user)
        assert (client.get(url).status_code == 200) is allowed, user


def test_wagtails_site_history_is_the_districts(office, other_office, client):
    theirs = other_office.item(title="他街道的信息")
    submit(theirs, other_office.users["officer"])

    client.force_login(office.users["office"])
    response = client.get("/admin/reports/site-history/")
    assert response.status_code == 302
    assert response["Location"] == "/admin/review/log/"  # their own, scoped log

    client.force_login(office.users["district"])
    assert client.get("/admin/reports/site-history/").status_code == 200


def test_the_page_chooser_shows_no_draft_of_another_agency(office, other_office, client):
    theirs = other_office.item(title="他街道的草稿")
    ours = office.item(title="本街道的草稿")
    client.force_login(office.users["officer"])

    found = client.get("/admin/choose-page/search/", {"q": "草稿"}).content.decode()

    assert ours.title in found
    assert theirs.title not in found
    listing = client.get(f"/admin/choose-page/{other_office.category_a.pk}/").content.decode()
    assert theirs.title not in listing


def test_a_deleted_draft_stays_in_its_agencys_log(office, other_office, client):
    draft = office.item(title="删除的草稿")
    client.force_login(office.users["officer"])
    client.post(f"/admin/pages/{draft.pk}/delete/")
    assert not DisclosureItemPage.objects.filter(pk=draft.pk).exists()

    def logged(user) -> set[tuple[str, str]]:
        client.force_login(user)
        entries = client.get("/admin/review/log/").context["object_list"]
        return {(entry.action, entry.label) for entry in entries}

    assert ("wagtail.delete", "删除的草稿") in logged(office.users["supervisor"])
    assert not {"删除的草稿"} & {label for _a, label in logged(other_office.users["supervisor"])}


def test_scoped_listings_still_filter_and_histories_still_list_entries(
    office, other_office, client
):
    from gov_disclosure.annual_reports.models import AnnualFigures

    AnnualFigures.objects.create(agency=office.agency, year=2024, fee_amount=1)
    AnnualFigures.objects.create(agency=office.agency, year=2025, fee_amount=2)
    client.force_login(office.users["office"])

    listed = client.get("/admin/annual-figures/", {"year": 2024}).context["object_list"]
    assert [figures.year for figures in listed] == [2024]

    ours, theirs = office.department_a, other_office.department_a
    history = "wagtailsnippets_disclosure_pages_department:history"
    page = client.get(reverse(history, args=[ours.pk]))
    assert page.status_code == 200
    actions = {entry.action for entry in page.context["object_list"]}
    assert "disclosure.department_members_changed" in actions  # its 信息员 was added
    assert client.get(reverse(history, args=[theirs.pk])).status_code == 404
