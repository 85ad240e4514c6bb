"""Hypothesis strategies for what people (and robots) type into public forms."""

from hypothesis import strategies as st

# Fragments that have broken search engines and SQL before; each must be plain text here.
FRAGMENTS = [
    "' OR '1'='1' --",
    '"; DROP TABLE wagtailcore_page; --',
    "1; SELECT pg_sleep(10)",
    "title:(公开 OR 预算) AND NOT 草稿",
    'publish_date:[2020-01-01 TO *] "unterminated',
    "*?~^!{}[]/\\",
    '{"query": {"match_all": {}}}',
    "<script>alert(1)</script>",
    "%00%27%22",
    "𠀀𪚥𰻝",  # characters beyond the Basic Multilingual Plane
    "政府信息公开😀👨‍👩‍👧 تعديل Ünïcödé ｆｕｌｌｗｉｄｔｈ",
    "\u202etxt.exe",  # right-to-left override
    "\x00",
    "\x1b[31m",
]
MALFORMED_DATES = [
    "2025-13-45",
    "2025-02-30",
    "0000-00-00",
    "２０２５－０１－０１",
    "昨天",
    "-1",
    "1e9",
]


def hostile_text(max_size: int = 300):
    """Any text, long text, control characters, emoji, mixed scripts and injection fragments."""
    return st.one_of(
        st.text(max_size=max_size),
        st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=20_000),
        st.sampled_from(FRAGMENTS),
        st.lists(st.sampled_from(FRAGMENTS + MALFORMED_DATES), min_size=2, max_size=5).map("".join),
    )


def hostile_date():
    return st.one_of(st.sampled_from(MALFORMED_DATES), hostile_text(max_size=30))
