from django import template

from ..forms import UnpublishReasonForm

register = template.Library()


@register.inclusion_tag(
    "disclosure_review/includes/unpublish_reason_field.html", takes_context=True
)
def unpublish_reason_field(context):
    """The reason field of the unpublish confirmation: the submitted form with its errors
    after a refused attempt, an empty one otherwise."""
    return {"form": context.get("reason_form") or UnpublishReasonForm()}
