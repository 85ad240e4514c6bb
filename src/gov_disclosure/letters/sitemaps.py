"""Published questions and answers in ``sitemap.xml``, beside Wagtail's pages."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from gov_disclosure.pages.models import DisclosureIndexPage

from .models import Letter


class LetterSitemap(WagtailSitemap):
    """Wagtail's base for the request's site; Django's URL building, as letters are not pages."""

    def items(self):
        agencies = (
            DisclosureIndexPage.objects.live()
            .public()
            .descendant_of(self.get_wagtail_site().root_page, inclusive=True)
        )
        return Letter.objects.filter(published_at__isnull=False, agency__in=agencies).order_by("pk")

    def location(self, letter):
        return reverse("disclosure_letters:answer", args=[letter.agency_id, letter.pk])

    def lastmod(self, letter):
        return letter.published_at

    def _urls(self, page, protocol, domain):
        # At the site's address, as the pages beside them, not at the host the request used.
        origin = urlsplit(self.get_wagtail_site().root_url)
        return DjangoSitemap._urls(self, page, origin.scheme, origin.netloc)
