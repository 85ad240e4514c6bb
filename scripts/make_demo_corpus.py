"""Make the demo's corpus excerpt (src/gov_disclosure/demo/data/laws-before-2012.jsonl.gz).

It keeps, in the full corpus's order and with all their fields, exactly the records the demo
uses (``gov_disclosure.demo.corpus.demo_uses``), so the demo built from the excerpt is the
one built from the full corpus. Run with the plugin installed (``.venv``):

    .venv/bin/python scripts/make_demo_corpus.py ../shared/corpus/laws.jsonl.gz
"""

import gzip
import json
import sys
from pathlib import Path

from gov_disclosure.core.law_corpus import law_from_record
from gov_disclosure.demo.corpus import DEMO_CORPUS, demo_uses


def main() -> None:
    source = Path(sys.argv[1])
    kept = 0
    # mtime=0: the same corpus always gives the same bytes.
    with (
        gzip.open(source, "rt", encoding="utf-8") as lines,
        gzip.GzipFile(DEMO_CORPUS, mode="wb", compresslevel=9, mtime=0) as out,
    ):
        for line in lines:
            record = json.loads(line)
            if demo_uses(law_from_record(record)):
                out.write((json.dumps(record, ensure_ascii=False) + "\n").encode())
                kept += 1
    print(f"{DEMO_CORPUS}: {kept} records, {DEMO_CORPUS.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
