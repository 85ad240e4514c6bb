"""The office's views of ratings: the list, a rating's page, and moderating its comment.

Each looks the rating up among those the user may see, so another agency's rating is a
404; a comment not yet approved is shown to the agency's moderators only.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import IndexView, InspectView

from .models import CommentState
from .selectors import comment_visible, ratings_visible_to, user_may_moderate
from .services import RatingActionRefused, rating_comment_moderate

URL_NAMESPACE = "disclosure_feedback_admin"


class CommentColumn(Column):
    """The comment, only to those who may read it yet; otherwise its state."""

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        user = parent_context["request"].user
        if instance.comment_state == CommentState.NONE:
            context["value"] = "—"
        elif comment_visible(user=user, rating=instance):
            text = instance.comment
            context["value"] = text if len(text) <= 60 else f"{text[:60]}…"
        else:
            context["value"] = _("（待审核，审核通过后可见）")
        return context


class RatingIndexView(IndexView):
    def get_base_queryset(self):
        return ratings_visible_to(user=self.request.user)

    def get_edit_url(self, instance):
        return None  # the title opens the rating's page, where its comment is moderated


class RatingInspectView(InspectView):
    template_name = "disclosure_feedback/admin/inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(ratings_visible_to(user=self.request.user), pk=self.kwargs["pk"])

    def get_page_title(self):
        return _("公众评价")

    def get_edit_url(self):
        return None

    def get_delete_url(self):
        return None

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rating = self.object
        user = self.request.user
        context.update(
            rating=rating,
            comment_shown=comment_visible(user=user, rating=rating),
            may_moderate=rating.comment_state != CommentState.NONE
            and user_may_moderate(user=user, rating=rating),
        )
        return context


class RatingModerateView(View):
    """POST: approve or hide the rating's comment."""

    def post(self, request, pk: int, decision: str):
        rating = get_object_or_404(ratings_visible_to(user=request.user), pk=pk)
        if decision not in ("approve", "reject"):
            raise PermissionDenied
        try:
            rating_comment_moderate(rating=rating, user=request.user, approve=decision == "approve")
        except RatingActionRefused as refused:
            messages.error(request, str(refused))
        else:
            messages.success(
                request,
                _("留言已审核通过，将在公众评价页面显示。")
                if decision == "approve"
                else _("留言已设为不予显示。"),
            )
        return redirect(f"{URL_NAMESPACE}:inspect", pk)
