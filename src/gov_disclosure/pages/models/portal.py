from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .mixins import DirectRouteMixin, HostPlacedMixin, OfficePermissionsMixin


class DisclosurePortalPage(DirectRouteMixin, HostPlacedMixin, OfficePermissionsMixin, Page):
    """The home of a platform that hosts one or more agencies' catalogues.

    A subdistrict runs one agency under it; a district platform hosts all of
    its subdistricts as sibling agency roots.
    """

    intro = RichTextField(_("平台简介"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    # Under the tree's root or a host page (GOV_DISCLOSURE["AGENCY_PARENT_PAGE_TYPES"]).
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["disclosure_pages.DisclosureIndexPage"]

    template = "disclosure_pages/portal_page.html"

    class Meta:
        verbose_name = _("公开平台首页")
        verbose_name_plural = _("公开平台首页")

    def get_context(self, request, *args, **kwargs):
        from gov_disclosure.pages.selectors import agency_list

        context = super().get_context(request, *args, **kwargs)
        context["agencies"] = agency_list(within=self)
        return context
