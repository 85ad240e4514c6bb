from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReviewConfig(AppConfig):
    name = "gov_disclosure.review"
    label = "disclosure_review"
    default_auto_field = "django.db.models.BigAutoField"
    verbose_name = _("发布审核与责任追究")

    def ready(self):
        from gov_disclosure.pages.models import DisclosureItemPage

        from . import signal_handlers
        from .panels import ReviewFindingsPanel

        signal_handlers.connect()
        # The editor of an item shows the automated findings first. The catalogue app does not
        # know of the review, so the review adds its panel (before any editor is built).
        DisclosureItemPage.content_panels = [
            ReviewFindingsPanel(),
            *DisclosureItemPage.content_panels,
        ]
