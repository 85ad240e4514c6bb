"""Benchmark: automated confidentiality checks on a 50,000-character item.

Run by hand:  .venv/bin/python bench/checker.py [--corpus PATH] [--runs N]
Writes bench/results/checker.json and prints a table. The text is real law
text from shared/corpus, seeded with personal data and markers the checks must
find; the word list has 1,000 entries, with variant matching on.
"""

import argparse
import io
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django  # noqa: E402

django.setup()

import docx  # noqa: E402

from gov_disclosure.core.file_text import extract_text  # noqa: E402
from gov_disclosure.core.law_corpus import iter_laws  # noqa: E402
from gov_disclosure.review.checks import CheckText, WordRule, run_checks  # noqa: E402
from gov_disclosure.review.checks.personal_data import id_check_character, passes_luhn  # noqa: E402

TARGET_CHARS = 50_000


def _with_luhn(prefix: str) -> str:
    return next(prefix + last for last in "0123456789" if passes_luhn(prefix + last))


ID_BODY = "33021119850704123"

# What a leaky item holds: one of each kind the checks must find (7 findings).
SEEDED = [
    f"申请人身份证号 {ID_BODY}{id_check_character(ID_BODY)}，",
    "联系电话 13812345678，",
    f"补助发放至卡号 {_with_luhn('622202123456789')}，",
    "邮箱 zhangsan1985@qq.com。",
    "秘密★1年",
    "内部资料 注意保存",
]


def law_text(corpus: Path) -> str:
    parts, size = [], 0
    for law in iter_laws(corpus):
        parts.append(law.body)
        size += len(law.body)
        if size >= TARGET_CHARS:
            break
    text = "".join(parts)[:TARGET_CHARS]
    rng = random.Random(2012)
    for seed in SEEDED:
        at = rng.randrange(len(text) - len(seed))
        text = text[:at] + seed + text[at + len(seed) :]
    return text[:TARGET_CHARS]


def word_list(text: str, size: int = 1000) -> tuple[WordRule, ...]:
    """An office-sized list: mostly words the text does not hold, ten that it does."""
    rng = random.Random(1)
    words = set()
    while len(words) < size - 10:
        words.add("".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(rng.choice((2, 3, 4)))))
    for start in rng.sample(range(len(text) - 4), 10):
        words.add(text[start : start + 4])
    return tuple(
        WordRule(word, blocking=index % 2 == 0, variants=True)
        for index, word in enumerate(sorted(words))
    )


def timed(function, runs: int) -> dict:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        result = function()
        samples.append(time.perf_counter() - start)
    return {
        "runs": runs,
        "min_ms": round(min(samples) * 1000, 1),
        "median_ms": round(statistics.median(samples) * 1000, 1),
        "max_ms": round(max(samples) * 1000, 1),
        "result": result,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/corpus/laws.jsonl.gz")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

    text = law_text(args.corpus)
    rules = word_list(text)
    pieces = [CheckText("title", "标题", "关于印发某项规定的通知"), CheckText("body", "正文", text)]

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    docx_bytes = buffer.getvalue()

    cases = {
        "checks, no word list": lambda: len(run_checks(pieces)),
        "checks, 1,000-word list": lambda: len(run_checks(pieces, word_rules=rules)),
        "DOCX text extraction": lambda: len(extract_text("a.docx", io.BytesIO(docx_bytes)).text),
    }
    run_checks(pieces, word_rules=rules)  # build the automaton once, as a running server has
    results = {name: timed(case, args.runs) for name, case in cases.items()}

    report = {
        "benchmark": "confidentiality checks on one item",
        "text_chars": len(text),
        "docx_bytes": len(docx_bytes),
        "word_list": len(rules),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPU, "
        f"Python {platform.python_version()}",
        "results": results,
    }
    out = ROOT / "bench" / "results" / "checker.json"
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(text):,} characters, {len(rules):,} words, {args.runs} runs each")
    print(f"{'case':<28}{'min ms':>10}{'median ms':>12}{'max ms':>10}  result")
    for name, row in results.items():
        timings = f"{row['min_ms']:>10}{row['median_ms']:>12}{row['max_ms']:>10}"
        print(f"{name:<28}{timings}  {row['result']}")
    print(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
