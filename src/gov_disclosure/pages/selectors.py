"""Reads of the catalogue; lists for the public site hold only live, public pages."""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import BigIntegerField, Exists, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    get_page_models,
)

from . import roles
from .models import (
    DisclosureCategoryPage,
    DisclosureGuidePage,
    DisclosureIndexPage,
    DisclosureItemPage,
)
from .public_changes import catalogue_version

ITEMS_PER_PAGE = 20


def ancestor_paths(*, page: Page) -> list[str]:
    """Tree paths of ``page``'s ancestors, root first: read from its own path, no query."""
    step = Page.steplen
    return [page.path[:end] for end in range(step, len(page.path), step)]


def agency_for_page(*, page: Page) -> DisclosureIndexPage | None:
    """The agency whose catalogue holds ``page`` (the page itself if it is an agency root)."""
    return DisclosureIndexPage.objects.ancestor_of(page, inclusive=True).first()


def catalogue_page_at(
    *, root: Page, path_components: list[str], restricted: frozenset[str] | None = None
) -> Page | None:
    """The item (with its stored rendering) or category at this path below ``root``, live
    or not (routing answers 404 for a page not live); None for any other page.

    The page comes with ``under_view_restriction``: whether a view restriction may cover
    it (see ``ViewRestrictionsFromRouteMixin``): looked up in ``restricted`` (from
    ``restricted_addresses``) when given, else asked in the same query of the pages
    whose addresses its own address begins with.
    """
    url_path = root.url_path + "".join(f"{component}/" for component in path_components)
    segments = url_path.strip("/").split("/")
    addresses = [
        "/",
        *("/" + "/".join(segments[:end]) + "/" for end in range(1, len(segments) + 1)),
    ]
    if restricted is None:
        annotation = {
            "under_view_restriction": Exists(
                PageViewRestriction.objects.filter(
                    Q(page__url_path__in=addresses) | Q(page__aliases__url_path__in=addresses)
                )
            )
        }
    else:
        annotation = {}
    lookup = {
        "url_path": url_path,
        # The slug's index finds the few pages that share it; the path settles which.
        "slug": path_components[-1],
        "depth": root.depth + len(path_components),
    }
    items = (
        DisclosureItemPage.objects.filter(**lookup)
        # The body and the department are served from the stored rendering (read only
        # to render it again).
        .defer("body")
        .select_related("rendering")
    )
    categories = DisclosureCategoryPage.objects.filter(**lookup)
    # Right below an agency are its categories; deeper, mostly items.
    kinds = (categories, items) if len(path_components) == 1 else (items, categories)
    for pages in kinds:
        for page in pages.annotate(**annotation).order_by()[:1]:
            if restricted is not None:
                page.under_view_restriction = not restricted.isdisjoint(addresses)
            return page
    return None


def restricted_addresses() -> frozenset[str]:
    """The addresses (``url_path``) of the pages carrying a view restriction and of their
    aliases: a page is covered when one of them begins its own address."""
    restricted_pages = PageViewRestriction.objects.values("page")
    return frozenset(
        Page.objects.filter(
            Q(pk__in=restricted_pages) | Q(alias_of__in=restricted_pages)
        ).values_list("url_path", flat=True)
    )


def view_restrictions_over(*, page: Page) -> QuerySet[PageViewRestriction]:
    """The view restrictions on ``page`` and its ancestors, including those of the source
    of an ancestor that is an alias (Wagtail's rule)."""
    paths = [*ancestor_paths(page=page), page.path]
    return PageViewRestriction.objects.filter(
        Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
    ).distinct()


def agency_list(*, within: Page) -> QuerySet[DisclosureIndexPage]:
    return DisclosureIndexPage.objects.child_of(within).live().public().order_by("path")


def guide_for_agency(*, agency: DisclosureIndexPage) -> DisclosureGuidePage | None:
    return DisclosureGuidePage.objects.child_of(agency).live().public().first()


