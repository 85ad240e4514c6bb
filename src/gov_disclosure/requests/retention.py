"""Retention of applicants' personal data (DISCLOSURE_REQUEST_RETENTION_DAYS)."""

import datetime
import logging

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gov_disclosure.conf import disclosure_settings

from .models import OPEN_STATES, Applicant, ApplicantFile, DisclosureRequest, RequestDocument
from .services import log_request_action

logger = logging.getLogger(__name__)


def request_purge_personal_data(*, request: DisclosureRequest, user=None) -> None:
    """Remove the applicant's personal data and files; the request and counts stay."""
    with transaction.atomic():
        current = DisclosureRequest.objects.select_for_update().get(pk=request.pk)
        if current.personal_data_purged_at:
            return
        files = [upload.file for upload in current.applicant_files.all()]
        files += [document.file for document in current.documents.all()]
        Applicant.objects.filter(request=current).delete()
        current.applicant_files.all().delete()
        current.documents.all().delete()
        current.phone_last4 = ""
        current.personal_data_purged_at = timezone.now()
        current.save(update_fields=["phone_last4", "personal_data_purged_at", "updated_at"])
        log_request_action(current, "purge", user)
        transaction.on_commit(lambda: _delete_files(files))


def _delete_files(files) -> None:
    for stored in files:
        try:
            stored.storage.delete(stored.name)
        except OSError:
            logger.exception("could not delete %s", stored.name)


def requests_purge_expired(*, today: datetime.date | None = None) -> int:
    """Purge personal data of requests closed longer ago than the retention period.

    Requests with an appeal still undecided keep their data: the case file is needed.
    Also removes uploads of forms that were never submitted (an applicant's, or the
    office's held by an action form it corrected and left), after a day.
    """
    today = today or timezone.localdate()
    stale = timezone.now() - datetime.timedelta(days=1)
    for model in (ApplicantFile, RequestDocument):
        orphans = list(model.objects.filter(request__isnull=True, uploaded_at__lt=stale))
        model.objects.filter(pk__in=[orphan.pk for orphan in orphans]).delete()
        _delete_files([orphan.file for orphan in orphans])

    days = disclosure_settings.REQUEST_RETENTION_DAYS
    if days is None:
        return 0
    cutoff = today - datetime.timedelta(days=days)
    ended = Q(closed_on__lt=cutoff) | Q(closed_on__isnull=True, answered_on__lt=cutoff)
    due = (
        DisclosureRequest.objects.filter(ended, personal_data_purged_at__isnull=True)
        .exclude(state__in=OPEN_STATES)
        .exclude(appeals__result="pending")
    )
    count = 0
    for request in due:
        request_purge_personal_data(request=request)
        count += 1
    return count
