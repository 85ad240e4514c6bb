import pytest
from django.contrib.auth import get_user_model

from gov_disclosure.api.models import APISettings, ConsumerKey, Scope
from gov_disclosure.api.services import consumer_key_issue
from gov_disclosure.pages import roles
from tests.disclosure_api.conftest import CHANGES, ITEMS
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def issue_key(*scopes, **fields) -> str:
    return consumer_key_issue(
        consumer_key=ConsumerKey(name="区聚合平台", scopes=list(scopes or [Scope.FEED]), **fields),
        issued_by=None,
    )


def api_settings(**values):
    settings = APISettings.load()
    for name, value in values.items():
        setattr(settings, name, value)
    settings.save()


def test_anyone_may_read_the_feed_by_default(client):
    assert client.get(ITEMS).status_code == 200


def test_when_anonymous_reading_is_off_a_key_is_needed(client):
    api_settings(allow_anonymous=False)
    key = issue_key()

    refused = client.get(ITEMS)
    allowed = client.get(ITEMS, headers={"X-API-Key": key})
    allowed_by_authorization = client.get(ITEMS, headers={"Authorization": f"Api-Key {key}"})

    assert refused.status_code == 401
    assert "X-API-Key" in refused.json()["detail"]
    assert refused["WWW-Authenticate"] == "Api-Key"
    assert allowed.status_code == allowed_by_authorization.status_code == 200


def test_a_wrong_or_revoked_key_is_refused_not_ignored(client):
    key = issue_key()
    consumer_key = ConsumerKey.objects.get()
    consumer_key.revoked = True
    consumer_key.save()

    wrong = client.get(ITEMS, headers={"X-API-Key": key[:-1] + "x"})
    revoked = client.get(ITEMS, headers={"X-API-Key": key})

    assert wrong.status_code == revoked.status_code == 401
    assert revoked.json()["detail"] == "API 密钥无效、已吊销或已过期。"


def test_an_expired_key_is_refused(client):
    import datetime

    from django.utils import timezone

    key = issue_key(expiry_date=timezone.now() - datetime.timedelta(minutes=1))

    assert client.get(ITEMS, headers={"X-API-Key": key}).status_code == 401


def test_a_key_works_only_within_its_scopes(client):
    content_only = issue_key(Scope.CONTENT)

    assert client.get(ITEMS, headers={"X-API-Key": content_only}).status_code == 403
    assert client.get("/api/v2/pages/", headers={"X-API-Key": content_only}).status_code == 200


def test_only_a_hash_of_the_key_is_stored_and_its_use_is_recorded(client):
    key = issue_key()

    client.get(ITEMS, headers={"X-API-Key": key})

    consumer_key = ConsumerKey.objects.get()
    assert key not in str(consumer_key.__dict__)
    assert consumer_key.last_used_at is not None


def test_anonymous_callers_are_limited_per_ip_with_retry_after(client):
    api_settings(anonymous_rate_per_minute=3)

    statuses = [client.get(CHANGES).status_code for _ in range(4)]
    other_ip = client.get(CHANGES, REMOTE_ADDR="10.0.0.9")

    assert statuses == [200, 200, 200, 429]
    throttled = client.get(CHANGES)
    wait = int(throttled["Retry-After"])
    assert wait > 0
    # The wait is said once, in the message (DRF would add "预计 N 秒后可用。").
    assert throttled.json()["detail"] == f"请求过于频繁，请在 {wait} 秒后重试。"
    assert throttled.json()["schema_version"] == "1.1"
    assert other_ip.status_code == 200


def test_a_key_has_its_own_higher_limit(client):
    api_settings(anonymous_rate_per_minute=1, key_rate_per_minute=5)
    key = issue_key()
    tight_key = issue_key(rate_per_minute=2)

    client.get(CHANGES)
    assert client.get(CHANGES).status_code == 429
    assert [client.get(CHANGES, headers={"X-API-Key": key}).status_code for _ in range(5)] == [
        200
    ] * 5
    assert client.get(CHANGES, headers={"X-API-Key": key}).status_code == 429
    assert [
        client.get(CHANGES, headers={"X-API-Key": tight_key}).status_code for _ in range(3)
    ] == [200, 200, 429]


