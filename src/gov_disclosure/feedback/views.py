"""Public pages: ratings (the form posted from cached item and answer pages, the thanks,
an agency's ratings with the comments 党政办 approved) and proposals (the form, the
receipt, the proposer's lookup, an agency's answered proposals) and 民主评议 (the code
entry and the reviewer's one-time questionnaire)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.core.public_forms import (
    started_token,
    submission_limited,
    submission_status,
    tracking_lookup_handle,
)
from gov_disclosure.pages.selectors import public_agencies

from .forms import ProposalForm, ProposalLookupForm, RatingForm, ReviewCodeForm, ReviewForm
from .models import Proposal, ProposalAnswerKind, Rating, TargetKind
from .selectors import (
    comments_public,
    item_shown,
    items_public_among,
    proposal_counts,
    proposal_lookup,
    proposals_public,
    rating_counts,
    rating_target,
)
from .selectors.campaigns import campaign_is_open, invitation_by_code
from .services import proposal_submit, rating_submit
from .services.campaigns import CampaignActionRefused, campaign_answer

_RECEIPT_SESSION_KEY = "disclosure_feedback.proposal_receipt"


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
        status = submission_status(
            request, form, group="rating-submit", rate=disclosure_settings.RATING_SUBMIT_RATE
        )
        if status == 200 and submission_limited(request, group=f"rating:{kind}:{pk}", rate="1/d"):
            form.add_error(None, _("您今天已经评价过本页内容，感谢您的参与。"))
            status = 429
        elif status == 200:
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


@never_cache
def propose(request, agency_id: int):
    agency = get_object_or_404(public_agencies(), pk=agency_id)
    status = 200
    if request.method == "POST":
        form = ProposalForm(request.POST)
        status = submission_status(
            request, form, group="proposal-submit", rate=disclosure_settings.PROPOSAL_SUBMIT_RATE
        )
        if status == 200:
            proposal = proposal_submit(
                agency=agency,
                topic=form.cleaned_data["topic"],
                reason=form.cleaned_data["reason"].strip(),
                contact=form.contact(),
            )
            request.session[_RECEIPT_SESSION_KEY] = proposal.pk
            return redirect("disclosure_feedback:proposal_receipt")
        form.data = form.redisplay_data()
    else:
        form = ProposalForm(initial={"started": started_token()})
    context = {
        "agency": agency,
        "form": form,
        "answer_days": disclosure_settings.PROPOSAL_ANSWER_WORKING_DAYS,
    }
    return render(request, "disclosure_feedback/propose.html", context, status=status)


@never_cache
def proposal_receipt(request):
    pk = request.session.get(_RECEIPT_SESSION_KEY)
    proposal = Proposal.objects.select_related("agency").filter(pk=pk).first()
    if proposal is None:
        raise Http404
    return render(request, "disclosure_feedback/proposal_receipt.html", {"proposal": proposal})


@never_cache
def proposal_status(request):
    """The proposer's lookup by tracking code; each try counts against the address."""
    form, found, status = tracking_lookup_handle(
        request,
        group="proposal-status",
        rate=disclosure_settings.PROPOSAL_STATUS_RATE,
        lookup=proposal_lookup,
        not_found=_("没有找到与查询码相符的点题，请核对后重试。"),
        form_class=ProposalLookupForm,
    )
    context = {"form": form, "proposal": found, "item_shown": found and item_shown(found)}
    return render(request, "disclosure_feedback/proposal_status.html", context, status=status)


def agency_proposals(request, agency_id: int):
    """The agency's answered proposals, with the items they led to once published, and this
    year's figures (received, answered, on time, by answer)."""
    agency = get_object_or_404(public_agencies(), pk=agency_id)
    page = Paginator(proposals_public(agency=agency), 20).get_page(request.GET.get("page"))
    shown = items_public_among(page)
    rows = [(proposal, proposal.item_id in shown) for proposal in page]
    year = timezone.localdate().year
    counts = proposal_counts(Proposal.objects.filter(agency=agency, received_on__year=year))
    by_answer = [(kind.label, counts.by_answer[kind.value]) for kind in ProposalAnswerKind]
    context = {
        "agency": agency,
        "page_obj": page,
        "rows": rows,
        "year": year,
        "counts": counts,
        "by_answer": by_answer,
    }
    return render(request, "disclosure_feedback/proposals.html", context)


@never_cache
def review_code(request):
    """民主评议: a reviewer types the code printed on their letter of invitation."""
    status = 200
    form = ReviewCodeForm(request.POST or None)
    if request.method == "POST":
        if submission_limited(
            request, group="review-code", rate=disclosure_settings.PROPOSAL_STATUS_RATE
        ):
            form.is_valid()
            form.add_error(None, _("尝试过于频繁，请稍后再试。"))
            status = 429
        elif form.is_valid():
            invitation = invitation_by_code(form.cleaned_data["code"])
            if invitation is not None:
                return redirect("disclosure_feedback:review", code=invitation.code)
            form.add_error("code", _("评议码不正确，请核对邀请函。"))
            status = 404
        else:
            status = 400
    return render(request, "disclosure_feedback/review_code.html", {"form": form}, status=status)


@never_cache
def review(request, code: str):
    """The reviewer's questionnaire, by their one-time link; answered once."""
    invitation = invitation_by_code(code)
    if invitation is None:
        raise Http404
    campaign = invitation.campaign
    context = {"invitation": invitation, "campaign": campaign}
    if invitation.answered_at is not None:
        return render(request, "disclosure_feedback/review_done.html", context)
    if not campaign_is_open(campaign):
        return render(request, "disclosure_feedback/review_closed.html", context, status=410)
    questions = campaign.questions.all()
    status = 200
    if request.method == "POST":
        form = ReviewForm(request.POST, questions=questions)
        if form.is_valid():
            try:
                campaign_answer(invitation=invitation, answers=form.answers())
            except CampaignActionRefused as refused:
                form.add_error(None, str(refused))
                status = 409
            else:
                return redirect("disclosure_feedback:review", code=invitation.code)
        else:
            status = 400
    else:
        form = ReviewForm(questions=questions)
    context["form"] = form
    return render(request, "disclosure_feedback/review.html", context, status=status)
