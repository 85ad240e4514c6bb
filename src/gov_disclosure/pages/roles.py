"""The office's roles (Django groups), what each may do, and who belongs where.

The groups and their model permissions are created by migrations; page
permissions attach to each agency's catalogue root (``agency_grant_role_permissions``).
Wagtail's page permissions are then narrowed by ``gov_disclosure.pages.permissions``:
an information officer works only in the categories and on the items of their
department, and no one publishes an item except through the review workflow.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import GroupPagePermission, Page

INFORMATION_OFFICER = "信息员"
LEADER_IN_CHARGE = "分管领导"
CONFIDENTIALITY_REVIEWER = "保密审查员"
OFFICE = "党政办"
SUPERVISOR = "监督"

ROLES = [INFORMATION_OFFICER, LEADER_IN_CHARGE, CONFIDENTIALITY_REVIEWER, OFFICE, SUPERVISOR]

# Page permissions on an agency's catalogue. Reviewers hold none: they act
# through their workflow step, not through the page editor.
PAGE_PERMISSIONS = {
    INFORMATION_OFFICER: ["add_page", "change_page"],
    LEADER_IN_CHARGE: [],
    CONFIDENTIALITY_REVIEWER: [],
    OFFICE: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    SUPERVISOR: [],
}


def agency_grant_role_permissions(*, agency: Page) -> None:
    """Give each role its page permissions on one agency's catalogue; safe to repeat."""
    for role, codenames in PAGE_PERMISSIONS.items():
        group = Group.objects.get(name=role)
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=agency,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )


def user_has_role(user, role: str) -> bool:
    """True if ``user`` is in the role's group; cached on the user for the request."""
    if not user.is_authenticated:
        return False
    cached = getattr(user, "_disclosure_role_names", None)
    if cached is None:
        cached = set(user.groups.values_list("name", flat=True))
        user._disclosure_role_names = cached
    return role in cached


def user_manages_catalogue(user) -> bool:
    """党政办 (and superusers) manage the whole catalogue, beyond any one department."""
    return user.is_superuser or user_has_role(user, OFFICE)


def user_department_ids(user) -> set[int]:
    """The departments ``user`` reports items for (Department.members); cached per request."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_disclosure_department_ids", None)
    if cached is None:
        cached = set(user.disclosure_departments.values_list("pk", flat=True))
        user._disclosure_department_ids = cached
    return cached


def user_category_ids(user) -> set[int]:
    """Categories in which ``user``'s departments may report items (with their subcategories)."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_disclosure_category_ids", None)
    if cached is None:
        from gov_disclosure.pages.models import DisclosureCategoryPage

        allowed = DisclosureCategoryPage.objects.filter(
            allowed_departments__members=user
        ).distinct()
        cached = set()
        for category in allowed:
            cached.add(category.pk)
            cached.update(category.get_descendants().values_list("pk", flat=True))
        user._disclosure_category_ids = cached
    return cached


def users_with_permission(app_label: str, *codenames: str, include_superusers: bool = True):
    """Active users holding any of these model permissions, by group or directly."""
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename__in=codenames
    )
    holds = Q(groups__permissions__in=permission) | Q(user_permissions__in=permission)
    if include_superusers:
        holds |= Q(is_superuser=True)
    return (
        get_user_model()
        .objects.filter(holds, is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )
