from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .mixins import AgencyContextMixin, OfficePermissionsMixin


class DisclosureGuidePage(OfficePermissionsMixin, AgencyContextMixin, Page):
    """The agency's 公开指南: how information is published and how to request it."""

    body = RichTextField(
        _("指南正文"),
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
    )
    revised_date = models.DateField(_("修订日期"), null=True, blank=True)

    content_panels = Page.content_panels + [FieldPanel("revised_date"), FieldPanel("body")]

    search_fields = Page.search_fields + [index.SearchField("body")]

    api_fields = [APIField("revised_date"), APIField("body")]

    parent_page_types = ["disclosure_pages.DisclosureIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    template = "disclosure_pages/guide_page.html"

    class Meta:
        verbose_name = _("公开指南")
        verbose_name_plural = _("公开指南")
