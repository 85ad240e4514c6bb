"""Public pages of letters: writing, the receipt, the writer's lookup, and the public
questions and answers.

The form, receipt and lookup carry personal data and are never cached; the public
answers are (page_cache), and every publication or withdrawal invalidates them.
"""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.core.public_forms import (
    started_token,
    submission_status,
    tracking_lookup_handle,
)
from gov_disclosure.pages.selectors import public_agencies

from .forms import LetterForm
from .models import Letter
from .selectors import (
    letter_statistics,
    letter_status_lookup,
    letter_timeline,
    letters_published,
)
from .services import letter_submit

_RECEIPT_SESSION_KEY = "disclosure_letters.receipt"


@never_cache
def choose_agency(request):
    agencies = list(public_agencies())
    if len(agencies) == 1:
        return redirect("disclosure_letters:answers", agency_id=agencies[0].pk)
    return render(request, "disclosure_letters/choose_agency.html", {"agencies": agencies})


@never_cache
def write(request, agency_id: int):
    agency = get_object_or_404(public_agencies(), pk=agency_id)
    status = 200
    if request.method == "POST":
        form = LetterForm(request.POST)
        status = submission_status(
            request, form, group="letter-submit", rate=disclosure_settings.LETTER_SUBMIT_RATE
        )
        if status == 200:
            letter = letter_submit(
                agency=agency,
                letter_fields=form.letter_fields(),
                writer_fields=form.writer_fields(),
            )
            request.session[_RECEIPT_SESSION_KEY] = letter.pk
            return redirect("disclosure_letters:receipt")
        form.data = form.redisplay_data()
    else:
        form = LetterForm(initial={"started": started_token()})
    context = {
        "agency": agency,
        "form": form,
        "reply_days": disclosure_settings.LETTER_REPLY_WORKING_DAYS,
    }
    return render(request, "disclosure_letters/write.html", context, status=status)


@never_cache
def receipt(request):
    pk = request.session.get(_RECEIPT_SESSION_KEY)
    letter = Letter.objects.select_related("agency").filter(pk=pk).first()
    if letter is None:
        raise Http404
    return render(
        request, "disclosure_letters/receipt.html", {"letter": letter, "agency": letter.agency}
    )


@never_cache
def status(request):
    form, found, status_code = tracking_lookup_handle(
        request,
        group="letter-status",
        rate=disclosure_settings.LETTER_STATUS_RATE,
        lookup=letter_status_lookup,
        not_found=_("没有找到与查询码和电话后四位相符的信件，请核对后重试。"),
    )
    context = {"form": form, "found": found}
    if found:
        context.update(events=letter_timeline(letter=found, public=True), agency=found.agency)
    return render(request, "disclosure_letters/status.html", context, status=status_code)


def answers(request, agency_id: int):
    """The agency's published questions and answers, with each department's reply times."""
    agency = get_object_or_404(public_agencies(), pk=agency_id)
    page = Paginator(letters_published(agency=agency), 20).get_page(request.GET.get("page"))
    year = timezone.localdate().year
    statistics = letter_statistics(
        letters=Letter.objects.filter(agency=agency, received_on__year=year)
    )
    return render(
        request,
        "disclosure_letters/answers.html",
        {"agency": agency, "page_obj": page, "statistics": statistics, "year": year},
    )


def answer(request, agency_id: int, pk: int):
    agency = get_object_or_404(public_agencies(), pk=agency_id)
    letter = get_object_or_404(letters_published(agency=agency), pk=pk)
    return render(request, "disclosure_letters/answer.html", {"letter": letter, "agency": agency})
