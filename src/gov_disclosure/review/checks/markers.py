"""Classification and internal-use markers (密级标志, 内部资料 …) left in a text.

Laws mention 国家秘密 and 机密 all the time; what must not be published is a
document *marked* as classified: 秘密★1年, ★机密, 密级：绝密, or an internal
marker. Only those forms fire.
"""

import re
from collections.abc import Iterator

from .findings import CheckText, Finding, Kind, Severity, excerpt

_LEVEL = r"(?:绝密|机密|秘密)"
_STAR = r"[★☆]"
_MARKERS = re.compile(
    "|".join(
        [
            rf"{_LEVEL}\s*{_STAR}\s*(?:\d+\s*(?:年|个月)|长期|启用前)?",
            rf"{_STAR}\s*{_LEVEL}",
            rf"密\s*级\s*[:：]\s*{_LEVEL}",
            r"内部资料(?!性出版物)",
            r"内部文件",
            r"内部刊物",
            r"内部参考",
            r"内部传阅",
            r"注意保存",
            r"注意保密",
            # "不得公开" is ordinary law text; an instruction not to pass a paper on is not.
            r"(?:不得|严禁|请勿)外传",
        ]
    )
)


def find_classification_markers(piece: CheckText) -> Iterator[Finding]:
    for match in _MARKERS.finditer(piece.text):
        start, end = match.span()
        yield Finding(
            kind=Kind.CLASSIFICATION,
            severity=Severity.BLOCKING,
            field=piece.field,
            source=piece.source,
            start=start,
            end=end,
            excerpt=excerpt(piece.text, start, end),
            rule=" ".join(match.group().split()),
        )
