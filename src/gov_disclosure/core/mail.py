"""Sending the platform's e-mails: rendered in the site's language, never failing the caller."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def site_url(page, path: str) -> str:
    """``path`` as an absolute address on ``page``'s site (the admin's base URL if none)."""
    site = page.get_site()
    root = site.root_url if site else settings.WAGTAILADMIN_BASE_URL
    return root.rstrip("/") + path


def mail_send(*, subject: str, template: str, context: dict, recipients: list[str]) -> bool:
    """One mail to ``recipients``; a mail server failure is logged, never raised, so it
    cannot undo the action that caused the mail. Returns whether it was sent."""
    if not recipients:
        return False
    with translation.override(settings.LANGUAGE_CODE):
        body = render_to_string(template, context)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
    except Exception:
        logger.exception("mail %r could not be sent", subject)
        return False
    return True
