"""Wagtail's page permissions, narrowed to how a disclosure office divides the work.

Wagtail grants page permissions per group on a subtree. The office needs two
rules that a subtree cannot express:

- an information officer (信息员) adds items only in the categories their
  department reports to, and edits or deletes only their department's items;
  the catalogue's structure (agency, categories, guide) is 党政办's;
- an item (or an annual report) goes live only by passing the review workflow:
  nobody, superusers included, has a "publish" button or bulk action for it. The
  model enforces the same rule for code paths (``ReviewedPublicationMixin``).
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, PagePermissionTester, get_page_models

from . import roles


def reviewed_page_types() -> list[ContentType]:
    """The page types that go live only through the workflow (Django caches the lookup)."""
    models = [m for m in get_page_models() if getattr(m, "publish_only_through_workflow", False)]
    return list(ContentType.objects.get_for_models(*models).values())


def _share_specific_task(page, user) -> None:
    """Give ``page``'s current workflow task its specific form from those already looked
    up for ``user`` (the request's user): Wagtail fetches it per page to decide the lock,
    one query per row of a listing, though a workflow has only a handful of tasks."""
    state = page.current_workflow_task_state
    if state is None or "specific" in state.task.__dict__:
        return
    tasks = user.__dict__.setdefault("_disclosure_specific_tasks", {})
    if state.task.pk not in tasks:
        tasks[state.task.pk] = state.task.specific
    state.task.__dict__["specific"] = tasks[state.task.pk]


class DisclosurePermissionTester(PagePermissionTester):
    def __init__(self, user, page):
        super().__init__(user, page)
        self.manages_catalogue = roles.user_manages_catalogue(
            user, agency_id=roles.agency_id_of_page(page, cache_on=user)
        )

    def page_locked(self):
        _share_specific_task(self.page, self.user)
        return super().page_locked()

    def _is_item(self) -> bool:
        from gov_disclosure.pages.models import DisclosureItemPage

        return issubclass(self.page.specific_class or type(self.page), DisclosureItemPage)

    def _is_category(self) -> bool:
        from gov_disclosure.pages.models import DisclosureCategoryPage

        return issubclass(self.page.specific_class or type(self.page), DisclosureCategoryPage)

    def _owns_item(self) -> bool:
        """The item belongs to one of the user's departments."""
        return roles.item_publisher_id(self.page, self.user) in roles.user_department_ids(self.user)

    def _within_scope(self) -> bool:
        if self.manages_catalogue:
            return True
        return self._is_item() and self._owns_item()

    def can_add_subpage(self):
        if self._is_category() and "is_subcategory" not in self.page.__dict__:
            # Whether a subcategory may go here depends on the category's parent, an agency
            # or a category: told by the agencies' paths, not a query per row of a listing.
            parent_path = self.page.path[: -Page.steplen]
            self.page.is_subcategory = parent_path not in roles.agency_paths_kept(self.user)
        if not super().can_add_subpage():
            return False
        if self.manages_catalogue:
            return True
        return self._is_category() and self.page.pk in roles.user_category_ids(self.user)

    def can_edit(self):
        return super().can_edit() and (self._within_scope() or self._reviewer_access())

    def _reviewer_access(self) -> bool:
        task = self.page.current_workflow_task
        return bool(task) and task.user_can_access_editor(self.page, self.user)

    def can_view_revisions(self):
        # Wagtail offers the history link to everyone but lets in only those who can edit.
        return super().can_view_revisions() and self.can_edit()

    def can_delete(self, ignore_bulk=False):
        # The office's rules first, then Wagtail's, then the one that needs a query: a
        # listing asks this of every row.
        if not self._within_scope() or self._is_live_reviewed_page():
            return False
        if (
            self.user.is_active
            and not self.user.is_superuser
            and self.page.is_leaf()
            and not self.page.live
            and "change" in self.permissions
        ):
            # Wagtail would ask whether the subtree holds a live page; a leaf draft's
            # subtree is itself.
            return True
        return super().can_delete(ignore_bulk=ignore_bulk) and not self._holds_live_reviewed_pages()

    def _is_live_reviewed_page(self) -> bool:
        # Taking a reviewed page (an item, an annual report) offline needs a written
        # reason in the accountability log: deletion would skip it. Unpublish first.
        page_type = self.page.specific_class or type(self.page)
        return getattr(page_type, "publish_only_through_workflow", False) and self.page.live

    def _holds_live_reviewed_pages(self) -> bool:
        """Pages below hold such a page (deleting this one would delete them)."""
        return not self.page.is_leaf() and (
            Page.objects.live()
            .descendant_of(self.page)
            .filter(content_type__in=reviewed_page_types())
            .exists()
        )

    def can_publish(self):
        page_type = self.page.specific_class or type(self.page)
        if getattr(page_type, "publish_only_through_workflow", False):
            return False
        return super().can_publish()

    def can_publish_subpage(self):
        # A category's children are items (or subcategories holding items): a
        # copy or alias published there would bypass the workflow.
        if self._is_category():
            return False
        return super().can_publish_subpage()

    def can_unpublish(self):
        # Unpublishing stays possible for 党政办; for items it asks for a reason.
        return super().can_unpublish() and self.manages_catalogue

    def _holds_publish_permission(self) -> bool:
        return self.user.is_active and (
            self.user.is_superuser or "publish" in getattr(self, "permissions", set())
        )

    def can_unschedule(self):
        # Cancelling an approved schedule stops a publication: left to those who
        # hold the publish permission, although items publish only by workflow.
        return self._holds_publish_permission()

    def can_set_view_restrictions(self):
        return self._holds_publish_permission() and self.manages_catalogue

    def can_lock(self):
        return super().can_lock() and self._within_scope()

    def _fixed_in_place(self) -> bool:
        # A page that is one of a kind per parent and year (an annual report) is
        # neither moved to another agency nor copied into a second one.
        page_type = self.page.specific_class or type(self.page)
        return getattr(page_type, "fixed_in_place", False)

    def can_move(self):
        return super().can_move() and self._within_scope() and not self._fixed_in_place()

    def can_copy(self):
        return super().can_copy() and not self._fixed_in_place()

    def can_reorder_children(self):
        return super().can_reorder_children() and self.manages_catalogue


def page_type_creatable_by(user, page_class, parent: Page) -> bool:
    """The catalogue's structure (categories, guide, annual reports) is its agency's
    党政办's: others create items only, wherever Wagtail's tree permissions let them add."""
    from gov_disclosure.pages.models import DisclosureItemPage

    agency_id = roles.agency_id_of_page(parent, cache_on=user)
    return roles.user_manages_catalogue(user, agency_id=agency_id) or issubclass(
        page_class, DisclosureItemPage
    )
