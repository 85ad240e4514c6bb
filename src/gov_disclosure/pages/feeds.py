"""RSS 2.0 and Atom feeds of the latest published items, per agency and per category.

Built with Django's syndication framework from the same selector as the catalogue
pages, so a feed never shows what the catalogue does not (drafts, private pages).
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .models import DisclosureCategoryPage, DisclosureIndexPage, DisclosureItemPage
from .selectors import agency_for_page, item_list

FEED_LENGTH = 50
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


class ChineseRssFeed(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xml:lang": "zh-CN"}


class ItemsFeed(Feed):
    """The latest items under a live, public agency or category page."""

    feed_type = ChineseRssFeed
    language = "zh-CN"
    page_model = DisclosureIndexPage

    def get_object(self, request, page_id: int):
        self.request = request
        page = get_object_or_404(self.page_model.objects.live().public(), pk=page_id)
        if page.get_url(request) is None:  # not reachable on any site
            raise Http404
        return page

    def title(self, page) -> str:
        agency = agency_for_page(page=page)
        if page.pk == agency.pk:
            return f"{agency.agency_name} 政府信息公开"
        return f"{agency.agency_name} 政府信息公开 · {page.title}"

    def link(self, page) -> str:
        return page.get_url(self.request)

    def description(self, page) -> str:
        return f"{self.title(page)}：最新主动公开的政府信息"

    def items(self, page):
        return item_list(within=page)[:FEED_LENGTH]

    def item_title(self, item: DisclosureItemPage) -> str:
        return item.title

    def item_description(self, item: DisclosureItemPage) -> str:
        return item.summary

    def item_link(self, item: DisclosureItemPage) -> str:
        return item.get_url(self.request)

    def item_guid(self, item: DisclosureItemPage) -> str:
        return item.get_full_url(self.request)

    def item_pubdate(self, item: DisclosureItemPage):
        return item.first_published_at or _beijing_midnight(item.publish_date)

    def item_updateddate(self, item: DisclosureItemPage):
        return item.last_published_at

    def item_author_name(self, item: DisclosureItemPage) -> str:
        return item.publisher.name

    def item_categories(self, item: DisclosureItemPage) -> list[str]:
        return [item.get_subject_display(), item.get_genre_display()]


def _beijing_midnight(day: datetime.date | None):
    if day is None:
        return timezone.now()
    return datetime.datetime.combine(day, datetime.time(), SHANGHAI)


class AtomItemsFeed(ItemsFeed):
    feed_type = Atom1Feed
    subtitle = ItemsFeed.description


class CategoryItemsFeed(ItemsFeed):
    page_model = DisclosureCategoryPage


class CategoryAtomItemsFeed(AtomItemsFeed):
    page_model = DisclosureCategoryPage
