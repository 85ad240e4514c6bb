"""Reads of the links between items (政策解读, 修订, 相关信息): what a page, the API and
the feed show, what reviewers are warned of, and the interpretation report.

A link is kept on the item that makes it (``ItemRelation``, in its revisions), and shown
at both ends; either end is shown only while it is published and public.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.workcalendar.workdays import working_days_between

from .models import (
    DisclosureItemPage,
    InterpretationForm,
    ItemRelation,
    RelationKind,
)
from .roles import EVERYWHERE, AgencyScope

# The heading of a link seen from the item that makes it, and from the item it names.
HEADINGS = {
    (RelationKind.INTERPRETATION, "to"): _("解读的文件"),
    (RelationKind.INTERPRETATION, "from"): _("政策解读"),
    (RelationKind.AMENDMENT, "to"): _("修订的文件"),
    (RelationKind.AMENDMENT, "from"): _("修订情况"),
    (RelationKind.RELATED, "to"): _("相关信息"),
    (RelationKind.RELATED, "from"): _("相关信息"),
}


@dataclass(frozen=True)
class RelatedItem:
    """One item at the other end of a link, as seen from ``direction``'s side."""

    kind: str
    direction: str  # "to": the shown item names it; "from": it names the shown item
    interpretation_form: str
    page: DisclosureItemPage

    @property
    def heading(self) -> str:
        return str(HEADINGS[(self.kind, self.direction)])

    @property
    def form_label(self) -> str:
        if not self.interpretation_form:
            return ""
        return str(InterpretationForm(self.interpretation_form).label)


@dataclass
class RelatedGroup:
    heading: str
    entries: list[RelatedItem] = field(default_factory=list)


def public_items() -> QuerySet[DisclosureItemPage]:
    return DisclosureItemPage.objects.live().public()


# One end of a link as seen from an item: (direction, kind, interpretation form, other id).
Link = tuple[str, str, str, int]


def item_links(*, item_ids: Iterable[int]) -> dict[int, list[Link]]:
    """The links of these items, both ways, whatever the other end's state (one query)."""
    links: dict[int, list[Link]] = {pk: [] for pk in item_ids}
    rows = (
        ItemRelation.objects.filter(Q(item_id__in=list(links)) | Q(target_id__in=list(links)))
        .order_by("sort_order", "pk")
        .values_list("item_id", "target_id", "kind", "interpretation_form")
    )
    for source, target, kind, form in rows:
        if source in links:
            links[source].append(("to", kind, form, target))
        if target in links:
            links[target].append(("from", kind, form, source))
    return links


def item_related(*, item: DisclosureItemPage, links: list[Link] | None = None) -> list[RelatedItem]:
    """The published, public items ``item`` links to and that link to it, in the order the
    links were made; an item linked both ways is listed once per link. ``links``: the
    item's, when already read (``item_links``)."""
    if links is None:
        links = item_links(item_ids=[item.pk])[item.pk]
    others = {pk for *_rest, pk in links if pk != item.pk}
    if not others:
        return []
    pages = public_items().filter(pk__in=others).defer("body").select_related("publisher").in_bulk()
    return [
        RelatedItem(kind=kind, direction=direction, interpretation_form=form, page=pages[pk])
        for direction, kind, form, pk in links
        if pk in pages
    ]


def item_related_groups(*, item: DisclosureItemPage) -> list[RelatedGroup]:
    """``item_related`` under its headings (解读的文件, 政策解读, 修订…, 相关信息)."""
    groups: dict[str, RelatedGroup] = {}
    seen: set[tuple[str, int]] = set()
    for entry in item_related(item=item):
        if (entry.heading, entry.page.pk) in seen:
            continue
        seen.add((entry.heading, entry.page.pk))
        groups.setdefault(entry.heading, RelatedGroup(entry.heading)).entries.append(entry)
    # In the order of HEADINGS, in whatever language is active (a preview in the admin).
    order = list(dict.fromkeys(str(label) for label in HEADINGS.values()))
    return sorted(groups.values(), key=lambda group: order.index(group.heading))


def related_item_ids(*, item_ids: Iterable[int]) -> set[int]:
    """The items linked to these items either way (whatever their state)."""
    item_ids = list(item_ids)
    if not item_ids:
        return set()
    rows = ItemRelation.objects.filter(Q(item_id__in=item_ids) | Q(target_id__in=item_ids))
    return {pk for pair in rows.values_list("item_id", "target_id") for pk in pair} - set(item_ids)


def interpreted_genres() -> list[str]:
    """体裁 whose documents are to be published with a 政策解读 (setting
    ``INTERPRETED_GENRES``)."""
    return list(disclosure_settings.INTERPRETED_GENRES)


