"""Validators for the identifiers that appear in a disclosure catalogue."""

import re
import string

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# GB 32100-2015: 统一社会信用代码 uses digits and capital letters without I, O, S, V, Z.
_USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# GB 11714-1997: 组织机构代码, eight body characters and a check character.
_ORG_CODE_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_CODE_RE = re.compile(r"^[0-9A-Z]{8}-?[0-9X]$")


def uscc_check_char(body: str) -> str:
    """Return the check character for the first 17 characters of a 统一社会信用代码."""
    total = sum(_USCC_CHARSET.index(c) * w for c, w in zip(body, _USCC_WEIGHTS, strict=True))
    return _USCC_CHARSET[(31 - total % 31) % 31]


def org_code_check_char(body: str) -> str:
    """Return the check character for the eight body characters of a 组织机构代码."""
    total = sum(int(c, 36) * w for c, w in zip(body, _ORG_CODE_WEIGHTS, strict=True))
    check = 11 - total % 11
    return {10: "X", 11: "0"}.get(check, str(check))


def is_valid_uscc(code: str) -> bool:
    if len(code) != 18 or any(c not in _USCC_CHARSET for c in code):
        return False
    return uscc_check_char(code[:17]) == code[17]


def is_valid_org_code(code: str) -> bool:
    if not _ORG_CODE_RE.match(code):
        return False
    body, check = code.replace("-", "")[:8], code[-1]
    return org_code_check_char(body) == check


def validate_agency_code(value: str) -> None:
    """Accept an 18-character 统一社会信用代码 or a 9-character 组织机构代码 (校验位 checked)."""
    code = value.strip().upper()
    if len(code) == 18:
        if not is_valid_uscc(code):
            raise ValidationError(_("统一社会信用代码无效：请核对18位代码及最后一位校验码。"))
        return
    if len(code.replace("-", "")) == 9:
        if not is_valid_org_code(code):
            raise ValidationError(_("组织机构代码无效：请核对9位代码（如 00295837-X）及校验码。"))
        return
    raise ValidationError(_("请填写18位统一社会信用代码或9位组织机构代码。"))


# GB/T 9704-2012: 发文字号 is 机关代字 + year in 六角括号 + serial without leading zeros + 号.
_DOCUMENT_NUMBER_RE = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9]+〔(19|20)\d{2}〕[1-9]\d*号$")
_WRONG_BRACKETS_RE = re.compile(r"[\[\]【】()（）〈〉<>「」]")


def validate_document_number(value: str) -> None:
    """Check a 文号 such as 庄街〔2012〕15号 against the GB/T 9704 layout."""
    if _DOCUMENT_NUMBER_RE.match(value):
        return
    if _WRONG_BRACKETS_RE.search(value):
        raise ValidationError(
            _("文号的年份须用六角括号〔〕括入，例如：庄街〔2012〕15号。"),
            code="document_number_brackets",
        )
    raise ValidationError(
        _(
            "文号格式应为“机关代字〔年份〕序号号”，序号不加“第”字、不编虚位，例如：庄街〔2012〕15号。"
        ),
        code="document_number_format",
    )


INDEX_NUMBER_FIELDS = {"org_code", "year", "month", "serial", "category_code"}
_INDEX_NUMBER_SAMPLE = {
    "org_code": "113302110029583700",
    "year": 2012,
    "month": 1,
    "serial": 1,
    "category_code": "01",
}


def validate_index_number_pattern(value: str) -> None:
    """A 索引号 pattern must number items per year, and only use known placeholders."""
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(value) if name is not None}
    except ValueError as exc:
        raise ValidationError(
            _("索引号规则的花括号不匹配：%(error)s"), params={"error": exc}
        ) from exc
    unknown = fields - INDEX_NUMBER_FIELDS
    if unknown:
        raise ValidationError(
            _(
                "索引号规则含有未知占位符：%(unknown)s；可用：{org_code} {year} {month} "
                "{serial} {category_code}。"
            ),
            params={"unknown": "、".join(sorted(unknown))},
        )
    if not {"org_code", "serial", "year"} <= fields:
        raise ValidationError(
            _(
                "索引号规则必须包含 {org_code}、{year} 和 {serial}，"
                "否则不同机关或不同年份的编号会重复。"
            )
        )
    try:
        value.format(**_INDEX_NUMBER_SAMPLE)
    except (ValueError, TypeError) as exc:
        raise ValidationError(
            _("索引号规则的格式说明无效：%(error)s"), params={"error": exc}
        ) from exc
