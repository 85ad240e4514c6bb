"""The office's roles, held per agency, and the district's platform role.

Each role (信息员, 分管领导, 保密审查员, 党政办, 监督) is held **for one agency**: a
group per agency and role (``庄市街道办事处·党政办``, registered as ``AgencyRole``) holds
the role's page permissions on that agency's catalogue root and the role's admin
permissions, which apply to that agency's requests, letters, reports and logs only.
One person may hold roles in several agencies.

The role's platform-wide group of the same name (``党政办``) is its **template**: the
apps' migrations grant it the role's admin permissions, and ``role_groups_sync``
copies them to every agency's group (platform settings excepted, see
``PLATFORM_APPS``). Templates have no members: a member would hold the permissions
for no agency.

The **platform** level: 区政务公开办 reads every agency's catalogue, reports, logs
and figures and keeps the platform's settings, without editing or approving any
agency's items; the platform administrator is a superuser. A permission held any
other way (a host site's own group, or given to the user directly) counts on the
whole platform, as Django means it.

Wagtail's page permissions are narrowed further by ``gov_disclosure.pages.permissions``.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import BigIntegerField, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, WorkflowState

from .models.roles import AgencyRole, Role

INFORMATION_OFFICER = Role.INFORMATION_OFFICER.value
LEADER_IN_CHARGE = Role.LEADER_IN_CHARGE.value
CONFIDENTIALITY_REVIEWER = Role.CONFIDENTIALITY_REVIEWER.value
OFFICE = Role.OFFICE.value
SUPERVISOR = Role.SUPERVISOR.value
DISTRICT_OFFICE = "区政务公开办"

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

# Whose permissions concern the whole platform, not one agency: the sources the
# district aggregates, the public search's settings, the working-day calendar, the
# sensitive-word list. A template's permissions there are not copied to agencies.
PLATFORM_APPS = {"disclosure_aggregation", "disclosure_search", "disclosure_workcalendar"}
# …except these models of those apps, which belong to one agency.
AGENCY_MODELS_OF_PLATFORM_APPS = {("disclosure_search", "agencysearchsettings")}
PLATFORM_PERMISSIONS = {
    ("disclosure_review", codename)
    for codename in (
        "add_sensitiveword",
        "change_sensitiveword",
        "delete_sensitiveword",
        "view_sensitiveword",
    )
} | {("disclosure_api", "change_apisettings")}


# What 区政务公开办 reads on every agency, and the yearly assessment rubric it keeps; it
# also keeps the platform's settings (the template 党政办's permissions in PLATFORM_APPS
# and PLATFORM_PERMISSIONS).
DISTRICT_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("disclosure_review", "view_accountability_log"),
    ("disclosure_review", "view_timeliness_report"),
    ("disclosure_review", "view_interpretation_report"),
    ("disclosure_standards", "view_appliedarea"),
    ("disclosure_security", "view_personaldataaccess"),
    ("disclosure_annual_reports", "view_annualfigures"),
    ("disclosure_letters", "view_letter_statistics"),
    ("disclosure_feedback", "view_rating"),
    ("disclosure_feedback", "view_proposal"),
    ("disclosure_feedback", "view_campaign"),
    ("disclosure_assessment", "view_rubric"),
    ("disclosure_assessment", "add_rubric"),
    ("disclosure_assessment", "change_rubric"),
    ("disclosure_assessment", "delete_rubric"),
]


def _platform_q() -> Q:
    platform = Q(content_type__app_label__in=PLATFORM_APPS)
    for app_label, model in AGENCY_MODELS_OF_PLATFORM_APPS:
        platform &= ~Q(content_type__app_label=app_label, content_type__model=model)
    for app_label, codename in PLATFORM_PERMISSIONS:
        platform |= Q(content_type__app_label=app_label, codename=codename)
    return platform


def role_group_name(agency: Page, role: str) -> str:
    """``庄市街道办事处·党政办``: the agency's portal title without 政府信息公开."""
    return f"{agency.title.removesuffix('政府信息公开').strip() or agency.title}·{role}"


def _agency_permissions(template: Group) -> QuerySet[Permission]:
    return template.permissions.exclude(_platform_q())


