"""Stock Wagtail for the load benchmark: a plain page with a title and a rich-text body,
served by Wagtail's own view with nothing of ours (no page cache, no middleware)."""

from wagtail.fields import RichTextField
from wagtail.models import Page


class StockPage(Page):
    body = RichTextField(blank=True)
