from django.urls import reverse
from wagtail.admin.ui.components import Component


class PendingCommentsPanel(Component):
    """Dashboard: comments waiting for 党政办's moderation."""

    name = "rating_comments"
    template_name = "disclosure_feedback/admin/pending_panel.html"
    order = 90

    def __init__(self, count: int):
        self.count = count

    def get_context_data(self, parent_context):
        url = reverse("disclosure_feedback_admin:index") + "?comment_state=pending"
        return {"count": self.count, "url": url}
