from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from .services import MANUAL_VALUE_SAVE
from .viewsets import RubricViewSet


@hooks.register("register_admin_viewset")
def register_assessment():
    return RubricViewSet("assessment")


@hooks.register("register_log_actions")
def register_assessment_log_actions(actions):
    actions.register_action(MANUAL_VALUE_SAVE, _("填报考核数据"), _("填报考核数据"))
