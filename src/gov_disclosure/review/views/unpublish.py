"""Unpublishing an item asks for a reason, kept in the accountability log.

Wagtail's unpublish confirmation has no reason field. Its ``before_unpublish_page`` hook
(``wagtail_hooks``) hands a disclosure item's confirmation to this view, which takes the
reason; every other page is unpublished by Wagtail as usual.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from wagtail.admin.views.pages.unpublish import UnpublishView as WagtailUnpublishView

from ..forms import UnpublishReasonForm
from ..services import item_unpublish


class ItemUnpublishView(WagtailUnpublishView):
    """Wagtail's confirmation view, posting to ``item_unpublish`` with the reason."""

    def post(self, request, *args, **kwargs):
        form = UnpublishReasonForm(request.POST)
        if form.is_valid():
            try:
                item_unpublish(
                    item=self.object, user=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as error:
                form.add_error("reason", error)
        if form.errors:
            return self.render_to_response(self.get_context_data(reason_form=form), status=400)
        messages.success(request, self.get_success_message())
        return redirect(self.get_next_url())


def item_unpublish_confirmed(request, page):
    """The ``before_unpublish_page`` hook's answer for an item (Wagtail checked the permission)."""
    return ItemUnpublishView.as_view()(request, page_id=page.pk)
