from wagtail.admin.ui.components import Component


class FeedbackPanel(Component):
    """Dashboard: what waits for 党政办 — comments to moderate, proposals to answer."""

    name = "feedback"
    template_name = "disclosure_feedback/admin/counts_panel.html"
    order = 90

    def __init__(self, counts: list[tuple[str, int, str, bool]]):
        self.counts = counts

    def get_context_data(self, parent_context):
        return {"counts": self.counts}
