"""公众参与 in the Wagtail admin: ratings (list, page, moderation) and proposals (list,
page, history, answer)."""

import django_filters
from django.urls import path
from django.utils import timezone
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
from .campaign_admin_views import URL_NAMESPACE as CAMPAIGNS_URL_NAMESPACE
from .campaign_admin_views import (
    CampaignInspectView,
    CampaignPermissionPolicy,
    InvitationCodesView,
    InvitationsAddView,
    SummaryDraftView,
)
from .models import Campaign, Proposal, ProposalAnswerKind, ProposalState, Rating
from .permissions import ProposalPermissionPolicy, RatingPermissionPolicy
from .proposal_admin_views import URL_NAMESPACE as PROPOSALS_URL_NAMESPACE
from .proposal_admin_views import (
    ProposalAnswerView,
    ProposalHistoryView,
    ProposalIndexView,
    ProposalInspectView,
)

register_permission_policy(Rating, RatingPermissionPolicy(Rating))
register_permission_policy(Proposal, ProposalPermissionPolicy(Proposal))
register_permission_policy(Campaign, CampaignPermissionPolicy(Campaign))


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
    menu_order = 100
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


class ProposalFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(label=gettext_lazy("状态"), choices=ProposalState.choices)
    answer_kind = django_filters.ChoiceFilter(
        label=gettext_lazy("答复类型"), choices=ProposalAnswerKind.choices
    )
    overdue = django_filters.BooleanFilter(
        label=gettext_lazy("已超期未答复"), method="filter_overdue"
    )
    year = django_filters.ChoiceFilter(
        label=gettext_lazy("点题年份"),
        field_name="received_on__year",
        choices=recent_year_choices,
        empty_label=gettext_lazy("全部年份"),
    )

    class Meta:
        model = Proposal
        fields = ["state", "answer_kind", "overdue", "year", "agency"]

    def filter_overdue(self, queryset, name, value):
        overdue = {"state": ProposalState.RECEIVED, "answer_due_on__lt": timezone.localdate()}
        return queryset.filter(**overdue) if value else queryset.exclude(**overdue)


class ProposalViewSet(ModelViewSet):
    model = Proposal
    icon = "help"
    menu_label = gettext_lazy("群众点题")
    menu_order = 200
    url_namespace = PROPOSALS_URL_NAMESPACE
    url_prefix = "proposals"
    index_view_class = ProposalIndexView
    inspect_view_class = ProposalInspectView
    history_view_class = ProposalHistoryView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = ProposalFilterSet
    # Searched in the database, never through a search index: contact details stay out.
    search_backend_name = None
    search_fields = ["number", "tracking_code", "topic", "reason"]
    list_per_page = 50
    list_display = [
        "number",
        "topic",
        DayColumn("received_on", sort_key="received_on", label=gettext_lazy("提出日期")),
        DayColumn("answer_due_on", sort_key="answer_due_on", label=gettext_lazy("答复期限")),
        "state",
        "answer_kind",
        "agency",
    ]
    # Never offered (the permission policy allows viewing only): answered by its action.
    form_fields = ["topic"]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("answer/<int:pk>/", ProposalAnswerView.as_view(), name="answer"),
        ]


class CampaignViewSet(ModelViewSet):
    model = Campaign
    icon = "group"
    menu_label = gettext_lazy("民主评议")
    menu_order = 300
    url_namespace = CAMPAIGNS_URL_NAMESPACE
    url_prefix = "campaigns"
    inspect_view_class = CampaignInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "title",
        "agency",
        DayColumn("opens_on", sort_key="opens_on", label=gettext_lazy("开始日期")),
        DayColumn("closes_on", sort_key="closes_on", label=gettext_lazy("截止日期")),
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("invite/<int:pk>/", InvitationsAddView.as_view(), name="invite"),
            path("codes/<int:pk>/", InvitationCodesView.as_view(), name="codes"),
            path("summary/<int:pk>/", SummaryDraftView.as_view(), name="summary"),
        ]
