"""How a yes/no filter of an admin listing reads when it is in force: 是 or 否, where Wagtail
would show Python's True or False."""

import django_filters
from django.utils.translation import gettext as _
from wagtail.admin.active_filters import (
    ActiveFilter,
    BaseFilterAdapter,
    register_filter_adapter_class,
)


class YesNoFilterAdapter(BaseFilterAdapter):
    def get_active_filters(self):
        yield ActiveFilter(
            self.bound_field.auto_id,
            self.filter.label,
            _("是") if self.value else _("否"),
            self.get_url_without_filter_param(self.name),
        )


def register() -> None:
    register_filter_adapter_class(django_filters.BooleanFilter, YesNoFilterAdapter)
