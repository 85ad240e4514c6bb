"""The office's admin views of a request: the list, its page, actions, registration, files.

Each looks the request up among those the user may see (``requests_visible_to``),
so a URL guessed for someone else's request is a 404.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView
from wagtail.admin.views.generic import EditView, HistoryView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.usage import UsageView

from gov_disclosure.core.admin_search import PersonLookupSearchMixin
from gov_disclosure.pages.roles import agencies_where
from gov_disclosure.security.access_log import personal_data_listed, personal_data_viewed
from gov_disclosure.security.models import AccessKind

from . import services
from .admin_forms import ACTION_FORMS, DECIDER_ACTIONS, MANAGER_ACTIONS, StaffRequestForm
from .models import DisclosureRequest
from .selectors import (
    MANAGE,
    pending_extension,
    request_clock,
    request_timeline,
    requests_managed_by,
    requests_visible_to,
    user_manages_requests,
    user_may_handle,
)
from .services import TransitionRefused, applicant_file_store, request_submit
from .transitions import ACTIONS, available_actions

URL_NAMESPACE = "disclosure_requests_admin"


def applicant_field(name: str, *, purged: str = ""):
    """Reads one field of a request's applicant; ``purged`` once the data was purged."""

    def value(request: DisclosureRequest) -> str:
        applicant = getattr(request, "applicant", None)
        return getattr(applicant, name) if applicant else purged

    return value


def _date(value) -> str:
    return value.isoformat() if value else ""


# The export's columns: key → (heading, value of a request).
EXPORT_COLUMNS = {
    "reference": (gettext_lazy("受理编号"), lambda r: r.reference),
    "agency": (gettext_lazy("受理机关"), lambda r: r.agency.agency_name),
    "received_on": (gettext_lazy("收到日期"), lambda r: _date(r.received_on)),
    "channel": (gettext_lazy("申请方式"), lambda r: r.get_channel_display()),
    "applicant_category": (
        gettext_lazy("申请人类型"),
        lambda r: r.get_applicant_category_display(),
    ),
    "applicant_name": (gettext_lazy("申请人"), applicant_field("name")),
    "applicant_phone": (gettext_lazy("联系电话"), applicant_field("phone")),
    "applicant_email": (gettext_lazy("电子邮箱"), applicant_field("email")),
    "description": (gettext_lazy("申请内容"), lambda r: r.description),
    "state": (gettext_lazy("状态"), lambda r: r.get_state_display()),
    "handler": (gettext_lazy("承办人"), lambda r: str(r.handler or "")),
    "answer_due_on": (gettext_lazy("答复期限"), lambda r: _date(r.answer_due_on)),
    "answered_on": (gettext_lazy("答复日期"), lambda r: _date(r.answered_on)),
    "answer_type": (gettext_lazy("办理结果"), lambda r: r.get_answer_type_display()),
    "closed_on": (gettext_lazy("办结日期"), lambda r: _date(r.closed_on)),
}


