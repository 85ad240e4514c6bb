from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from gov_disclosure.core.menu import PermissionMenuItem

from .views import PERMISSION, YearScheduleView


@hooks.register("register_admin_urls")
def register_calendar_urls():
    view = YearScheduleView.as_view()
    return [
        path("workcalendar/", view, name="workcalendar_year_current"),
        path("workcalendar/<int:year>/", view, name="workcalendar_year"),
    ]


@hooks.register("register_settings_menu_item")
def register_calendar_menu_item():
    return PermissionMenuItem(
        _("工作日历"),
        reverse("workcalendar_year_current"),
        icon_name="date",
        order=950,
        permission=PERMISSION,
    )
