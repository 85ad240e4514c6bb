"""Writes bench/search_queries.json: the judged query set of bench/search_quality.py.

Made once from the shared corpus (3,471 laws), with a fixed seed, and kept in the
repository so every run and every design is judged on the same queries:

- ``topic``: two or three words separated by spaces; relevant = every law containing
  every word (case, width and traditional forms aside);
- ``phrase``: two to four neighbouring words of a title, written without spaces
  (食品安全监督管理); relevant = every law containing each of those words;
- ``known``: a title with a word dropped, with its words reordered, or with one
  character replaced by another of the same sound; relevant = that law alone.

    .venv/bin/python bench/make_search_queries.py ../shared/corpus/laws.jsonl.gz
"""

import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from gov_disclosure.search.analysis import HAN, fold  # noqa: E402
from gov_disclosure.search.corpus import corpus_documents  # noqa: E402
from gov_disclosure.search.documents import search_texts  # noqa: E402

OUT = ROOT / "bench" / "search_queries.json"
SEED = 2026
TOPIC, PHRASE, KNOWN_EACH = 60, 50, 20
_WORD = re.compile(f"[{HAN}]{{2,4}}")


def main(corpus: Path) -> None:
    import jieba

    rng = random.Random(SEED)
    documents = list(corpus_documents(corpus))
    texts = {d["id"]: fold(" ".join(search_texts(d).values())) for d in documents}
    titles = {d["id"]: d["title"] for d in documents}

    title_words = Counter()
    cut_titles = {}
    for doc_id, title in titles.items():
        words = [w for w in jieba.cut(title, HMM=False) if w.strip()]
        cut_titles[doc_id] = words
        title_words.update(w for w in set(words) if _WORD.fullmatch(w))
    common = sorted(w for w, n in title_words.items() if 5 <= n <= 400)
    containing: dict[str, set[str]] = {}

    def having(word: str) -> set[str]:
        if word not in containing:
            folded = fold(word)
            containing[word] = {i for i, text in texts.items() if folded in text}
        return containing[word]

    def relevant(words: list[str]) -> set[str]:
        return set.intersection(*(having(w) for w in words))

    queries = []
    seen = set()
    while sum(q["kind"] == "topic" for q in queries) < TOPIC:
        words = rng.sample(common, rng.choice([2, 2, 3]))
        if any(a in b for a in words for b in words if a != b):
            continue
        truth = relevant(words)
        text = " ".join(words)
        if 3 <= len(truth) <= 300 and text not in seen:
            seen.add(text)
            queries.append(_judged("topic", text, words, truth))

    ids = sorted(titles)
    while sum(q["kind"] == "phrase" for q in queries) < PHRASE:
        words = cut_titles[rng.choice(ids)]
        size = rng.choice([2, 3, 4])
        if len(words) < size + 1:
            continue
        start = rng.randrange(0, len(words) - size + 1)
        run = words[start : start + size]
        if not all(_WORD.fullmatch(w) for w in run):
            continue
        text = "".join(run)
        truth = relevant(run)
        if 2 <= len(truth) <= 300 and text not in seen:
            seen.add(text)
            queries.append(_judged("phrase", text, run, truth))

    counts = Counter(titles.values())
    unique = [i for i in ids if counts[titles[i]] == 1 and len(titles[i]) >= 8]
    sounds = _homophones(texts.values())
    made = Counter()
    while min(made[k] for k in ("dropped", "reordered", "typo")) < KNOWN_EACH:
        doc_id = rng.choice(unique)
        words = cut_titles[doc_id]
        if len(words) < 3:
            continue
        variant = rng.choice(["dropped", "reordered", "typo"])
        if made[variant] >= KNOWN_EACH:
            continue
        if variant == "dropped":
            drop = rng.randrange(1, len(words))
            text = "".join(words[:drop] + words[drop + 1 :])
        elif variant == "reordered":
            cut = rng.randrange(1, len(words))
            text = "".join(words[cut:]) + " " + "".join(words[:cut])
        else:
            text = _typo(titles[doc_id], sounds, rng)
            if text is None:
                continue
        if text in seen:
            continue
        seen.add(text)
        made[variant] += 1
        queries.append({"kind": "known", "variant": variant, "text": text, "relevant": [doc_id]})

    OUT.write_text(json.dumps({"seed": SEED, "queries": queries}, ensure_ascii=False, indent=1))
    print(f"{len(queries)} queries written to {OUT.relative_to(ROOT)}")


def _judged(kind: str, text: str, words: list[str], relevant: set[str]) -> dict:
    return {"kind": kind, "text": text, "words": words, "relevant": sorted(relevant)}


def _homophones(texts) -> dict[str, list[str]]:
    """Characters of the corpus grouped by sound (pinyin without tone)."""
    from pypinyin import lazy_pinyin

    frequency = Counter(char for text in texts for char in text if re.match(f"[{HAN}]", char))
    by_sound: dict[str, list[str]] = {}
    for char, count in frequency.items():
        if count >= 20:
            by_sound.setdefault(lazy_pinyin(char)[0], []).append(char)
    return {char: by_sound[lazy_pinyin(char)[0]] for char in frequency if frequency[char] >= 20}


def _typo(title: str, sounds: dict[str, list[str]], rng: random.Random) -> str | None:
    positions = [i for i, char in enumerate(title) if len(sounds.get(char, [])) > 1 and i > 0]
    if not positions:
        return None
    position = rng.choice(positions)
    others = [c for c in sounds[title[position]] if c != title[position]]
    return title[:position] + rng.choice(others) + title[position + 1 :]


if __name__ == "__main__":
    main(Path(sys.argv[1]))
