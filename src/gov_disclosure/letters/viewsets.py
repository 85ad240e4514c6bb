"""网民信件 in the Wagtail admin: the letters viewset (list, page, history, actions) and
the statistics page."""

import django_filters
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from gov_disclosure.core.admin_columns import DayColumn
from gov_disclosure.core.admin_filters import recent_year_choices

from .admin_views import (
    URL_NAMESPACE,
    LetterActionView,
    LetterHistoryView,
    LetterIndexView,
    LetterInspectView,
    LetterStatisticsView,
)
from .models import OPEN_STATES, Letter, LetterState
from .permissions import LetterPermissionPolicy

register_permission_policy(Letter, LetterPermissionPolicy(Letter))


class LetterFilterSet(WagtailFilterSet):
    state = django_filters.MultipleChoiceFilter(
        label=gettext_lazy("状态"), choices=LetterState.choices
    )
    overdue = django_filters.BooleanFilter(
        label=gettext_lazy("已超期未答复"), method="filter_overdue"
    )
    published = django_filters.BooleanFilter(
        label=gettext_lazy("已公开"), field_name="published_at", lookup_expr="isnull", exclude=True
    )
    year = django_filters.ChoiceFilter(
        label=gettext_lazy("来信年份"),
        field_name="received_on__year",
        choices=recent_year_choices,
        empty_label=gettext_lazy("全部年份"),
    )

    class Meta:
        model = Letter
        fields = ["state", "overdue", "department", "kind", "published", "year", "agency"]

    def filter_overdue(self, queryset, name, value):
        overdue = {"state__in": OPEN_STATES, "reply_due_on__lt": timezone.localdate()}
        return queryset.filter(**overdue) if value else queryset.exclude(**overdue)


def _due_text(letter: Letter) -> str:
    text = letter.reply_due_on.isoformat()
    if letter.is_open and letter.reply_due_on < timezone.localdate():
        return _("%(date)s（已超期）") % {"date": text}
    if letter.replied_on and letter.replied_on > letter.reply_due_on:
        return _("%(date)s（超期答复）") % {"date": text}
    return text


class LetterViewSet(ModelViewSet):
    model = Letter
    icon = "mail"
    menu_label = gettext_lazy("来信办理")
    menu_order = 250
    url_namespace = URL_NAMESPACE
    url_prefix = "letters"
    index_view_class = LetterIndexView
    inspect_view_class = LetterInspectView
    history_view_class = LetterHistoryView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = LetterFilterSet
    # Searched in the database, never through a search index: writers' data stays out (the
    # writer is found by name or phone in LetterIndexView).
    search_backend_name = None
    search_fields = ["number", "tracking_code", "subject", "content"]
    list_per_page = 50
    list_display = [
        "number",
        "subject",
        "kind",
        DayColumn("received_on", sort_key="received_on", label=gettext_lazy("收信日期")),
        "department",
        "state",
        Column("due", label=gettext_lazy("答复期限"), accessor=_due_text),
    ]
    # Never offered (the permission policy allows viewing only): letters change by actions.
    form_fields = ["subject"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("action/<int:pk>/<slug:action>/", LetterActionView.as_view(), name="action"),
            path("statistics/", LetterStatisticsView.as_view(), name="statistics"),
        ]
