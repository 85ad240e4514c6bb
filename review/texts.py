"""The text of an item revision that the checks read: title, summary, body, attachments."""

import html
import re

from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from .checks import CheckText, Finding, Kind, Severity
from .checks.attachments import extract_text

_BLOCK_END = re.compile(r"<(?:br\s*/?|/p|/h[1-6]|/li|/tr|/td|/th)\s*>", re.IGNORECASE)


def html_to_text(source: str) -> str:
    return html.unescape(strip_tags(_BLOCK_END.sub("\n", source)))


def body_text(body) -> str:
    parts = []
    for block in body:
        if block.block_type == "paragraph":
            parts.append(html_to_text(block.value.source))
        elif block.block_type == "table":
            for row in (block.value or {}).get("data") or []:
                parts.append("\t".join(str(cell) for cell in row if cell))
        elif block.block_type == "image":
            parts.extend(filter(None, [block.value.get("caption"), block.value.get("alt_text")]))
    return "\n".join(parts)


def item_check_texts(item) -> tuple[list[CheckText], list[Finding]]:
    """The pieces of ``item`` to check, and a finding for each attachment that cannot be read."""
    pieces = [
        CheckText("title", _("标题"), item.title),
        CheckText("summary", _("内容概述"), item.summary or ""),
        CheckText("body", _("正文"), body_text(item.body)),
    ]
    unreadable = []
    for attachment in item.attachments.all():
        document = attachment.document
        label = attachment.display_title
        with document.open_file() as stream:
            extracted = extract_text(document.file.name, stream)
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