@dataclass(frozen=True)
class PendingInterpretation:
    """An interpretation of the document under review that is not published yet."""

    page: DisclosureItemPage
    interpretation_form: str

    @property
    def form_label(self) -> str:
        return str(InterpretationForm(self.interpretation_form).label)

    @property
    def status(self) -> str:
        if self.page.live:
            return str(_("修改待发布"))
        if self.page.workflow_in_progress:
            return str(_("审核中"))
        return str(_("草稿"))


@dataclass(frozen=True)
class InterpretationStatus:
    """What a reviewer of a document should know of its interpretations."""

    needs_interpretation: bool  # its 体裁 is one the office interprets
    published: list[DisclosureItemPage]
    pending: list[PendingInterpretation]

    @property
    def warns(self) -> bool:
        return bool(self.pending) or (self.needs_interpretation and not self.published)


def document_interpretation_status(
    *, document: DisclosureItemPage, agency_path: str
) -> InterpretationStatus:
    """The published interpretations of ``document`` and those still unpublished: drafts,
    items in review, and published items whose newest revision adds the link. Unpublished
    work lives in revisions, so the agency's items with unpublished changes are read
    (an agency keeps tens of them, not thousands)."""
    published_ids = ItemRelation.objects.filter(
        target_id=document.pk,
        kind=RelationKind.INTERPRETATION,
        item__in=public_items().values("pk"),
    ).values("item_id")
    published = list(
        DisclosureItemPage.objects.filter(pk__in=published_ids).defer("body").order_by("pk")
    )
    unpublished = (
        DisclosureItemPage.objects.filter(
            path__startswith=agency_path, has_unpublished_changes=True
        )
        .exclude(pk=document.pk)
        .exclude(latest_revision=None)
        .select_related("latest_revision")
        .defer("body")
        .order_by("pk")
    )
    pending = []
    for page in unpublished.iterator(chunk_size=100):
        for relation in page.latest_revision.content.get("relations", []):
            if (
                relation.get("target") == document.pk
                and relation.get("kind") == RelationKind.INTERPRETATION
            ):
                pending.append(PendingInterpretation(page, relation.get("interpretation_form", "")))
                break
    return InterpretationStatus(
        needs_interpretation=document.genre in interpreted_genres(),
        published=published,
        pending=pending,
    )


@dataclass(frozen=True)
class LateInterpretation:
    """An interpretation published after its document (they are to be published together)."""

    document: DisclosureItemPage
    interpretation: DisclosureItemPage
    interpretation_form: str

    @property
    def working_days_late(self) -> int:
        return working_days_between(self.document.publish_date, self.interpretation.publish_date)

    @property
    def form_label(self) -> str:
        return str(InterpretationForm(self.interpretation_form).label)


@dataclass(frozen=True)
class InterpretationReport:
    genres: list[str]
    documents: int
    uninterpreted: list[DisclosureItemPage]
    late: list[LateInterpretation]


def interpretation_report(
    *,
    date_from: datetime.date,
    date_to: datetime.date,
    agencies: AgencyScope = EVERYWHERE,
) -> InterpretationReport:
    """Published documents of the interpreted 体裁 first published in [date_from, date_to]
    in ``agencies``: those without a published interpretation, and interpretations
    published later than their document."""
    genres = interpreted_genres()
    documents = agencies.filter(
        public_items()
        .filter(genre__in=genres, publish_date__gte=date_from, publish_date__lte=date_to)
        .defer("body")
        .select_related("publisher"),
        "publisher__agency",
    )
    interpreted = ItemRelation.objects.filter(
        kind=RelationKind.INTERPRETATION, item__in=public_items().values("pk")
    )
    uninterpreted = list(
        documents.exclude(pk__in=interpreted.values("target_id")).order_by("publish_date", "pk")
    )
    late_links = (
        interpreted.filter(target__in=documents.values("pk"))
        .select_related("item", "target")
        .order_by("target__publish_date", "target_id", "item__publish_date")
    )
    late = [
        LateInterpretation(link.target, link.item, link.interpretation_form)
        for link in late_links
        if link.item.publish_date and link.item.publish_date > link.target.publish_date
    ]
    return InterpretationReport(
        genres=genres,
        documents=documents.count(),
        uninterpreted=uninterpreted,
        late=late,
    )


def related_records(
    *,
    item: DisclosureItemPage,
    url_of: Callable[[DisclosureItemPage], str | None],
    links: list[Link] | None = None,
) -> list[dict]:
    """``item_related`` as the API and the feed carry it; ``url_of`` gives a page's
    absolute address."""
    return [
        {
            "kind": entry.kind,
            "direction": entry.direction,
            "interpretation_form": entry.interpretation_form,
            "id": entry.page.pk,
            "index_number": entry.page.index_number,
            "title": entry.page.title,
            "publish_date": entry.page.publish_date.isoformat()
            if entry.page.publish_date
            else None,
            "url": url_of(entry.page),
        }
        for entry in item_related(item=item, links=links)
    ]