def _group_sync(group: Group, template: Group | None, agency: Page, role: str) -> None:
    group.permissions.set(_agency_permissions(template) if template else [])
    GroupCollectionPermission.objects.filter(group=group).delete()
    if template is not None:
        GroupCollectionPermission.objects.bulk_create(
            GroupCollectionPermission(
                group=group, collection_id=held.collection_id, permission_id=held.permission_id
            )
            for held in GroupCollectionPermission.objects.filter(group=template)
        )
    for codename in PAGE_PERMISSIONS[role]:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=agency,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


@transaction.atomic
def agency_roles_ensure(*, agency: Page) -> dict[str, Group]:
    """The agency's group for every role, created if missing, its permissions those of
    the role's template and the role's page permissions on the agency; safe to repeat."""
    templates = {group.name: group for group in Group.objects.filter(name__in=ROLES)}
    groups = {}
    for role in ROLES:
        existing = (
            AgencyRole.objects.select_related("group").filter(agency=agency, role=role).first()
        )
        if existing is None:
            name = role_group_name(agency, role)
            if Group.objects.filter(name=name).exists():
                name = f"{name}（{agency.pk}）"
            existing = AgencyRole.objects.create(
                group=Group.objects.create(name=name), agency_id=agency.pk, role=role
            )
        _group_sync(existing.group, templates.get(role), agency, role)
        groups[role] = existing.group
    return groups


def district_group_ensure() -> Group:
    """The platform's 区政务公开办, with its reading and platform permissions."""
    group, _ = Group.objects.get_or_create(name=DISTRICT_OFFICE)
    reads = Q(pk__in=[])
    for app_label, codename in DISTRICT_PERMISSIONS:
        reads |= Q(content_type__app_label=app_label, codename=codename)
    office = Group.objects.filter(name=OFFICE).first()
    platform = office.permissions.filter(_platform_q()) if office else Permission.objects.none()
    group.permissions.set([*Permission.objects.filter(reads), *platform])
    return group


def role_groups_sync() -> None:
    """Every agency's groups given their templates' permissions again, and the district's
    its own (after migrations that granted the templates new ones)."""
    from .models import DisclosureIndexPage

    tables = connection.introspection.table_names()
    if AgencyRole._meta.db_table not in tables or not Group.objects.filter(name__in=ROLES):
        return  # a partial migrate: the roles are not there yet
    district_group_ensure()
    for agency in DisclosureIndexPage.objects.all():
        agency_roles_ensure(agency=agency)


def agency_role_group(agency: Page, role: str) -> Group:
    return AgencyRole.objects.select_related("group").get(agency=agency, role=role).group


def role_grant(*, user, agency: Page, role: str) -> None:
    """Give ``user`` ``role`` in ``agency`` (the change is logged by the review app)."""
    user.groups.add(agency_roles_ensure(agency=agency)[role])
    _forget(user)


def role_revoke(*, user, agency: Page, role: str) -> None:
    user.groups.remove(agency_role_group(agency, role))
    _forget(user)


def _forget(user) -> None:
    for attribute in (
        "_disclosure_roles",
        "_disclosure_scope_cache",
        "_disclosure_permissions_held",
        "_disclosure_agency_paths",
        "_disclosure_reviewer_agencies",
    ):
        user.__dict__.pop(attribute, None)


# -- who holds what, where -----------------------------------------------------------


@dataclass(frozen=True)
class AgencyScope:
    """The agencies a user holds something in: all of them, or these."""

    everywhere: bool = False
    agency_ids: frozenset[int] = frozenset()

    def __bool__(self) -> bool:
        return self.everywhere or bool(self.agency_ids)

    def __contains__(self, agency_id) -> bool:
        return self.everywhere or agency_id in self.agency_ids

    def __and__(self, other: "AgencyScope") -> "AgencyScope":
        if self.everywhere:
            return other
        if other.everywhere:
            return self
        return AgencyScope(agency_ids=self.agency_ids & other.agency_ids)

    def __or__(self, other: "AgencyScope") -> "AgencyScope":
        if self.everywhere or other.everywhere:
            return EVERYWHERE
        return AgencyScope(agency_ids=self.agency_ids | other.agency_ids)

    def filter(self, queryset: QuerySet, field: str = "agency") -> QuerySet:
        """``queryset`` narrowed to these agencies (``field`` names the agency)."""
        if self.everywhere:
            return queryset
        return queryset.filter(**{f"{field}__in": self.agency_ids})


EVERYWHERE = AgencyScope(everywhere=True)
NOWHERE = AgencyScope()


