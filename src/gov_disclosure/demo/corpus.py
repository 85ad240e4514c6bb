"""The corpus the demo is written from.

The package ships an excerpt (``data/``: the 479 State Council regulations and Zhejiang
local regulations in force before 2012 that the demo subdistrict forwards and implements),
made from the project's full corpus by ``scripts/make_demo_corpus.py``; Chinese laws and
regulations are not subject to copyright (著作权法 第五条).
"""

from pathlib import Path

from gov_disclosure.core.law_corpus import Law

# The year the demo's items are dated: it forwards and implements laws in force before it.
DEMO_YEAR = 2012
DEMO_CORPUS = Path(__file__).resolve().parent / "data" / "laws-before-2012.jsonl.gz"


def default_corpus_path() -> Path:
    """The excerpt the package ships: a lone clone or a host site loads the demo from it."""
    return DEMO_CORPUS


def zhejiang_regulation(law: Law) -> bool:
    return law.category == "地方性法规" and law.region == "浙江"


def state_council_regulation(law: Law) -> bool:
    return law.category == "行政法规"


def demo_uses(law: Law) -> bool:
    """A law the demo forwards or implements: a State Council or Zhejiang regulation in
    force before the demo's year, short enough to reproduce on a page."""
    return (
        bool(law.dates)
        and max(law.dates) < f"{DEMO_YEAR}-01-01"
        and len(law.body) <= 12000
        and (zhejiang_regulation(law) or state_council_regulation(law))
    )
