"""The corpus the demo is written from.

The package ships an excerpt (``data/``: the 479 State Council regulations and Zhejiang
local regulations in force before 2012 that the demo subdistrict forwards and implements),
made from the project's full corpus by ``scripts/make_demo_corpus.py``; Chinese laws and
regulations are not subject to copyright (著作权法 第五条).
"""

from pathlib import Path

DEMO_CORPUS = Path(__file__).resolve().parent / "data" / "laws-before-2012.jsonl.gz"


def default_corpus_path() -> Path:
    """The excerpt the package ships: a lone clone or a host site loads the demo from it."""
    return DEMO_CORPUS
