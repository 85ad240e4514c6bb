from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from gov_disclosure.core.menu import PermissionMenuItem

from .views import PERMISSION, RollupView
from .viewsets import AggregationGroup


@hooks.register("register_admin_viewset")
def register_aggregation():
    return AggregationGroup()


@hooks.register("register_admin_urls")
def register_rollup_url():
    return [path("aggregation/rollup/", RollupView.as_view(), name="aggregation_rollup")]


@hooks.register("register_aggregation_menu_item")
def register_rollup_menu_item():
    return PermissionMenuItem(
        _("年度报告汇总"),
        reverse("aggregation_rollup"),
        icon_name="table",
        order=900,
        permission=PERMISSION,
    )
