"""The office's admin views of letters: the list, a letter's page, its actions, statistics.

Each looks the letter up among those the user may see (``letters_visible_to``), so a
URL guessed for another department's letter is a 404.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import HistoryView, IndexView, InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from gov_disclosure.core.admin_search import PersonLookupSearchMixin
from gov_disclosure.pages.models import DisclosureIndexPage
from gov_disclosure.security.access_log import personal_data_viewed

from .admin_forms import ACTION_PAGES, ReplyForm
from .models import Letter
from .selectors import (
    complaint_figures,
    letter_actions_for,
    letter_statistics,
    letter_statistics_agencies,
    letter_timeline,
    letters_visible_to,
    user_may_act,
)
from .services import LetterActionRefused, letter_public_draft

URL_NAMESPACE = "disclosure_letters_admin"


def _action_pages(*, user, letter: Letter) -> list[tuple[str, str]]:
    """(label, url) of the action pages open to ``user`` for ``letter``."""
    available = {action.name for action in letter_actions_for(user=user, letter=letter)}
    return [
        (label, reverse(f"{URL_NAMESPACE}:action", args=[letter.pk, page]))
        for page, (_form, transition, label) in ACTION_PAGES.items()
        if transition in available
    ]


class LetterIndexView(PersonLookupSearchMixin, IndexView):
    person_relation = "writer"

    def get_base_queryset(self):
        return letters_visible_to(user=self.request.user)

    def get_edit_url(self, instance):
        return None  # the subject opens the letter's page, where its actions are


class VisibleLetterMixin:
    def get_letter(self) -> Letter:
        return get_object_or_404(
            letters_visible_to(user=self.request.user).select_related("writer"),
            pk=self.kwargs["pk"],
        )


class LetterInspectView(VisibleLetterMixin, InspectView):
    template_name = "disclosure_letters/admin/inspect.html"

    def get_object(self, queryset=None):
        return self.get_letter()

    def get_page_title(self):
        return _("网民信件")

    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        letter = self.object
        writer = getattr(letter, "writer", None)
        if writer is not None:
            personal_data_viewed(
                self.request, record=letter, agency_id=letter.agency_id, label=str(letter)
            )
        context.update(
            letter=letter,
            writer=writer,
            timeline=letter_timeline(letter=letter),
            actions=_action_pages(user=self.request.user, letter=letter),
            overdue=letter.is_open and letter.reply_due_on < timezone.localdate(),
        )
        return context


class LetterHistoryView(HistoryView):
    def get_base_object_queryset(self):
        return letters_visible_to(user=self.request.user)


class LetterActionView(VisibleLetterMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "disclosure_letters/admin/action.html"
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        self.letter = self.get_letter()
        page = ACTION_PAGES.get(kwargs["action"])
        if page is None:
            raise Http404
        self.form_class_, self.transition, self.label = page
        if not user_may_act(user=request.user, letter=self.letter, action_name=self.transition):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return self.label

    def get_page_subtitle(self):
        return self.letter.number

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{URL_NAMESPACE}:index"), "label": _("来信办理")},
            {
                "url": reverse(f"{URL_NAMESPACE}:inspect", args=[self.letter.pk]),
                "label": self.letter.number,
            },
            {"url": "", "label": self.label},
        ]

    def get_form_class(self):
        return self.form_class_

    def get_initial(self):
        if self.form_class_ is not ReplyForm:
            return {}
        letter = self.letter
        return {
            "reply": letter.reply,
            "complaint_finding": letter.complaint_finding,
            "rectification": letter.rectification,
            "publish_requested": letter.publish_requested or letter.allow_public,
            **letter_public_draft(letter=letter),
        }

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "letter": self.letter, "user": self.request.user}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            letter=self.letter,
            writer=getattr(self.letter, "writer", None),
            allowed=any(
                action.name == self.transition
                for action in letter_actions_for(user=self.request.user, letter=self.letter)
            ),
            back_url=reverse(f"{URL_NAMESPACE}:inspect", args=[self.letter.pk]),
        )
        return context

    def form_valid(self, form):
        try:
            form.perform()
        except LetterActionRefused as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("信件 %(number)s：%(action)s 已完成。")
            % {"number": self.letter.number, "action": self.label},
        )
        return redirect(f"{URL_NAMESPACE}:inspect", self.letter.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class LetterStatisticsView(WagtailAdminTemplateMixin, TemplateView):
    """办理统计: each department's letters in a year and how fast it answered them."""

    template_name = "disclosure_letters/admin/statistics.html"
    page_title = gettext_lazy("来信办理统计")
    header_icon = "table"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def dispatch(self, request, *args, **kwargs):
        self.scope = letter_statistics_agencies(request.user)
        if not self.scope:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        this_year = timezone.localdate().year
        try:
            year = int(self.request.GET.get("year", this_year))
        except ValueError:
            year = this_year
        agencies = self.scope.filter(DisclosureIndexPage.objects.order_by("path"), "pk")
        agency = agencies.filter(pk=self.request.GET.get("agency") or None).first()
        letters = self.scope.filter(Letter.objects.filter(received_on__year=year))
        if agency:
            letters = letters.filter(agency=agency)
        context.update(
            year=year,
            years=range(this_year, this_year - 10, -1),
            agencies=agencies,
            agency=agency,
            statistics=letter_statistics(letters=letters),
            complaints=complaint_figures(letters=letters),
        )
        return context
