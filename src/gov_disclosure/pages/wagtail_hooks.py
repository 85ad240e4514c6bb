from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import roles
from .admin_views import EditablePagesView
from .agency_admin import AgencyPermissionPolicy, agency_scoped
from .models import Department, DisclosureIndexPage
from .permissions import page_type_creatable_by
from .selectors import document_agency_ids, document_is_disclosure_material, public_documents
from .staff_admin import StaffAddView, StaffEditView, StaffIndexView, user_staffs_an_agency
from .viewsets import disclosure_item_listing_viewset

register_permission_policy(Department, AgencyPermissionPolicy(Department))


@agency_scoped
class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    menu_label = _("部门")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "code", "agency"]
    list_filter = ["agency"]
    search_fields = ["name", "code"]
    ordering = ["agency", "code"]


register_snippet(DepartmentViewSet)


@hooks.register("before_serve_document")
def serve_only_published_documents(document, request):
    """An attachment of a draft or a restricted page is not public until that page is:
    before, only the staff of the agencies it belongs to (whose pages use it, or where
    its uploader works) and the district may download it.

    Only the office's documents follow this rule; a host site's own documents are served
    as Wagtail serves them."""
    if not document_is_disclosure_material(document=document):
        return None
    if public_documents().filter(pk=document.pk).exists():
        return None
    user = request.user
    if user.is_authenticated and (
        roles.user_is_district(user)
        or document.uploaded_by_user_id == user.pk
        or _document_agencies(document) & roles.agencies_with_role(user, *roles.ROLES).agency_ids
        or user.is_superuser
    ):
        return None
    raise Http404(_("文件不存在或尚未公开。"))


def _document_agencies(document) -> set[int]:
    # A draft's attachments live in its revision only: the uploader's agencies stand for it.
    agencies = document_agency_ids(document=document)
    uploader = document.uploaded_by_user
    if uploader is not None:
        agencies |= roles.agencies_with_role(uploader, *roles.ROLES).agency_ids
    return agencies


@hooks.register("construct_page_chooser_queryset")
def choose_live_pages_or_ones_own(pages, request):
    """The page chooser (for links) offers every live page, but unpublished ones only of
    the user's agencies: another agency's drafts are not theirs to see, even by title."""
    user = request.user
    if user.is_superuser or roles.user_is_district(user):
        return pages
    scope = roles.agencies_with_role(user, *roles.ROLES)
    own = Q(live=True)
    for tree_path in scope.filter(DisclosureIndexPage.objects.all(), "pk").values_list(
        "path", flat=True
    ):
        own |= Q(path__startswith=tree_path)
    agencies = DisclosureIndexPage.objects.values_list("path", flat=True)
    outside = ~Q(pk__in=[])
    for tree_path in agencies:
        outside &= ~Q(path__startswith=tree_path)
    # Pages outside every agency (the host site's own) follow Wagtail's rules.
    return pages.filter(own | outside)


@hooks.register("register_admin_viewset")
def register_disclosure_item_listing():
    return disclosure_item_listing_viewset


@hooks.register("before_create_page")
def create_only_what_the_role_may(request, parent_page, page_class):
    # The add-page chooser offers only these types (templates/wagtailadmin/pages/add_subpage.html).
    if not page_type_creatable_by(request.user, page_class, parent_page):
        raise PermissionDenied


@hooks.register("register_admin_urls")
def register_editable_pages_url():
    return [
        path("disclosure/editable-pages/", EditablePagesView.as_view(), name="disclosure_editable"),
        path("disclosure/staff/", StaffIndexView.as_view(), name="disclosure_staff"),
        path("disclosure/staff/add/", StaffAddView.as_view(), name="disclosure_staff_add"),
        path(
            "disclosure/staff/<int:user_id>/",
            StaffEditView.as_view(),
            name="disclosure_staff_edit",
        ),
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return user_staffs_an_agency(request.user)


@hooks.register("register_settings_menu_item")
def register_staff_menu_item():
    return StaffMenuItem(_("本机关人员"), reverse("disclosure_staff"), icon_name="group", order=50)


@hooks.register("insert_global_admin_js")
def hide_refused_edit_links():
    return format_html(
        '<script src="{}" data-endpoint="{}" defer></script>',
        static("disclosure_pages/explorer.js"),
        reverse("disclosure_editable"),
    )


@hooks.register("insert_global_admin_css")
def item_editor_css():
    return format_html('<link rel="stylesheet" href="{}">', static("disclosure_pages/editor.css"))
