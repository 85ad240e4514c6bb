"""Admin views of the catalogue beyond Wagtail's page explorer."""

import django_filters
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import PageListingMixin
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import PUBLICATION_DEADLINE_WORKING_DAYS, DisclosureItemPage


class DisclosureItemFilterSet(PageListingViewSet.filterset_class):
    published_late = django_filters.BooleanFilter(
        label=_("超过20个工作日发布"), method="filter_published_late"
    )

    def filter_published_late(self, queryset, name, value):
        if value is None:
            return queryset
        late = Q(publication_working_days__gt=PUBLICATION_DEADLINE_WORKING_DAYS)
        return queryset.filter(late if value else ~late)

    class Meta:
        model = DisclosureItemPage
        fields = ["validity", "genre", "subject", "publisher", "disclosure_period"]


page_permission_policy = PagePermissionPolicy()


def _base_column(name: str) -> Column:
    return next(c for c in PageListingViewSet.columns if c.name == name)


class CatalogueMenuItem(MenuItem):
    def is_shown(self, request):
        # Reviewers and supervisors hold no page permissions; the listing would turn them away.
        return page_permission_policy.explorable_root_instance(request.user) is not None


class CatalogueIndexView(PageListingViewSet.index_view_class):
    # What an officer looks an item up by in the catalogue, matched as substrings. Wagtail's
    # search backend matched every indexed field, the body included: it read every body
    # (16 s at 100,000 items). The public's full-text search covers the content.
    search_fields = ["title", "index_number", "document_number", "keywords"]
    search_backend_name = None

    def annotate_queryset(self, pages):
        # Every row's 发布机构 in one query, not one per row.
        return super().annotate_queryset(pages).prefetch_related("publisher")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        # Wagtail's generic listing matches ``search_fields`` in the database when there is
        # no search backend; its page listing always asks the backend, so that step is
        # skipped.
        queryset = super(PageListingMixin, self).search_queryset(queryset)
        if not self.is_explicitly_ordered:
            # Wagtail leaves a search in the backend's order of relevance; these matches
            # have none, so they keep the listing's own order (and paginate stably).
            queryset = queryset.order_by(
                F("latest_revision_created_at").desc(nulls_last=True), "-pk"
            )
        return queryset


class DisclosureItemListingViewSet(PageListingViewSet):
    """The whole catalogue as one table: filter it, sort it, export it to CSV or Excel."""

    menu_item_class = CatalogueMenuItem
    index_view_class = CatalogueIndexView

    model = DisclosureItemPage
    icon = "list-ul"
    menu_label = _("公开信息目录")
    menu_order = 150
    add_to_admin_menu = True
    columns = [
        _base_column("bulk_actions"),
        _base_column("title"),
        Column("index_number", label=_("索引号"), sort_key="index_number"),
        Column("publisher", label=_("发布机构")),
        # The calendar date, not "13 years ago": the catalogue is cited by date.
        Column("publish_date", label=_("发布日期"), sort_key="publish_date"),
        Column("validity", label=_("有效性"), accessor="get_validity_display", sort_key="validity"),
        Column(
            "publication_working_days",
            label=_("公开用时"),
            accessor="timeliness_display",
            sort_key="publication_working_days",
        ),
        _base_column("parent"),
        _base_column("status"),
        _base_column("latest_revision_created_at"),
    ]
    filterset_class = DisclosureItemFilterSet
    list_export = [
        "index_number",
        "title",
        "publisher_name",
        "subject",
        "genre",
        "document_number",
        "written_date",
        "publish_date",
        "publication_working_days",
        "disclosure_method",
        "disclosure_period",
        "validity",
        "abolished_date",
        "expiry_date",
        "summary",
        "keywords",
        "live",
    ]
    export_headings = {
        "index_number": _("索引号"),
        "title": _("名称"),
        "publisher_name": _("发布机构"),
        "subject": _("主题分类"),
        "genre": _("体裁分类"),
        "document_number": _("文号"),
        "written_date": _("成文日期"),
        "publish_date": _("发布日期"),
        "publication_working_days": _("公开用时（工作日）"),
        "disclosure_method": _("公开方式"),
        "disclosure_period": _("公开时限"),
        "validity": _("有效性"),
        "abolished_date": _("废止日期"),
        "expiry_date": _("失效日期"),
        "summary": _("内容概述"),
        "keywords": _("关键词"),
        "live": _("已发布"),
    }
    export_filename = "disclosure-catalogue"


disclosure_item_listing_viewset = DisclosureItemListingViewSet("disclosure_items")
