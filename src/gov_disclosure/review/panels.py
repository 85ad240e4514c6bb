"""Editor and dashboard panels of the review workflow."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.admin.ui.components import Component


class ReviewFindingsPanel(Panel):
    """Shows the editor the automated findings of the item's latest revision."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("保密自查"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "disclosure_review/panels/findings.html"

        def is_shown(self):
            return bool(getattr(self.instance, "latest_revision_id", None))

        def get_context_data(self, parent_context=None):
            from .selectors import revision_findings

            context = super().get_context_data(parent_context)
            revision = self.instance.latest_revision
            findings = list(revision_findings(revision=revision))
            context.update(
                findings=findings,
                revision=revision,
                unresolved_count=sum(1 for finding in findings if not finding.is_resolved),
                can_override=False,
            )
            return context


class RejectedItemsPanel(Component):
    """Dashboard: the author's items sent back for changes, with the reviewer's comment."""

    name = "rejected_items"
    template_name = "disclosure_review/panels/rejected_items.html"
    order = 90

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {"rows": self.rows}
