"""Writes to the catalogue."""

import logging

from django.db import transaction
from django.utils import timezone

from gov_disclosure.workcalendar.workdays import working_days_between

from .models import (
    DisclosureCategoryPage,
    DisclosureItemPage,
    IndexNumberSequence,
    sequence_next,
)
from .selectors import agency_for_page

logger = logging.getLogger(__name__)


def item_assign_index_number(*, item: DisclosureItemPage) -> str:
    """Give a published item its 索引号, 发布日期 and 公开用时, once; later calls keep them.

    The serial counts per agency per year of the 发布日期. The item row is locked
    first, so publishing the same item twice at once still takes one serial. An
    item only scheduled for later (Wagtail signals that too) gets nothing yet.
    """
    with transaction.atomic():
        current = (
            DisclosureItemPage.objects.select_for_update()
            .values("index_number", "publish_date", "live", "written_date")
            .get(pk=item.pk)
        )
        if not current["live"]:
            return ""
        if current["index_number"]:
            item.index_number = current["index_number"]
            item.publish_date = current["publish_date"]
            return item.index_number

        agency = agency_for_page(page=item)
        publish_date = current["publish_date"] or timezone.localdate()
        category = DisclosureCategoryPage.objects.ancestor_of(item).last()
        number = ""
        # Numbers imported from an earlier system may already hold some serials: skip them.
        while not number or DisclosureItemPage.objects.filter(index_number=number).exists():
            number = agency.index_number_pattern.format(
                org_code=agency.org_code,
                year=publish_date.year,
                month=publish_date.month,
                serial=sequence_next(
                    IndexNumberSequence, agency_id=agency.pk, year=publish_date.year
                ),
                category_code=category.full_code if category else "",
            )
        working_days = (
            working_days_between(current["written_date"], publish_date)
            if current["written_date"]
            else None
        )
        DisclosureItemPage.objects.filter(pk=item.pk).update(
            index_number=number, publish_date=publish_date, publication_working_days=working_days
        )
    item.index_number = number
    item.publish_date = publish_date
    item.publication_working_days = working_days
    logger.info("索引号 %s assigned to item %s", number, item.pk)
    return number
