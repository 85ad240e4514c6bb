"""Make the CJK font the annual report PDF embeds (src/gov_disclosure/annual_reports/fonts/).

The PDF must read the same on any server, with or without Chinese fonts installed, so the
plugin ships one: Noto Serif CJK SC Regular (SIL Open Font License 1.1) cut down to the
characters of GB 2312 (every hanzi of everyday use, full-width punctuation, the symbols
of official documents) plus ASCII, stored as WOFF2. Characters outside it fall back to
the fonts named by GOV_DISCLOSURE["ANNUAL_REPORT_PDF_FONTS"].

Run with fontTools and brotli installed, on a machine with Debian's fonts-noto-cjk:

    python scripts/make_pdf_font.py [/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc]
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc")
TARGET = (
    Path(__file__).resolve().parent.parent
    / "src/gov_disclosure/annual_reports/fonts/NotoSerifSC-GB2312.woff2"
)
SIMPLIFIED_CHINESE = "Noto Serif CJK SC"


def characters() -> set[int]:
    wanted = set(range(0x20, 0x7F))  # ASCII
    wanted |= set(range(0x3000, 0x3040))  # CJK symbols and punctuation: 〔〕、。《》
    wanted |= set(range(0xFF01, 0xFF5F))  # full-width forms
    wanted |= set(range(0x2010, 0x2030))  # dashes, quotes, ellipsis
    for code in range(0x80, 0x10000):
        try:
            chr(code).encode("gb2312")
        except UnicodeEncodeError:
            continue
        wanted.add(code)
    return wanted


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    collection = TTCollection(source)
    font = next(f for f in collection.fonts if f["name"].getDebugName(1) == SIMPLIFIED_CHINESE)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=characters())
    subsetter.subset(font)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    font.flavor = "woff2"
    font.save(TARGET)
    print(f"{TARGET}: {TARGET.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
