"""The office's views of proposals: the list, a proposal's page and its answer.

Each looks the proposal up among those the user may see, so another agency's proposal
is a 404; the proposer's contact details are shown to those who answer.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView
from wagtail.admin.views.generic import HistoryView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from gov_disclosure.security.access_log import personal_data_viewed

from .admin_forms import ProposalAnswerForm
from .selectors import proposals_visible_to, user_may_answer
from .services import ProposalActionRefused, proposal_answer

URL_NAMESPACE = "disclosure_proposals_admin"


class VisibleProposalMixin:
    def get_proposal(self):
        return get_object_or_404(
            proposals_visible_to(user=self.request.user).select_related("contact"),
            pk=self.kwargs["pk"],
        )


class ProposalIndexView(IndexView):
    def get_base_queryset(self):
        return proposals_visible_to(user=self.request.user)

    def get_edit_url(self, instance):
        return None  # the topic opens the proposal's page, where it is answered


class ProposalInspectView(VisibleProposalMixin, InspectView):
    template_name = "disclosure_feedback/admin/proposal_inspect.html"

    def get_object(self, queryset=None):
        return self.get_proposal()

    def get_page_title(self):
        return _("群众点题")

    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = self.object
        may_answer = user_may_answer(user=self.request.user, proposal=proposal)
        contact = getattr(proposal, "contact", None) if may_answer else None
        if contact is not None:
            personal_data_viewed(
                self.request, record=proposal, agency_id=proposal.agency_id, label=str(proposal)
            )
        context.update(
            proposal=proposal,
            contact=contact,
            may_answer=may_answer,
            answer_url=reverse(f"{URL_NAMESPACE}:answer", args=[proposal.pk]),
            overdue=not proposal.is_answered and proposal.answer_due_on < timezone.localdate(),
        )
        return context


class ProposalHistoryView(HistoryView):
    def get_base_object_queryset(self):
        return proposals_visible_to(user=self.request.user)


class ProposalAnswerView(VisibleProposalMixin, WagtailAdminTemplateMixin, FormView):
    """答复 (or 修改答复): the answer, its legal ground, the item it leads to."""

    template_name = "disclosure_feedback/admin/proposal_answer.html"
    form_class = ProposalAnswerForm
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        self.proposal = self.get_proposal()
        if not user_may_answer(user=request.user, proposal=self.proposal):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("修改答复") if self.proposal.is_answered else _("答复点题")

    def get_page_subtitle(self):
        return self.proposal.number

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{URL_NAMESPACE}:index"), "label": _("群众点题")},
            {
                "url": reverse(f"{URL_NAMESPACE}:inspect", args=[self.proposal.pk]),
                "label": self.proposal.number,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_initial(self):
        proposal = self.proposal
        return {
            "answer_kind": proposal.answer_kind,
            "withheld_ground": proposal.withheld_ground,
            "item": proposal.item_id,
            "answer": proposal.answer,
            "public_topic": proposal.public_topic or proposal.topic,
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "proposal": self.proposal}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            proposal=self.proposal,
            back_url=reverse(f"{URL_NAMESPACE}:inspect", args=[self.proposal.pk]),
        )
        return context

    def form_valid(self, form):
        try:
            proposal_answer(proposal=self.proposal, user=self.request.user, **form.cleaned_data)
        except ProposalActionRefused as refused:
            form.add_error(refused.field, str(refused))
            return self.form_invalid(form)
        messages.success(
            self.request, _("点题 %(number)s 已答复。") % {"number": self.proposal.number}
        )
        return redirect(f"{URL_NAMESPACE}:inspect", self.proposal.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)
