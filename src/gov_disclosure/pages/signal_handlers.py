"""Signal receivers: thin, each hands over to a service."""

from wagtail.signals import page_published

from . import public_changes
from .models import DisclosureItemPage
from .services import item_assign_index_number


def assign_index_number_on_publish(sender, instance, **kwargs):
    item_assign_index_number(item=instance)


def connect() -> None:
    page_published.connect(
        assign_index_number_on_publish,
        sender=DisclosureItemPage,
        dispatch_uid="disclosure_pages.assign_index_number",
    )
    # After the 索引号: what follows public changes reads the numbered item.
    public_changes.connect()
