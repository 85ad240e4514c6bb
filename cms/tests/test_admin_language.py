import pytest
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


def test_admin_speaks_chinese_by_default(admin_client):
    html = admin_client.get("/admin/").content.decode()

    assert '<html lang="zh-hans"' in html
    assert "<title>控制面板 - " in html


def test_a_user_may_choose_english(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()

    html = admin_client.get("/admin/").content.decode()

    assert '<html lang="en"' in html
    assert "<title>Dashboard - " in html


def test_admin_login_page_is_chinese(client):
    html = client.get("/admin/login/").content.decode()

    assert "登录" in html
