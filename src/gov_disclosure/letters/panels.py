from django.urls import reverse
from wagtail.admin.ui.components import Component


class LetterCountsPanel(Component):
    """Dashboard: what waits for the user — letters to assign, to answer, to approve."""

    name = "letters"
    template_name = "disclosure_letters/admin/counts_panel.html"
    order = 85

    def __init__(self, counts: list[tuple[str, int, str, bool]]):
        self.counts = counts

    def get_context_data(self, parent_context):
        return {"counts": self.counts, "index_url": reverse("disclosure_letters_admin:index")}
