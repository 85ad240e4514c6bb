"""Public pages of requests: the application form, the receipt and the status lookup.

Thin: the form validates, ``services`` registers, ``selectors`` look up. Every page
here carries personal data or leads to it, so none is cached anywhere.
"""

from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.core.public_forms import (
    started_token,
    submission_status,
    tracking_lookup_handle,
)
from gov_disclosure.pages.selectors import public_agencies

from .forms import ApplicationForm
from .selectors import request_clock, request_public_timeline, request_status_lookup
from .services import applicant_file_store, request_submit

_RECEIPT_SESSION_KEY = "disclosure_requests.receipt"


@never_cache
def choose_agency(request):
    agencies = list(public_agencies())
    if len(agencies) == 1:
        return redirect("disclosure_requests:apply", agency_id=agencies[0].pk)
    return render(request, "disclosure_requests/choose_agency.html", {"agencies": agencies})


@never_cache
def apply(request, agency_id: int):
    agency = get_object_or_404(public_agencies(), pk=agency_id)
    status = 200
    if request.method == "POST":
        form = ApplicationForm(request.POST, request.FILES)
        status = submission_status(
            request,
            form,
            group="disclosure-request-submit",
            rate=disclosure_settings.REQUEST_SUBMIT_RATE,
        )
        if status == 200:
            with transaction.atomic():
                files = form.kept + [
                    applicant_file_store(upload=upload, kind=kind)
                    for upload, kind in form.accepted_uploads
                ]
                submitted = request_submit(
                    agency=agency,
                    request_fields=form.request_fields(),
                    applicant_fields=form.applicant_fields(),
                    files=files,
                    channel="online",
                )
            request.session[_RECEIPT_SESSION_KEY] = submitted.pk
            return redirect("disclosure_requests:receipt")
        # Uploads that passed their checks are kept, so a correction never means
        # choosing the files again; not for robots or a client over its limit.
        if status != 429 and form.passed_bot_checks():
            form.kept += [
                applicant_file_store(upload=upload, kind=kind)
                for upload, kind in getattr(form, "accepted_uploads", [])
            ]
        data = form.redisplay_data()
        data["kept_files"] = form.kept_token()
        form.data = data
    else:
        form = ApplicationForm(initial={"started": started_token()})
    return render(
        request,
        "disclosure_requests/apply.html",
        {"agency": agency, "form": form},
        status=status,
    )


@never_cache
def receipt(request):
    from .models import DisclosureRequest

    pk = request.session.get(_RECEIPT_SESSION_KEY)
    submitted = DisclosureRequest.objects.select_related("agency").filter(pk=pk).first()
    if submitted is None:
        raise Http404
    return render(
        request,
        "disclosure_requests/receipt.html",
        {
            "submitted": submitted,
            "agency": submitted.agency,
            "clock": request_clock(request=submitted),
        },
    )


@never_cache
def status(request):
    form, found, status_code = tracking_lookup_handle(
        request,
        group="disclosure-request-status",
        rate=disclosure_settings.REQUEST_STATUS_RATE,
        lookup=request_status_lookup,
        not_found=_("没有找到与查询码和电话后四位相符的申请，请核对后重试。"),
    )
    context = {"form": form, "found": found}
    if found:
        context.update(
            clock=request_clock(request=found),
            events=request_public_timeline(request=found),
            agency=found.agency,
        )
    return render(request, "disclosure_requests/status.html", context, status=status_code)
