from wagtail import hooks

from .panels import ExtensionsToDecidePanel, RequestCountsPanel
from .selectors import (
    extensions_to_decide,
    request_counts,
    user_handles_requests,
    user_manages_requests,
)
from .transitions import ACTIONS, log_action_name
from .viewsets import RequestsGroup


@hooks.register("register_admin_viewset")
def register_requests():
    return RequestsGroup()


@hooks.register("construct_homepage_panels")
def add_extensions_to_decide_panel(request, panels):
    applications = list(extensions_to_decide(user=request.user))
    if applications:
        panels.append(ExtensionsToDecidePanel(applications))


@hooks.register("construct_homepage_panels")
def add_request_counts_panel(request, panels):
    if not user_handles_requests(request.user):
        return
    counts = request_counts(user=request.user)
    if counts.open or user_manages_requests(request.user):
        panels.append(RequestCountsPanel(counts))


@hooks.register("register_log_actions")
def register_request_log_actions(actions):
    for name, action in ACTIONS.items():
        actions.register_action(log_action_name(name), action.label, action.label)