def test_wagtail_api_v2_is_rate_limited_too(client):
    api_settings(anonymous_rate_per_minute=2)

    statuses = [client.get("/api/v2/pages/").status_code for _ in range(3)]

    assert statuses == [200, 200, 429]


@pytest.fixture
def office_member(agency):
    user = get_user_model().objects.create_user("dzb", password="x")
    roles.role_grant(user=user, agency=agency, role=roles.OFFICE)
    return user


def test_the_office_issues_a_key_in_the_admin_and_sees_it_once(client, office_member, agency):
    client.force_login(office_member)

    response = client.post(
        "/admin/consumer_keys/new/",
        {
            "name": "镇海区政务公开聚合平台",
            "agency": agency.pk,
            "scopes": [Scope.FEED],
            "rate_per_minute": "",
        },
    )

    assert response.status_code == 200
    consumer_key = ConsumerKey.objects.get()
    secret = response.context["secret"]
    assert secret.startswith(consumer_key.prefix + ".")
    assert secret in response.content.decode()
    assert consumer_key.created_by == "dzb"
    listing = client.get("/admin/consumer_keys/").content.decode()
    assert "镇海区政务公开聚合平台" in listing
    assert secret not in listing
    client.logout()
    assert client.get(ITEMS, headers={"X-API-Key": secret}).status_code == 200


def test_a_key_without_scopes_is_refused_with_a_message(client, office_member):
    client.force_login(office_member)

    response = client.post("/admin/consumer_keys/new/", {"name": "无权限"})

    assert response.status_code == 200
    assert "请至少选择一个权限范围。" in response.content.decode()
    assert not ConsumerKey.objects.exists()


def test_a_revoked_key_cannot_be_restored(client, office_member, agency):
    issue_key(agency=agency)
    consumer_key = ConsumerKey.objects.get()
    client.force_login(office_member)
    edit_url = f"/admin/consumer_keys/edit/{consumer_key.pk}/"
    form = {
        "name": consumer_key.name,
        "agency": agency.pk,
        "scopes": [Scope.FEED],
        "rate_per_minute": "",
    }

    client.post(edit_url, {**form, "revoked": "on"})
    client.post(edit_url, form)

    consumer_key.refresh_from_db()
    assert consumer_key.revoked


@pytest.fixture
def second_agency(agency):
    return AgencyFactory(parent=agency.get_parent(), title="第二街道政府信息公开")


def test_an_office_issues_keys_of_its_agency_only(client, office_member, agency, second_agency):
    theirs_secret = issue_key(agency=second_agency)
    platform_secret = issue_key()
    client.force_login(office_member)
    form = {"name": "聚合", "scopes": [Scope.FEED], "rate_per_minute": ""}

    response = client.post("/admin/consumer_keys/new/", form)  # no agency: the platform's
    assert "全平台密钥只能由区政务公开办签发" in response.content.decode()
    response = client.post("/admin/consumer_keys/new/", {**form, "agency": second_agency.pk})
    assert "agency" in response.context["form"].errors
    assert ConsumerKey.objects.count() == 2

    listing = client.get("/admin/consumer_keys/").content.decode()
    for secret in (theirs_secret, platform_secret):
        assert secret.split(".")[0] not in listing  # neither prefix is listed
        pk = ConsumerKey.objects.get(prefix=secret.split(".")[0]).pk
        assert client.get(f"/admin/consumer_keys/edit/{pk}/").status_code in (302, 403, 404)


def test_an_agencys_key_reads_the_feed_of_that_agency_only(
    client, agency, second_agency, make_item, publish
):
    ours = publish(make_item(title="本街道的信息"))
    secret = issue_key(agency=second_agency)
    headers = {"X-API-Key": secret}

    response = client.get(ITEMS, headers=headers)
    assert response.status_code == 200
    assert ours.title not in response.content.decode()  # the key's agency has no items
    refused = client.get(ITEMS, {"agency": agency.org_code}, headers=headers)
    assert refused.status_code == 403
    assert "只能读取该机关的信息" in refused.json()["detail"]
    assert ours.title in client.get(ITEMS, headers={"X-API-Key": issue_key()}).content.decode()
