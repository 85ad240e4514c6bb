"""Admin views of records that belong to one agency (appeals, departments, …): each user
lists, opens and changes only those of the agencies where they hold the permission.

``AgencyPermissionPolicy`` answers Wagtail's permission questions per instance from the
instance's agency (``roles.agencies_where``); ``agency_scoped`` makes every view of a model
or snippet viewset read its rows through the policy, and offers in a form's agency field
only the agencies the user may add to or change in.
"""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from wagtail.permission_policies.base import ModelPermissionPolicy

from . import roles


class AgencyPermissionPolicy(ModelPermissionPolicy):
    """Model permissions held per agency (through the agency's role groups)."""

    agency_field = "agency"

    def agencies_user_has_permission_for(self, user, action) -> roles.AgencyScope:
        return roles.agencies_where(user, self._get_permission_name(action))

    def user_has_permission(self, user, action):
        return bool(self.agencies_user_has_permission_for(user, action))

    def user_has_permission_for_instance(self, user, action, instance):
        agency_id = getattr(instance, f"{self.agency_field}_id")
        return agency_id in self.agencies_user_has_permission_for(user, action)

    def instances_user_has_permission_for(self, user, action):
        scope = self.agencies_user_has_permission_for(user, action)
        if not scope:
            return self.model._default_manager.none()
        return scope.filter(self.model._default_manager.all(), self.agency_field)

    def users_with_permission_for_instance(self, action, instance):
        return roles.users_with_permission(
            self.model._meta.app_label,
            f"{action}_{self.model._meta.model_name}",
            agency_id=getattr(instance, f"{self.agency_field}_id"),
        )


class _Scoped:
    def scoped_rows(self):
        """The rows the user may view, by the model's permission policy."""
        return self.permission_policy.instances_user_has_permission_for(self.request.user, "view")


class _ScopedListing(_Scoped):
    def get_base_queryset(self):  # filters, search and ordering then apply as usual
        return self.scoped_rows()


class _ScopedObject(_Scoped):
    def get_queryset(self):  # edit, delete: SingleObjectMixin looks the object up here
        return self.scoped_rows()


class _ScopedInspected(_Scoped):
    def get_object(self, queryset=None):  # inspect reads the model directly
        return get_object_or_404(self.scoped_rows(), pk=unquote(str(self.pk)))


class _ScopedSubject(_Scoped):
    def get_base_object_queryset(self):  # history, usage: whose entries they list
        return self.scoped_rows()


class _AgencyChoices:
    """A form's agency field offers the agencies where the user may do the view's action,
    and a choice of another agency's record (an appeal's request) only those agencies'."""

    scope_action = "change"

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        scope = self.permission_policy.agencies_user_has_permission_for(
            self.request.user, self.scope_action
        )
        for name, field in form.fields.items():
            queryset = getattr(field, "queryset", None)
            if queryset is None:
                continue
            if name == self.permission_policy.agency_field:
                field.queryset = scope.filter(queryset, "pk")
            elif any(f.name == "agency" for f in queryset.model._meta.get_fields()):
                field.queryset = scope.filter(queryset, "agency")
        return form


class _AddChoices(_AgencyChoices):
    scope_action = "add"


_SCOPED_VIEWS = {
    "index_view_class": (_ScopedListing,),
    "add_view_class": (_AddChoices,),
    "edit_view_class": (_ScopedObject, _AgencyChoices),
    "delete_view_class": (_ScopedObject,),
    "inspect_view_class": (_ScopedInspected,),
    "history_view_class": (_ScopedSubject,),
    "usage_view_class": (_ScopedSubject,),
}


def agency_scoped(viewset_class):
    """``viewset_class`` (a model or snippet viewset) with every view seeing only the rows
    of the user's agencies; the model's permission policy must be an
    ``AgencyPermissionPolicy``. Copying is turned off (a copy could change agency)."""
    attributes = {"copy_view_enabled": False}
    for attribute, mixins in _SCOPED_VIEWS.items():
        view_class = getattr(viewset_class, attribute)
        attributes[attribute] = type(
            f"AgencyScoped{view_class.__name__}", (*mixins, view_class), {}
        )
    return type(
        viewset_class.__name__,
        (viewset_class,),
        {"__module__": viewset_class.__module__, **attributes},
    )
