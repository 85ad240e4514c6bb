"""The text of a revision that the checks read.

Items: title, summary, body, attachments. Other page types that publish text of
their own (annual reports) declare it in ``check_texts()``.
"""

from django.utils.translation import gettext as _

from gov_disclosure.pages.texts import attachment_texts, body_text

from .checks import CheckText, Finding, Kind, Severity


def item_check_texts(item) -> tuple[list[CheckText], list[Finding]]:
    """The pieces of ``item`` to check, and a finding for each attachment that cannot be read."""
    pieces = [
        CheckText("title", _("标题"), item.title),
        CheckText("summary", _("内容概述"), item.summary or ""),
        CheckText("body", _("正文"), body_text(item.body)),
    ]
    unreadable = []
    for label, extracted in attachment_texts(item):
        if extracted.problem:
            unreadable.append(
                Finding(
                    kind=Kind.UNREADABLE_ATTACHMENT,
                    severity=Severity.BLOCKING,
                    field="attachment",
                    source=label,
                    start=0,
                    end=0,
                    excerpt=extracted.problem,
                )
            )
        else:
            pieces.append(CheckText("attachment", label, extracted.text))
    return pieces, unreadable


def page_check_texts(page) -> tuple[list[CheckText], list[Finding]]:
    """The pieces of any checked page.

    See ``gov_disclosure.review.selectors.is_checked_revision``.
    """
    from gov_disclosure.pages.models import DisclosureItemPage

    if isinstance(page, DisclosureItemPage):
        return item_check_texts(page)
    return [CheckText(field, label, text) for field, label, text in page.check_texts()], []
