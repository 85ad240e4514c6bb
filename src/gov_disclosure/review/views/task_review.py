"""The reviewer's page for one workflow step: what was submitted, the automated findings,
overrides with reasons (保密审查), and approve / send back.

Reviewers have no access to the page editor (they sign off, they do not rewrite),
so this page shows them the submitted revision's catalogue data and links its preview.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import TaskState

from gov_disclosure.pages import roles
from gov_disclosure.pages.models import DisclosureItemPage
from gov_disclosure.pages.relations import document_interpretation_status
from gov_disclosure.pages.selectors import agency_for_page

from ..forms import DecisionForm, OverrideForm
from ..models import CheckFinding, ConfidentialityReviewTask, SignOffTask
from ..selectors import revision_findings
from ..services import finding_override, task_state_decide


class TaskReviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "disclosure_review/task_review.html"
    page_title = gettext_lazy("审核")
    header_icon = "tasks"

    def dispatch(self, request, task_state_id):
        self.task_state = get_object_or_404(TaskState, pk=task_state_id).specific
        self.task = self.task_state.task.specific
        if not isinstance(self.task, SignOffTask):
            raise Http404
        self.page = self.task_state.workflow_state.content_object.specific
        self.revision = self.task_state.revision
        is_current = (
            self.task_state.status == TaskState.STATUS_IN_PROGRESS
            and self.page.current_workflow_task_state == self.task_state
        )
        self.actions = self.task.get_actions(self.page, request.user) if is_current else []
        self.action_names = {name for name, _label, _modal in self.actions}
        may_read = (
            self.actions
            or request.user.is_superuser
            or roles.user_manages_catalogue(
                request.user, agency_id=roles.agency_id_of_page(self.page, cache_on=request.user)
            )
            or self.task.user_reviews(self.page, request.user)
        )
        if not may_read:
            raise PermissionDenied
        self.is_confidentiality = isinstance(self.task, ConfidentialityReviewTask)
        return super().dispatch(request, task_state_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": "", "label": f"{self.task.name}：{self.page.get_admin_display_title()}"}
        ]

    def get_context_data(self, **kwargs):
        findings = list(revision_findings(revision=self.revision))
        override_forms = kwargs.pop("override_forms", {})
        for finding in findings:
            finding.form = override_forms.get(finding.pk) or OverrideForm(prefix=f"f{finding.pk}")
        item = self.revision.as_object()
        return super().get_context_data(
            task_state=self.task_state,
            task=self.task,
            item=item,
            submitted_at=self.task_state.workflow_state.created_at,
            attachments=[
                (
                    attachment,
                    [
                        finding
                        for finding in findings
                        if finding.field == "attachment" and finding.source == attachment.title
                    ],
                )
                for attachment in item.attachments.all()
            ],
            revision=self.revision,
            findings=findings,
            unresolved_count=sum(1 for finding in findings if not finding.is_resolved),
            can_override=self.is_confidentiality and bool(self.actions),
            can_approve="approve" in self.action_names,
            can_reject="reject" in self.action_names,
            decision_form=kwargs.pop("decision_form", None) or DecisionForm(),
            preview_url=reverse(
                "wagtailadmin_pages:workflow_preview", args=[self.page.pk, self.task.pk]
            ),
            history_url=reverse("wagtailadmin_pages:workflow_history", args=[self.page.pk]),
            is_confidentiality=self.is_confidentiality,
            interpretation=self._interpretation(item),
            **kwargs,
        )

    def _interpretation(self, item):
        """Whether the document goes out without its 政策解读 (they are to be published
        together): reviewers are warned, not stopped."""
        if not isinstance(item, DisclosureItemPage):
            return None
        agency = agency_for_page(page=self.page)
        if agency is None:
            return None
        status = document_interpretation_status(document=item, agency_path=agency.path)
        return status if status.warns else None

    def post(self, request, task_state_id):
        if not self.actions:
            raise PermissionDenied
        if "override" in request.POST:
            return self._override(request)
        form = DecisionForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decision_form=form), status=400)
        decision = form.cleaned_data["decision"]
        if decision not in self.action_names:
            messages.error(request, _("仍有未处理的检查结果，不能通过。"))
            return redirect(request.path)
        task_state_decide(
            task_state=self.task_state,
            user=request.user,
            decision=decision,
            comment=form.cleaned_data["comment"],
        )
        if decision == "approve":
            self._approved_message(request)
        else:
            messages.success(request, _("已退回作者修改，作者会收到您的意见。"))
        return redirect("wagtailadmin_home")

    def _approved_message(self, request):
        """The last step says what the office needs to know: live, its 索引号, its address."""
        page = type(self.page).objects.get(pk=self.page.pk)
        if page.live and page.live_revision_id == self.revision.pk:
            number = getattr(page, "index_number", "")
            messages.success(
                request,
                _("已发布：%(title)s（索引号 %(number)s）。")
                % {"title": page.title, "number": number or "—"},
                buttons=[messages.button(page.url, _("查看已发布的页面"), new_window=True)]
                if page.url
                else None,
            )
        elif page.current_workflow_state is None and page.go_live_at:
            messages.success(
                request,
                _("已通过终审，将于 %(at)s 定时发布。")
                % {"at": timezone.localtime(page.go_live_at).strftime("%Y-%m-%d %H:%M")},
            )
        else:
            messages.success(request, _("已通过“%(task)s”。") % {"task": self.task.name})

    def _override(self, request):
        if not self.is_confidentiality:
            raise PermissionDenied
        finding = get_object_or_404(
            CheckFinding, pk=request.POST.get("override"), revision_check__revision=self.revision
        )
        form = OverrideForm(request.POST, prefix=f"f{finding.pk}")
        if form.is_valid():
            try:
                finding_override(
                    finding=finding, user=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                form.add_error("reason", error)
        if form.errors:
            return self.render_to_response(
                self.get_context_data(override_forms={finding.pk: form}), status=400
            )
        messages.success(request, _("已记录理由。"))
        return redirect(request.path)