@dataclass(frozen=True)
class Memberships:
    roles: dict[int, frozenset[str]]  # agency id → roles held there
    agency_groups: dict[int, int]  # group id → its agency
    other_groups: frozenset[int]  # groups counting on the whole platform
    platform_roles: frozenset[str]


def user_memberships(user) -> Memberships:
    """The user's groups, by agency role and otherwise (read once per request)."""
    cached = user.__dict__.get("_disclosure_roles")
    if cached is not None:
        return cached
    roles: dict[int, set[str]] = {}
    agency_groups: dict[int, int] = {}
    other: set[int] = set()
    platform: set[str] = set()
    if user.is_authenticated and user.is_active:
        for group_id, name, agency_id, role in user.groups.values_list(
            "pk", "name", "disclosure_agency_role__agency_id", "disclosure_agency_role__role"
        ):
            if agency_id is not None:
                roles.setdefault(agency_id, set()).add(role)
                agency_groups[group_id] = agency_id
            elif name not in ROLES:  # a template's member holds it nowhere
                other.add(group_id)
                platform.add(name)
    cached = Memberships(
        {agency: frozenset(names) for agency, names in roles.items()},
        agency_groups,
        frozenset(other),
        frozenset(platform),
    )
    user.__dict__["_disclosure_roles"] = cached
    return cached


def user_has_role(user, role: str, *, agency_id: int | None = None) -> bool:
    """True if ``user`` holds ``role`` in that agency (in any, without one)."""
    held = user_memberships(user).roles
    if agency_id is not None:
        return role in held.get(agency_id, ())
    return any(role in names for names in held.values())


def user_is_district(user) -> bool:
    """The district's 区政务公开办 (or a superuser): reads every agency."""
    return user.is_active and (
        user.is_superuser or DISTRICT_OFFICE in user_memberships(user).platform_roles
    )


def agencies_with_role(user, *roles: str) -> AgencyScope:
    """The agencies where ``user`` holds one of ``roles`` (all of them for a superuser)."""
    if not user.is_active:
        return NOWHERE
    if user.is_superuser:
        return EVERYWHERE
    wanted = set(roles)
    return AgencyScope(
        agency_ids=frozenset(
            agency for agency, names in user_memberships(user).roles.items() if names & wanted
        )
    )


def agencies_where(user, permission: str) -> AgencyScope:
    """The agencies in which ``user`` holds ``permission`` ("app_label.codename").

    Held through an agency's group: in that agency. Through 区政务公开办, a host
    site's group or directly: everywhere. A superuser holds everything everywhere."""
    if not (user.is_authenticated and user.is_active):
        return NOWHERE
    if user.is_superuser:
        return EVERYWHERE
    cache = user.__dict__.setdefault("_disclosure_scope_cache", {})
    if permission in cache:
        return cache[permission]
    memberships = user_memberships(user)
    held = _permissions_held(user, memberships)
    holding = held.by_group.get(permission, set())
    if holding & memberships.other_groups or permission in held.directly:
        scope = EVERYWHERE
    else:
        scope = AgencyScope(agency_ids=frozenset(memberships.agency_groups[pk] for pk in holding))
    cache[permission] = scope
    return scope


@dataclass(frozen=True)
class _PermissionsHeld:
    by_group: dict[str, set[int]]  # "app_label.codename" → the user's groups holding it
    directly: frozenset[str]


def _permissions_held(user, memberships) -> _PermissionsHeld:
    """Every permission of the user's groups and of the user, read once per user object:
    an admin page asks for dozens (each menu item its own)."""
    held = user.__dict__.get("_disclosure_permissions_held")
    if held is None:
        by_group: dict[str, set[int]] = {}
        rows = Group.permissions.through.objects.filter(
            group_id__in=[*memberships.agency_groups, *memberships.other_groups]
        ).values_list("group_id", "permission__content_type__app_label", "permission__codename")
        for group_id, app_label, codename in rows:
            by_group.setdefault(f"{app_label}.{codename}", set()).add(group_id)
        directly = frozenset(
            f"{app_label}.{codename}"
            for app_label, codename in user.user_permissions.values_list(
                "content_type__app_label", "codename"
            )
        )
        held = user.__dict__["_disclosure_permissions_held"] = _PermissionsHeld(by_group, directly)
    return held


