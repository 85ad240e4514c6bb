"""Django's model backend, with the roles' templates holding nothing.

A role's platform-wide group (``党政办``) is the template its agency groups copy their
permissions from (``gov_disclosure.pages.roles``). Should someone be put in it, its
permissions would count on every agency; with this backend they count nowhere, and
roles are held only through an agency's group."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission

from .roles import ROLES


class RoleModelBackend(ModelBackend):
    def _get_group_permissions(self, user_obj):
        groups = user_obj.groups.exclude(
            name__in=ROLES, disclosure_agency_role__isnull=True
        ).values("pk")
        return Permission.objects.filter(group__in=Group.objects.filter(pk__in=groups))
