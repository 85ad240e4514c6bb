from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from gov_disclosure.pages.roles import agencies_where

from . import urls
from .access_log import PERMISSION as ACCESS_LOG_PERMISSION


@hooks.register("register_admin_urls")
def register_security_urls():
    return [path("security/", include((urls.urlpatterns, urls.app_name), namespace=urls.app_name))]


class AccessLogMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(agencies_where(request.user, ACCESS_LOG_PERMISSION))


@hooks.register("register_reports_menu_item")
def register_access_log_menu_item():
    return AccessLogMenuItem(
        _("个人信息查看记录"),
        reverse("disclosure_security:access_log"),
        name="personal-data-access",
        icon_name="view",
        order=55,
    )


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    return {
        "url": reverse("disclosure_security:two_factor_setup"),
        "label": _("两步验证"),
        "help_text": _("设置或更换身份验证器应用，并生成新的恢复码。"),
    }


@hooks.register("register_log_actions")
def register_security_log_actions(actions):
    for action, label in (
        ("login", _("登录")),
        ("login_failed", _("登录失败")),
        ("locked_out", _("登录失败次数过多，锁定")),
        ("two_factor_enrolled", _("设置两步验证")),
        ("two_factor_failed", _("两步验证失败")),
        ("two_factor_reset", _("重置两步验证")),
        ("recovery_code_used", _("使用恢复码登录")),
        ("password_changed", _("修改密码")),
    ):
        actions.register_action(f"disclosure_security.{action}", label, label)
