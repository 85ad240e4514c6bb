"""An item's plain text — body blocks and attachments — for the checks and the search index."""

import html
import re
from collections.abc import Iterator

_BLOCK_END = re.compile(r"<(?:br\s*/?|/p|/h[1-6]|/li|/tr|/td|/th)\s*>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def html_to_text(source: str) -> str:
    # Stored rich text is well-formed (Wagtail writes it; a literal "<" is &lt;), so one
    # regular-expression pass extracts the text; it is never used to sanitise output.
    return html.unescape(_TAG.sub("", _BLOCK_END.sub("\n", source)))


def body_text(body) -> str:
    """Paragraphs, table cells and image captions of a body StreamField, in order.

    Reads the stored JSON (``raw_data``) rather than the block values: building
    rich-text and image objects for every block costs more than the text itself.
    """
    parts = []
    for block in getattr(body, "raw_data", body):
        value = block["value"]
        if block["type"] == "paragraph":
            parts.append(html_to_text(value))
        elif block["type"] == "table":
            for row in (value or {}).get("data") or []:
                parts.append("\t".join(str(cell) for cell in row if cell))
        elif block["type"] == "image":
            parts.extend(filter(None, [value.get("caption"), value.get("alt_text")]))
    return "\n".join(parts)


def attachment_texts(item) -> Iterator[tuple[str, object]]:
    """Each attachment's title and its text (``ExtractedText``; ``problem`` set if unreadable)."""
    from gov_disclosure.core.file_text import extract_text

    for attachment in item.attachments.all():
        document = attachment.document
        with document.open_file() as stream:
            yield attachment.display_title, extract_text(document.file.name, stream)
