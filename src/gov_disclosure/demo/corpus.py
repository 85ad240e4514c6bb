"""Reading a corpus of laws and regulations (JSON lines, gzipped).

The demo ships its own excerpt (``data/``: the 479 State Council regulations and Zhejiang
local regulations in force before 2012 that it forwards and implements), made from the
project's full corpus by ``scripts/make_demo_corpus.py``; Chinese laws and regulations are
not subject to copyright (著作权法 第五条).
"""

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


DEMO_CORPUS = Path(__file__).resolve().parent / "data" / "laws-before-2012.jsonl.gz"


def default_corpus_path() -> Path:
    """The excerpt the package ships: a lone clone or a host site loads the demo from it."""
    return DEMO_CORPUS


def iter_laws(path: Path) -> Iterator[Law]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield Law(
                id=record["id"],
                title=record["title"],
                category=record["category"],
                region=record.get("region") or "",
                dates=tuple(record.get("dates") or ()),
                body=record["body"],
            )


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