def subcategory_list(*, category: Page) -> QuerySet[DisclosureCategoryPage]:
    return DisclosureCategoryPage.objects.child_of(category).live().public().order_by("code")


def category_tree(*, agency: DisclosureIndexPage) -> list[tuple[DisclosureCategoryPage, list]]:
    """Top-level categories of an agency, each with its subcategories, in code order."""
    categories = DisclosureCategoryPage.objects.descendant_of(agency).live().public()
    children: dict[str, list[DisclosureCategoryPage]] = {}
    top = []
    for category in sorted(categories, key=lambda c: c.code):
        if category.depth == agency.depth + 1:
            top.append(category)
        else:
            children.setdefault(category.path[: -Page.steplen], []).append(category)
    return [(category, children.get(category.path, [])) for category in top]


def public_agencies() -> QuerySet[DisclosureIndexPage]:
    """The agencies the public can reach (for the request and letter forms)."""
    return DisclosureIndexPage.objects.live().public().order_by("path")


def item_list(*, within: Page) -> QuerySet[DisclosureItemPage]:
    """Published, public items under ``within``, newest first (for tables and feeds:
    without their bodies)."""
    return (
        DisclosureItemPage.objects.descendant_of(within)
        .live()
        .public()
        .defer("body")
        .select_related("publisher")
        .order_by("-publish_date", "-index_number")
    )


# What is counted over a category's items is kept until the next public change.
_COUNTS_SECONDS = 3600


def _kept(key: str, compute):
    key = f"disclosure:catalogue:{catalogue_version()}:{key}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, _COUNTS_SECONDS)
    return value


def category_item_years(*, category: DisclosureCategoryPage) -> list[int]:
    def years():
        dates = item_list(within=category).dates("publish_date", "year", order="DESC")
        return [d.year for d in dates]

    return _kept(f"years:{category.pk}", years)


# The category table's orders: newest first unless the visitor picks a column.
ITEM_ORDERS = {
    "date": ("-publish_date", "-index_number"),
    "date_asc": ("publish_date", "index_number"),
    "index": ("index_number",),
    "title": ("title", "-publish_date"),
}
DEFAULT_ITEM_ORDER = "date"


def _category_items(*, category: DisclosureCategoryPage, year: str | None, sort: str | None):
    items = item_list(within=category).order_by(
        *ITEM_ORDERS.get(sort or "", ITEM_ORDERS[DEFAULT_ITEM_ORDER])
    )
    if year and year.isdigit():
        items = items.filter(publish_date__year=int(year))
    return items


def category_item_count(*, category: DisclosureCategoryPage, year: str | None) -> int:
    """How many items the category's table holds (in the year), kept per catalogue change."""
    year = year if year and year.isdigit() else ""
    return _kept(
        f"count:{category.pk}:{year}",
        lambda: _category_items(category=category, year=year, sort=None).count(),
    )


def category_page_number(*, category, page_number: str | None, year: str | None) -> int:
    """The page of the table ``page_number`` asks for, as ``category_items_page`` settles it
    (a malformed one is the first, one past the end the last), without reading an item."""
    count = category_item_count(category=category, year=year)
    return Paginator(range(count), ITEMS_PER_PAGE).get_page(page_number).number


def category_items_page(
    *,
    category: DisclosureCategoryPage,
    page_number: str | None,
    year: str | None,
    sort: str | None = None,
) -> PaginatorPage:
    """One page of a category's table; a malformed page, year or order falls back gracefully."""
    paginator = Paginator(_category_items(category=category, year=year, sort=sort), ITEMS_PER_PAGE)
    paginator.count = category_item_count(category=category, year=year)
    return paginator.get_page(page_number)


def agency_name_for(*, page: Page) -> str:
    """The name of the agency holding ``page``, kept per catalogue change."""

    def name():
        agency = agency_for_page(page=page)
        return agency.agency_name if agency else ""

    return _kept(f"agency_name:{page.pk}", name)


