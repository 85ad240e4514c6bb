"""Reading a corpus of laws and regulations (JSON lines, gzipped): the demo's text, the
search recall tests and the benchmarks."""

import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Law:
    id: int
    title: str
    category: str
    region: str
    dates: tuple[str, ...]
    body: str


def law_from_record(record: dict) -> Law:
    return Law(
        id=record["id"],
        title=record["title"],
        category=record["category"],
        region=record.get("region") or "",
        dates=tuple(record.get("dates") or ()),
        body=record["body"],
    )


def iter_laws(path: Path) -> Iterator[Law]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield law_from_record(json.loads(line))


def markdown_to_paragraphs(body: str) -> list[tuple[str, str]]:
    """Split a corpus body into (kind, text) pairs: kind is "heading" or "paragraph"."""
    blocks = []
    for raw in body.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            blocks.append(("heading", line.lstrip("#").strip()))
        else:
            blocks.append(("paragraph", line))
    return blocks
