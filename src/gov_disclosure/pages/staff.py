"""本机关人员: an agency's 党政办 gives its staff their roles and departments in that agency,
without a superuser. Who holds what is read here; changes go through ``staff_save``
(the role and department changes are logged by the review app's signal receivers).

Nobody grants a role in an agency where they are not 党政办, nor a platform role
(区政务公开办, superuser): those stay with the platform administrator.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q, QuerySet

from . import roles
from .models import Department, DisclosureIndexPage


def agencies_staffed_by(user) -> QuerySet[DisclosureIndexPage]:
    """The agencies whose staff ``user`` manages: where they are 党政办 (a superuser: all)."""
    scope = roles.agencies_with_role(user, roles.OFFICE)
    return scope.filter(DisclosureIndexPage.objects.order_by("path"), "pk")


def agency_staff(*, agency: DisclosureIndexPage) -> QuerySet:
    """Whoever holds a role in ``agency`` or reports for one of its departments."""
    return (
        get_user_model()
        .objects.filter(
            Q(groups__disclosure_agency_role__agency=agency)
            | Q(disclosure_departments__agency=agency)
        )
        .distinct()
        .order_by("username")
    )


def staff_roles(*, agency: DisclosureIndexPage, member) -> list[str]:
    held = set(
        member.groups.filter(disclosure_agency_role__agency=agency).values_list(
            "disclosure_agency_role__role", flat=True
        )
    )
    return [role for role in roles.ROLES if role in held]


def staff_departments(*, agency: DisclosureIndexPage, member) -> QuerySet[Department]:
    return member.disclosure_departments.filter(agency=agency).order_by("code")


@transaction.atomic
def staff_save(
    *, agency: DisclosureIndexPage, member, role_names: list[str], departments: list[Department]
) -> None:
    """Make ``member`` hold exactly ``role_names`` and report for exactly ``departments``
    in ``agency``; what they hold in other agencies stays as it is."""
    wanted = set(role_names)
    assert wanted <= set(roles.ROLES), wanted
    assert all(department.agency_id == agency.pk for department in departments)
    groups = roles.agency_roles_ensure(agency=agency)
    held = set(staff_roles(agency=agency, member=member))
    if added := [groups[role] for role in roles.ROLES if role in wanted - held]:
        member.groups.add(*added)
    if removed := [groups[role] for role in roles.ROLES if role in held - wanted]:
        member.groups.remove(*removed)
    current = set(staff_departments(agency=agency, member=member))
    if joined := [d for d in departments if d not in current]:
        member.disclosure_departments.add(*joined)
    if left := [d for d in current if d not in departments]:
        member.disclosure_departments.remove(*left)


def staff_account_create(*, username: str, name: str, email: str, password: str):
    """A new staff account (no role yet): the platform's users are shared by its agencies."""
    return get_user_model().objects.create_user(
        username=username, email=email, password=password, first_name=name, is_active=True
    )