class RequestIndexView(PersonLookupSearchMixin, IndexView):
    person_relation = "applicant"

    def get_base_queryset(self):
        return requests_visible_to(user=self.request.user).select_related("applicant")

    def get_edit_url(self, instance):
        return None  # the title opens the request's page, where its actions are

    @cached_property
    def list_export(self):
        # The office's own export holds applicants' data: 党政办 only.
        if not user_manages_requests(self.request.user):
            return []
        return list(EXPORT_COLUMNS)

    @cached_property
    def export_headings(self):
        return {key: heading for key, (heading, _value) in EXPORT_COLUMNS.items()}

    def to_row_dict(self, item):
        return {key: value(item) for key, (_heading, value) in EXPORT_COLUMNS.items()}

    def as_spreadsheet(self, queryset, spreadsheet_format):
        personal_data_listed(
            self.request,
            [(r.agency_id, r) for r in queryset if getattr(r, "applicant", None)],
            label=_("申请导出"),
            kind=AccessKind.EXPORT,
        )
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.is_export:  # recorded as the export (as_spreadsheet)
            return context
        # The list shows applicants' names.
        personal_data_listed(
            self.request,
            [(r.agency_id, r) for r in context["object_list"] if getattr(r, "applicant", None)],
            label=_("申请列表"),
        )
        return context

    def dispatch(self, request, *args, **kwargs):
        if request.GET.get("export") and not user_manages_requests(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class VisibleRequestMixin:
    """The request named in the URL, if the user may see it; 404 otherwise."""

    def get_request_object(self) -> DisclosureRequest:
        return get_object_or_404(requests_visible_to(user=self.request.user), pk=self.kwargs["pk"])


class RequestInspectView(VisibleRequestMixin, InspectView):
    template_name = "disclosure_requests/admin/inspect.html"

    def get_object(self, queryset=None):
        return self.get_request_object()

    def get_page_title(self):
        return _("依申请公开申请")

    def get_edit_url(self):
        if user_manages_requests(self.request.user, agency_id=self.object.agency_id):
            return reverse(f"{URL_NAMESPACE}:edit", args=[self.object.pk])
        return None

    def get_delete_url(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        obj = self.object
        user = self.request.user
        may_act = user_may_handle(user=user, request=obj)
        extension = pending_extension(request=obj)
        if getattr(obj, "applicant", None):
            personal_data_viewed(self.request, record=obj, agency_id=obj.agency_id, label=str(obj))
        context.update(
            pending_extension=extension,
            decides_extension=extension is not None and extension.approver_id == user.pk,
            req=obj,
            applicant=getattr(obj, "applicant", None),
            clock=request_clock(request=obj),
            timeline=request_timeline(request=obj),
            actions=[
                (action, reverse(f"{URL_NAMESPACE}:action", args=[obj.pk, action.name]))
                for action in available_actions(obj.state)
                if may_act
                and (
                    action.name not in MANAGER_ACTIONS
                    or user_manages_requests(user, agency_id=obj.agency_id)
                )
                and not (action.name == "request_extension" and extension is not None)
            ],
            namespace=URL_NAMESPACE,
        )
        return context


class RequestEditView(EditView):
    """Correcting the description or the form of delivery (党政办; logged as an edit)."""

    def dispatch(self, request, *args, **kwargs):
        if not user_manages_requests(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        return get_object_or_404(requests_managed_by(user=self.request.user), pk=self.kwargs["pk"])

    def get_success_url(self):
        return reverse(f"{URL_NAMESPACE}:inspect", args=[self.object.pk])


class RequestHistoryView(HistoryView):
    def get_base_object_queryset(self):
        return requests_visible_to(user=self.request.user)


class RequestUsageView(UsageView):
    def get_base_object_queryset(self):
        return requests_visible_to(user=self.request.user)


class RequestActionView(VisibleRequestMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "disclosure_requests/admin/action.html"
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_request_object()
        self.action = ACTIONS.get(kwargs["action"])
        if self.action is None or self.action.name not in ACTION_FORMS:
            raise Http404
        if self.action.name in DECIDER_ACTIONS:
            extension = pending_extension(request=self.object)
            if extension is None or extension.approver_id != request.user.pk:
                raise PermissionDenied
        elif not user_may_handle(user=request.user, request=self.object) or (
            self.action.name in MANAGER_ACTIONS
            and not user_manages_requests(request.user, agency_id=self.object.agency_id)
        ):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.action.label

    def get_page_subtitle(self):
        return self.object.reference

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{URL_NAMESPACE}:index"), "label": _("申请办理")},
            {
                "url": reverse(f"{URL_NAMESPACE}:inspect", args=[self.object.pk]),
                "label": self.object.reference,
            },
            {"url": "", "label": self.action.label},
        ]

    def get_form_class(self):
        return ACTION_FORMS[self.action.name]

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs.update(request=self.object, user=self.request.user)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            req=self.object,
            allowed=self.object.state in self.action.from_states,
            back_url=reverse(f"{URL_NAMESPACE}:inspect", args=[self.object.pk]),
            clock=request_clock(request=self.object),
        )
        return context

    def form_valid(self, form):
        try:
            with transaction.atomic():
                form.perform()
                services.office_uploads_release(form.used_held_files())
        except TransitionRefused as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        except ValidationError as invalid:
            form.add_error(None, invalid)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("%(reference)s：%(action)s 已完成。")
            % {"reference": self.object.reference, "action": self.action.label},
        )
        return redirect(f"{URL_NAMESPACE}:inspect", self.object.pk)

    def form_invalid(self, form):
        # What was typed is shown again by the form; the files chosen are held for it.
        form.hold_uploads()
        return self.render_to_response(self.get_context_data(form=form), status=400)


class RegisterRequestView(WagtailAdminTemplateMixin, FormView):
    """登记: a request that arrived on paper, by post, fax or e-mail."""

    template_name = "disclosure_requests/admin/register.html"
    form_class = StaffRequestForm
    header_icon = "form"
    page_title = gettext_lazy("登记申请")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{URL_NAMESPACE}:index"), "label": _("申请办理")},
            {"url": "", "label": self.page_title},
        ]

    def dispatch(self, request, *args, **kwargs):
        if not user_manages_requests(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"received_at": timezone.localtime().replace(second=0, microsecond=0)}

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # Only for the agencies whose requests the user manages.
        scope = agencies_where(self.request.user, MANAGE)
        form.fields["agency"].queryset = scope.filter(form.fields["agency"].queryset, "pk")
        return form

    def form_valid(self, form):
        with transaction.atomic():
            files = [
                applicant_file_store(upload=upload, kind=kind)
                for upload, kind in form.accepted_uploads
            ]
            registered = request_submit(
                agency=form.cleaned_data["agency"],
                request_fields=form.request_fields(),
                applicant_fields=form.applicant_fields(),
                files=files,
                channel=form.cleaned_data["channel"],
                received_at=form.cleaned_data["received_at"],
                user=self.request.user,
            )
        messages.success(
            self.request,
            _("已登记申请 %(reference)s，查询码 %(code)s。")
            % {"reference": registered.reference, "code": registered.tracking_code},
        )
        return redirect(f"{URL_NAMESPACE}:inspect", registered.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


def request_file(request, pk: int, kind: str, file_id: int):
    """An applicant's upload or an office document of a request the user may see."""
    found = get_object_or_404(requests_visible_to(user=request.user), pk=pk)
    files = {"applicant": found.applicant_files, "document": found.documents}.get(kind)
    if files is None:
        raise Http404
    stored = get_object_or_404(files, pk=file_id)
    personal_data_viewed(
        request,
        record=found,
        agency_id=found.agency_id,
        label=f"{found}：{stored.original_name}",
        kind=AccessKind.DOWNLOAD,
    )
    response = FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