# The only parameters of a category's address its table's links carry along.
_TABLE_PARAMETERS = {"page", "year", "sort"}


def category_table_key(*, category, request, page_number: int, sort: str) -> str | None:
    """What a category's rendered content (its table, page links, years, subcategories) is
    kept in the cache under, until the next public change; None when the address carries
    other parameters, which the links repeat (kept, they would show them to everyone)."""
    if not set(request.GET) <= _TABLE_PARAMETERS or any(
        len(values) > 1 for _, values in request.GET.lists()
    ):
        return None
    year = request.GET.get("year", "")
    site = getattr(request, "_wagtail_site", None)
    return ":".join(
        str(part)
        for part in (catalogue_version(), category.pk, getattr(site, "pk", ""),
                     page_number, year if year.isdigit() else "", sort)
    )  # fmt: skip


def _referenced_by_public_pages(model) -> QuerySet:
    """Objects of ``model`` used by a live, public page: attachments, rich-text links, images.

    Wagtail's reference index follows what the page row holds, i.e. the published
    content of live pages; drafts of a live page never add to it.
    """
    references = (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            to_content_type=ContentType.objects.get_for_model(model),
        )
        .annotate(page_id=Cast("object_id", BigIntegerField()))
        .filter(page_id__in=Page.objects.live().public().values("pk"))
        .annotate(target_id=Cast("to_object_id", BigIntegerField()))
        .values("target_id")
    )
    return model.objects.filter(pk__in=references)


def items_linking_to(target, *, with_descendants: bool = False) -> list[int]:
    """Items whose stored content links to ``target`` (a page, a document, an image), or
    with ``with_descendants`` to a page below it: Wagtail's reference index."""
    targets = [target.pk]
    if with_descendants and isinstance(target, Page) and not target.is_leaf():
        targets = list(
            Page.objects.descendant_of(target, inclusive=True).values_list("pk", flat=True)
        )
    model = Page if isinstance(target, Page) else type(target)
    return list(
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            to_content_type=ContentType.objects.get_for_model(model),
            to_object_id__in=[str(pk) for pk in targets],
        )
        .values_list("object_id", flat=True)
        .distinct()
    )


DISCLOSURE_COLLECTION = "政府信息公开"


def disclosure_collection() -> Collection | None:
    """The collection (made by a migration) where the office's documents and images go."""
    return Collection.objects.filter(depth=2, name=DISCLOSURE_COLLECTION).first()


def document_is_disclosure_material(*, document) -> bool:
    """True for a document the disclosure rules govern: uploaded into the disclosure
    collection, or used by a disclosure page. A host site's other documents are not."""
    collection = disclosure_collection()
    if collection is not None and document.collection.path.startswith(collection.path):
        return True
    disclosure_types = [
        ContentType.objects.get_for_model(model)
        for model in get_page_models()
        if model.__module__.startswith("gov_disclosure.")
    ]
    return ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        content_type__in=disclosure_types,
        to_content_type=ContentType.objects.get_for_model(type(document)),
        to_object_id=str(document.pk),
    ).exists()


def document_agency_ids(*, document) -> set[int]:
    """The agencies whose pages use ``document`` (any revision's references)."""
    page_ids = ReferenceIndex.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        to_content_type=ContentType.objects.get_for_model(type(document)),
        to_object_id=str(document.pk),
    ).values_list("object_id", flat=True)
    paths = Page.objects.filter(pk__in=[int(pk) for pk in page_ids]).values_list("path", flat=True)
    agencies = roles.agency_paths()
    return {roles.agency_id_for_path(path, agencies) for path in paths} - {None}


def public_documents() -> QuerySet:
    """Documents the public may download: those that published, public pages use."""
    return _referenced_by_public_pages(get_document_model())


def public_images() -> QuerySet:
    """Images the public API may list: those that published, public pages use."""
    return _referenced_by_public_pages(get_image_model())
