"""Unpublishing an item asks for a reason, kept in the accountability log.

Wagtail's unpublish confirmation has no reason field; this view takes its URL
(see cms/urls.py) and behaves as Wagtail's for every other page type.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from wagtail.admin.views.pages.unpublish import UnpublishView as WagtailUnpublishView

from gov_disclosure.pages.models import DisclosureItemPage

from ..forms import UnpublishReasonForm
from ..services import item_unpublish


class UnpublishView(WagtailUnpublishView):
    def _asks_reason(self) -> bool:
        return isinstance(self.object, DisclosureItemPage)

    def get_template_names(self):
        if self._asks_reason():
            return ["disclosure_review/confirm_unpublish_item.html"]
        return super().get_template_names()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["reason_form"] = kwargs.get("reason_form") or UnpublishReasonForm()
        return context

    def post(self, request, *args, **kwargs):
        if not self._asks_reason():
            return super().post(request, *args, **kwargs)
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