def user_manages_catalogue(user, *, agency_id: int | None = None) -> bool:
    """党政办 (and superusers) manage the agency's whole catalogue, beyond any one
    department; without an agency: in some agency."""
    return user.is_active and (
        user.is_superuser or user_has_role(user, OFFICE, agency_id=agency_id)
    )


def agency_paths() -> dict[str, int]:
    """Each agency's tree path → its id."""
    from .models import DisclosureIndexPage

    return dict(DisclosureIndexPage.objects.values_list("path", "pk"))


def agency_id_for_path(path: str, paths: dict[str, int]) -> int | None:
    """The agency (of ``paths``) whose catalogue holds the page at ``path``."""
    while path:
        if path in paths:
            return paths[path]
        path = path[: -Page.steplen]
    return None


def agency_paths_kept(cache_on=None) -> dict[str, int]:
    """``agency_paths()``, kept on ``cache_on`` (the request's user: a listing asks of
    every row)."""
    paths = cache_on.__dict__.get("_disclosure_agency_paths") if cache_on is not None else None
    if paths is None:
        paths = agency_paths()
        if cache_on is not None:
            cache_on.__dict__["_disclosure_agency_paths"] = paths
    return paths


def agency_id_of_page(page: Page, *, cache_on=None) -> int | None:
    """The agency whose catalogue holds ``page``, from the agencies' tree paths."""
    return agency_id_for_path(page.path, agency_paths_kept(cache_on))


def user_department_ids(user) -> set[int]:
    """The departments ``user`` reports items for (Department.members); cached per request."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_disclosure_department_ids", None)
    if cached is None:
        cached = set(user.disclosure_departments.values_list("pk", flat=True))
        user._disclosure_department_ids = cached
    return cached


def item_publisher_id(page: Page, user) -> int | None:
    """The department that publishes ``page`` (None if it is no item).

    The admin's workflow lists (the dashboard's panels, the tasks awaiting review) hold
    their pages with fields deferred: the publishers of every item in review are read in
    one query and kept on ``user``, the request's user, instead of one query per row.
    """
    from .models import DisclosureItemPage

    if "publisher_id" in page.__dict__:
        return page.publisher_id
    if not issubclass(page.specific_class or type(page), DisclosureItemPage):
        return None
    known = user.__dict__.setdefault("_disclosure_publishers", {})
    if page.pk not in known:
        in_review = (
            WorkflowState.objects.active()
            .filter(base_content_type=ContentType.objects.get_for_model(Page))
            .annotate(page_id=Cast("object_id", BigIntegerField()))
            .values("page_id")
        )
        known.update(
            DisclosureItemPage.objects.filter(Q(pk=page.pk) | Q(pk__in=in_review)).values_list(
                "pk", "publisher_id"
            )
        )
    return known.get(page.pk)


def user_category_ids(user) -> set[int]:
    """Categories in which ``user``'s departments may report items (with their subcategories)."""
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_disclosure_category_ids", None)
    if cached is None:
        from gov_disclosure.pages.models import DisclosureCategoryPage

        allowed = DisclosureCategoryPage.objects.filter(
            allowed_departments__members=user
        ).values_list("path", flat=True)
        within = Q()
        for path in set(allowed):
            within |= Q(path__startswith=path)
        cached = (
            set(DisclosureCategoryPage.objects.filter(within).values_list("pk", flat=True))
            if within
            else set()
        )
        user._disclosure_category_ids = cached
    return cached


def users_with_permission(
    app_label: str, *codenames: str, agency_id: int | None = None, include_superusers: bool = True
):
    """Active users holding any of these model permissions: in that agency (through its
    groups, or platform-wide), or anywhere without one. A template's members hold
    nothing."""
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename__in=codenames
    )
    groups = Group.objects.filter(permissions__in=permission).exclude(name__in=ROLES)
    if agency_id is not None:
        groups = groups.filter(
            Q(disclosure_agency_role__agency_id=agency_id) | Q(disclosure_agency_role__isnull=True)
        )
    holds = Q(groups__in=groups) | Q(user_permissions__in=permission)
    if include_superusers:
        holds |= Q(is_superuser=True)
    return (
        get_user_model()
        .objects.filter(holds, is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "username")
    )


def users_with_role(role: str, *, agency_id: int):
    """Active members of the agency's group for ``role``."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            groups__disclosure_agency_role__agency_id=agency_id,
            groups__disclosure_agency_role__role=role,
        )
        .distinct()
        .order_by("last_name", "first_name", "username")
    )
