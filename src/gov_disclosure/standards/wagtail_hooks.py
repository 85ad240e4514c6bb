from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from gov_disclosure.pages.roles import agencies_where

from .admin_views import (
    APPLY_PERMISSION,
    URL_NAMESPACE,
    VIEW_PERMISSION,
    ApplyAreaView,
    AreaCoverageView,
    StandardIndexView,
)
from .services import APPLY


@hooks.register("register_admin_urls")
def register_standard_urls():
    urls = [
        path("", StandardIndexView.as_view(), name="index"),
        path("<int:applied_id>/", AreaCoverageView.as_view(), name="coverage"),
        path("apply/<int:agency_id>/", ApplyAreaView.as_view(), name="apply"),
    ]
    return [path("standards/", include((urls, URL_NAMESPACE), namespace=URL_NAMESPACE))]


class StandardsMenuItem(MenuItem):
    def is_shown(self, request):
        return bool(
            agencies_where(request.user, VIEW_PERMISSION)
            or agencies_where(request.user, APPLY_PERMISSION)
        )


@hooks.register("register_reports_menu_item")
def register_standards_menu_item():
    return StandardsMenuItem(
        _("标准目录覆盖情况"),
        reverse(f"{URL_NAMESPACE}:index"),
        name="standards",
        icon_name="list-ul",
        order=62,
    )


@hooks.register("register_log_actions")
def register_standard_log_actions(actions):
    actions.register_action(APPLY, _("应用标准目录"), _("应用基层政务公开标准目录领域"))
