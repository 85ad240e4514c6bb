"""Signal receivers: thin, each hands over to a service."""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from gov_disclosure.core.task_queue import celery_in_use, queue_after_commit

from . import public_changes, roles, tasks
from .models import DisclosureIndexPage, DisclosureItemPage
from .rendering import renderings_discard, renderings_discard_all
from .routing import routes_forget
from .selectors import items_linking_to
from .services import item_assign_index_number


def assign_index_number_on_publish(sender, instance, **kwargs):
    item_assign_index_number(item=instance)


def create_roles_of_new_agency(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        roles.agency_roles_ensure(agency=instance)


def sync_role_groups(sender, **kwargs):
    # After every migrate: permissions a migration granted a role's template reach the
    # role's group in every agency.
    roles.role_groups_sync()


def rerender_changed(sender, page_ids, **kwargs):
    renderings_discard(page_ids=page_ids)
    # Not needed for correctness (a visitor renders what is missing): ready sooner, by a
    # worker. Without one it would hold up the publisher's request (a renamed category
    # re-renders all its items), so the first visitor renders instead.
    if celery_in_use():
        queue_after_commit(tasks.render_items, list(page_ids), run_here_if_broker_down=False)


def discard_rendering_of_saved_item(sender, instance, **kwargs):
    # Any write to the item's row, including one made outside Wagtail's publishing.
    renderings_discard(page_ids=[instance.pk])


def discard_renderings_linking_to_page(sender, instance, **kwargs):
    # A page's address (and its descendants') is in every body that links to it.
    renderings_discard(page_ids=items_linking_to(instance, with_descendants=True))


def discard_renderings_below(sender, instance, **kwargs):
    # Any page above items (a host's home page, a portal) is named in their breadcrumbs.
    if isinstance(instance, DisclosureItemPage) or instance.is_leaf():
        return
    below = DisclosureItemPage.objects.descendant_of(instance).values_list("pk", flat=True)
    renderings_discard(page_ids=below)
    public_changes.catalogue_changed()


def discard_renderings_linking_to_file(sender, instance, **kwargs):
    renderings_discard(page_ids=items_linking_to(instance))


def discard_all_renderings(sender, **kwargs):
    # A site's host, port or root page is in the addresses of every rendering.
    renderings_discard_all()


def forget_routes(sender, **kwargs):
    routes_forget()


def connect() -> None:
    post_save.connect(
        create_roles_of_new_agency,
        sender=DisclosureIndexPage,
        dispatch_uid="disclosure_pages.agency_roles",
    )
    page_published.connect(
        assign_index_number_on_publish,
        sender=DisclosureItemPage,
        dispatch_uid="disclosure_pages.assign_index_number",
    )
    # After the 索引号: what follows public changes reads the numbered item.
    public_changes.connect()
    connect_renderings()
    connect_routes()


def connect_renderings() -> None:
    public_changes.public_pages_changed.connect(
        rerender_changed, dispatch_uid="disclosure_pages.renderings.changed"
    )
    post_save.connect(
        discard_rendering_of_saved_item,
        sender=DisclosureItemPage,
        dispatch_uid="disclosure_pages.renderings.item_saved",
    )
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(
            discard_renderings_linking_to_page,
            dispatch_uid=f"disclosure_pages.renderings.links.{id(signal)}",
        )
    page_published.connect(
        discard_renderings_below, dispatch_uid="disclosure_pages.renderings.below"
    )
    post_delete.connect(_page_deleted, dispatch_uid="disclosure_pages.renderings.page_deleted")
    for model in (get_document_model(), get_image_model()):
        for signal in (post_save, post_delete):
            signal.connect(
                discard_renderings_linking_to_file,
                sender=model,
                dispatch_uid=f"disclosure_pages.renderings.{model._meta.label_lower}.{id(signal)}",
            )
    for signal in (post_save, post_delete):
        signal.connect(
            discard_all_renderings,
            sender=Site,
            dispatch_uid=f"disclosure_pages.renderings.site.{id(signal)}",
        )


def _page_deleted(sender, instance, **kwargs):
    # Its descendants are deleted (and announce themselves) one by one.
    if isinstance(instance, Page):
        renderings_discard(page_ids=items_linking_to(instance))


def connect_routes() -> None:
    """The routing table (gov_disclosure.pages.routing) follows the sites and the places
    and addresses of pages: a page moved or renamed may be a site's root or above an
    agency."""
    for signal in (post_save, post_delete):
        signal.connect(
            forget_routes, sender=Site, dispatch_uid=f"disclosure_pages.routes.site.{id(signal)}"
        )
        signal.connect(
            forget_routes,  # an agency added or removed
            sender=DisclosureIndexPage,
            dispatch_uid=f"disclosure_pages.routes.agency.{id(signal)}",
        )
    post_page_move.connect(forget_routes, dispatch_uid="disclosure_pages.routes.moved")
    page_slug_changed.connect(forget_routes, dispatch_uid="disclosure_pages.routes.slug")
    # The table holds the addresses under a view restriction and those of their aliases
    # (a new alias gets copies of its source's restrictions).
    for signal in (post_save, post_delete):
        signal.connect(
            forget_routes,
            sender=PageViewRestriction,
            dispatch_uid=f"disclosure_pages.routes.restriction.{id(signal)}",
        )
