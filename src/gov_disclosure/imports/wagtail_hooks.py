from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from gov_disclosure.core.menu import PermissionMenuItem

from .admin_views import (
    PERMISSION,
    URL_NAMESPACE,
    BatchProgressView,
    BatchView,
    ImportIndexView,
)
from .services import IMPORT


@hooks.register("register_admin_urls")
def register_import_urls():
    urls = [
        path("", ImportIndexView.as_view(), name="index"),
        path("<int:batch_id>/", BatchView.as_view(), name="batch"),
        path("<int:batch_id>/progress/", BatchProgressView.as_view(), name="progress"),
    ]
    return [path("catalogue-import/", include((urls, URL_NAMESPACE), namespace=URL_NAMESPACE))]


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return PermissionMenuItem(
        _("目录导入"),
        reverse(f"{URL_NAMESPACE}:index"),
        icon_name="upload",
        order=55,
        permission=PERMISSION,
    )


@hooks.register("register_log_actions")
def register_import_log_actions(actions):
    actions.register_action(IMPORT, _("导入"), _("从其他系统导入（不经审核流程）"))
