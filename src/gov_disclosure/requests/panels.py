from django.urls import reverse
from wagtail.admin.ui.components import Component

from gov_disclosure.core.people import person_name

from .models import OPEN_STATES
from .selectors import Counts


class RequestCountsPanel(Component):
    """Dashboard: open requests of the user's scope, due soon and overdue, each a link
    to the filtered list."""

    name = "disclosure_requests"
    template_name = "disclosure_requests/admin/counts_panel.html"
    order = 80

    def __init__(self, counts: Counts):
        self.counts = counts

    def get_context_data(self, parent_context):
        index = reverse("disclosure_requests_admin:index")
        return {
            "counts": self.counts,
            "open_url": index + "?" + "&".join(f"state={state}" for state in OPEN_STATES),
            "due_soon_url": f"{index}?due=due_soon",
            "overdue_url": f"{index}?due=overdue",
        }


class ExtensionsToDecidePanel(Component):
    """Dashboard: the extension applications waiting for this user's decision, first due
    first, each a link to the request's page with its 同意/不同意 buttons."""

    name = "disclosure_request_extensions"
    template_name = "disclosure_requests/admin/extensions_panel.html"
    order = 79

    def __init__(self, applications):
        self.applications = applications

    def get_context_data(self, parent_context):
        return {
            "rows": [
                (
                    application,
                    person_name(application.requested_by),
                    reverse("disclosure_requests_admin:inspect", args=[application.request_id]),
                )
                for application in self.applications
            ]
        }
