"""Make the demo's corpus excerpt (src/gov_disclosure/demo/data/laws-before-2012.jsonl.gz).

The demo subdistrict forwards and implements regulations in force before its year (2012):
State Council regulations (行政法规) and Zhejiang local regulations (地方性法规), each short
enough to reproduce. This keeps exactly those records of the full corpus, in its order, so
the demo built from the excerpt is the one built from the full corpus.

    python scripts/make_demo_corpus.py ../shared/corpus/laws.jsonl.gz
"""

import gzip
import json
import sys
from pathlib import Path

TARGET = (
    Path(__file__).resolve().parent.parent
    / "src/gov_disclosure/demo/data/laws-before-2012.jsonl.gz"
)
BEFORE = "2012-01-01"
MAX_BODY = 12000


def wanted(record: dict) -> bool:
    dates = record.get("dates") or []
    if not dates or max(dates) >= BEFORE or len(record["body"]) > MAX_BODY:
        return False
    zhejiang = record["category"] == "地方性法规" and (record.get("region") or "") == "浙江"
    return zhejiang or record["category"] == "行政法规"


def main() -> None:
    source = Path(sys.argv[1])
    kept = 0
    # mtime=0: the same corpus always gives the same bytes.
    with (
        gzip.open(source, "rt", encoding="utf-8") as lines,
        gzip.GzipFile(TARGET, mode="wb", compresslevel=9, mtime=0) as out,
    ):
        for line in lines:
            record = json.loads(line)
            if wanted(record):
                out.write((json.dumps(record, ensure_ascii=False) + "\n").encode())
                kept += 1
    print(f"{TARGET}: {kept} records, {TARGET.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
