"""公众评价 in the Wagtail admin: the list, a rating's page and its moderation."""

import django_filters
from django.urls import path
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from gov_disclosure.core.admin_columns import DayColumn
from gov_disclosure.core.admin_filters import recent_year_choices

from .admin_views import (
    URL_NAMESPACE,
    CommentColumn,
    RatingIndexView,
    RatingInspectView,
    RatingModerateView,
)
from .models import Rating
from .permissions import RatingPermissionPolicy

register_permission_policy(Rating, RatingPermissionPolicy(Rating))


class RatingFilterSet(WagtailFilterSet):
    year = django_filters.ChoiceFilter(
        label=gettext_lazy("评价年份"),
        field_name="created_at__year",
        choices=recent_year_choices,
        empty_label=gettext_lazy("全部年份"),
    )

    class Meta:
        model = Rating
        fields = ["satisfaction", "comment_state", "kind", "year", "agency"]


class RatingViewSet(ModelViewSet):
    model = Rating
    icon = "pick"
    menu_label = gettext_lazy("公众评价")
    menu_order = 260
    add_to_admin_menu = True
    url_namespace = URL_NAMESPACE
    url_prefix = "ratings"
    index_view_class = RatingIndexView
    inspect_view_class = RatingInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = RatingFilterSet
    search_backend_name = None
    search_fields = ["target_title"]
    list_per_page = 50
    list_display = [
        "target_title",
        "kind",
        "satisfaction",
        CommentColumn("comment", label=gettext_lazy("留言")),
        "comment_state",
        DayColumn("created_at__date", sort_key="created_at", label=gettext_lazy("评价日期")),
        "agency",
    ]
    # Never offered (the permission policy allows viewing only): ratings change by moderation.
    form_fields = ["satisfaction"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "moderate/<int:pk>/<slug:decision>/",
                RatingModerateView.as_view(),
                name="moderate",
            ),
        ]
