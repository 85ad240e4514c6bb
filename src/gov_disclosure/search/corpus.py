"""Search documents made from the shared corpus of laws, for recall tests and the benchmark.

Substring truth is what a reader expects: every document whose title, summary or
body contains the words as written.
"""

import datetime
import unicodedata
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from gov_disclosure.core.law_corpus import iter_laws

from .analysis import fold
from .documents import search_texts


def corpus_documents(path: Path, *, limit: int | None = None) -> Iterator[dict]:
    for law in islice(iter_laws(path), limit):
        published = _date(law.dates[-1]) if law.dates else None
        paragraphs = [line for line in law.body.splitlines() if line.strip()]
        yield {
            "id": str(law.id + 1),
            "kind": "item",
            "title": law.title,
            "summary": paragraphs[1][:200] if len(paragraphs) > 1 else "",
            "keywords": "",
            "body": law.body,
            "attachments": "",
            "index_number": f"CORPUS/{law.id:05d}",
            "document_number": None,
            "publisher": law.region or "全国",
            "publisher_id": None,
            "categories": [law.category],
            "agency_id": None,
            "year": published.year if published else None,
            "publish_date": published,
            "validity": "有效",
            "url": f"/corpus/{law.id}/",
            "fingerprint": str(law.id),
        }


def _date(text: str) -> datetime.date | None:
    try:  # a few corpus dates are written with full-width digits
        return datetime.date.fromisoformat(unicodedata.normalize("NFKC", text))
    except ValueError:
        return None


def substring_truth(documents: list[dict], text: str) -> set[str]:
    """Ids of the documents containing every word of ``text`` (separated by spaces) as
    written, in any searched field, case, width and traditional forms aside."""
    words = [fold(word) for word in text.split()]
    return {
        document["id"]
        for document in documents
        if all(
            any(word in fold(value) for value in search_texts(document).values()) for word in words
        )
    }
