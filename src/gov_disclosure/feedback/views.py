"""Public pages of ratings: the form (posted from cached item and answer pages), the
thanks, and an agency's ratings with the comments 党政办 approved."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.core.public_forms import submission_limited
from gov_disclosure.pages.selectors import public_agencies

from .forms import RatingForm
from .models import Rating, TargetKind
from .selectors import comments_public, rating_counts, rating_target
from .services import rating_submit


def _target_or_404(kind: str, pk: int):
    target = rating_target(kind=kind, pk=pk)
    if target is None:
        raise Http404
    return target


# The form is part of cached public pages, which carry no CSRF token; a forged rating is
# no worse than a posted one, and both count against the sender's address.
@csrf_exempt
@never_cache
def rate(request, kind: str, pk: int):
    target = _target_or_404(kind, pk)
    status = 200
    if request.method == "POST":
        form = RatingForm(request.POST)
        if submission_limited(
            request, group="rating-submit", rate=disclosure_settings.RATING_SUBMIT_RATE
        ):
            form.is_valid()
            form.add_error(None, _("提交过于频繁，请稍后再试。您填写的内容已保留。"))
            status = 429
        elif not form.is_valid():
            status = 400
        elif submission_limited(request, group=f"rating:{kind}:{pk}", rate="1/d"):
            form.add_error(None, _("您今天已经评价过本页内容，感谢您的参与。"))
            status = 429
        else:
            rating_submit(
                target=target,
                satisfaction=form.cleaned_data["satisfaction"],
                comment=form.cleaned_data["comment"],
            )
            return redirect("disclosure_feedback:rated", kind=kind, pk=pk)
    else:
        form = RatingForm()
    return render(
        request, "disclosure_feedback/rate.html", {"form": form, "target": target}, status=status
    )


@never_cache
def rated(request, kind: str, pk: int):
    target = _target_or_404(kind, pk)
    return render(request, "disclosure_feedback/rated.html", {"target": target})


def agency_ratings(request, agency_id: int):
    """This year's ratings of the agency's items and answers, and the approved comments."""
    agency = get_object_or_404(public_agencies(), pk=agency_id)
    year = timezone.localdate().year
    this_year = Rating.objects.filter(agency=agency, created_at__year=year)
    counts = {kind.label: rating_counts(this_year.filter(kind=kind.value)) for kind in TargetKind}
    page = Paginator(comments_public(agency=agency), 20).get_page(request.GET.get("page"))
    context = {"agency": agency, "year": year, "counts": counts, "page_obj": page}
    return render(request, "disclosure_feedback/ratings.html", context)
