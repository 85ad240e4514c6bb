"""Retention of writers' personal data (LETTER_RETENTION_DAYS)."""

import datetime

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from gov_disclosure.conf import disclosure_settings

from .models import OPEN_STATES, Letter, LetterWriter
from .services import log_letter_action


def letter_purge_writer(*, letter: Letter, user=None) -> None:
    """Remove the writer's personal data; the letter, its answer and the statistics stay
    (the published version never held it), but the writer can no longer look it up."""
    with transaction.atomic():
        current = Letter.objects.select_for_update().get(pk=letter.pk)
        if current.writer_purged_at:
            return
        LetterWriter.objects.filter(letter=current).delete()
        current.phone_last4 = ""
        current.writer_purged_at = timezone.now()
        current.save(update_fields=["phone_last4", "writer_purged_at"])
        log_letter_action(current, "purge", user)


def letters_purge_expired(*, today: datetime.date | None = None) -> int:
    """Purge the writers' data of letters answered or closed longer ago than the period."""
    days = disclosure_settings.LETTER_RETENTION_DAYS
    if days is None:
        return 0
    cutoff = (today or timezone.localdate()) - datetime.timedelta(days=days)
    due = (
        Letter.objects.filter(Q(replied_on__lt=cutoff) | Q(closed_on__lt=cutoff))
        .filter(writer_purged_at__isnull=True)
        .exclude(state__in=OPEN_STATES)
    )
    count = 0
    for letter in due:
        letter_purge_writer(letter=letter)
        count += 1
    return count
