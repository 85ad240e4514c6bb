"""The office's roles (Django groups) and the page permissions each holds on an agency."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

INFORMATION_OFFICER = "信息员"
LEADER_IN_CHARGE = "分管领导"
CONFIDENTIALITY_REVIEWER = "保密审查员"
OFFICE = "党政办"
SUPERVISOR = "监督"

ROLES = [INFORMATION_OFFICER, LEADER_IN_CHARGE, CONFIDENTIALITY_REVIEWER, OFFICE, SUPERVISOR]

# Page permissions on an agency's catalogue. Publishing stays with 党政办.
PAGE_PERMISSIONS = {
    INFORMATION_OFFICER: ["add_page", "change_page"],
    LEADER_IN_CHARGE: ["change_page"],
    CONFIDENTIALITY_REVIEWER: ["change_page"],
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
