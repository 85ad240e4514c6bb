"""The catalogue template format: one TOML file per area (领域) of the 基层政务公开标准目录.

A file names its area and source and lists its 公开事项, each with the standard's columns::

    key = "social-assistance"
    area = "社会救助"
    source = "民政部《社会救助领域基层政务公开标准指引》（2019年）"
    note = "细节存疑之处"                 # optional

    [defaults]                           # optional: taken by every 事项 that omits them
    subject = "乡镇人民政府（街道办事处）"
    channels = ["政府网站", "公开栏"]
    audience = "全社会"                  # 全社会 / 特定群体
    method = "主动"                      # 主动 / 依申请
    levels = ["县级", "乡级"]

    [[matters]]
    code = "01"                          # unique in the file; the subcategory's code
    group = "政策文件"                   # 一级事项
    name = "法规政策文件"                # 二级事项: the slot's name
    content = "…"                        # 公开内容（要素）
    basis = "…"                          # 公开依据
    deadline = "信息形成或变更之日起20个工作日内"

The 公开时限 is read from its words (``Deadline``): "N个工作日" is a limit in working
days from the information's forming; 每年 / 每季度 / 每月 (年度, 季度, 月度) a period in
which something must appear; anything else (长期, 实时, 适时) only asks that it be there.
A file may say so itself with ``period = "yearly"`` (or quarterly, monthly, none) or
``working_days = N`` on a 事项.
"""

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from django.utils.translation import gettext as _

TOWNSHIP = "乡级"
LEVELS = ("县级", TOWNSHIP)
AUDIENCES = ("全社会", "特定群体")
METHODS = ("主动", "依申请")
PERIODS = ("working_days", "yearly", "quarterly", "monthly", "none")
_CODE = re.compile(r"^[0-9A-Za-z]{1,8}$")
_WORKING_DAYS = re.compile(r"(\d+)\s*个?工作日")
_MATTER_FIELDS = (
    *("code", "group", "name", "content", "basis", "deadline", "subject", "channels"),
    *("audience", "method", "levels", "period", "working_days", "note"),
)


class TemplateError(ValueError):
    """A catalogue template that does not follow the format; the message says where."""


@dataclass(frozen=True)
class Deadline:
    """公开时限 as a rule the coverage can check."""

    period: str  # one of PERIODS
    working_days: int | None = None

    @classmethod
    def from_words(cls, words: str) -> "Deadline":
        if match := _WORKING_DAYS.search(words):
            return cls("working_days", int(match.group(1)))
        if re.search(r"每季|季度", words):
            return cls("quarterly")
        if re.search(r"每月|月度|按月", words):
            return cls("monthly")
        if re.search(r"每年|年度|按年|年初|年底", words):
            return cls("yearly")
        return cls("none")


@dataclass(frozen=True)
class StandardMatter:
    """One 公开事项 of the standard."""

    code: str
    group: str
    name: str
    content: str
    basis: str
    deadline: str
    rule: Deadline
    subject: str
    channels: tuple[str, ...]
    audience: str
    method: str
    levels: tuple[str, ...]
    note: str = ""

    @property
    def for_township(self) -> bool:
        return TOWNSHIP in self.levels


@dataclass(frozen=True)
class StandardArea:
    """One 领域 of the standard, as its template file gives it."""

    key: str
    area: str
    source: str
    matters: tuple[StandardMatter, ...]
    note: str = ""
    digest: str = field(default="", compare=False)

    @property
    def township_matters(self) -> tuple[StandardMatter, ...]:
        return tuple(matter for matter in self.matters if matter.for_township)

    def matter(self, code: str) -> StandardMatter:
        return next(matter for matter in self.matters if matter.code == code)


def _text(data: dict, key: str, where: str, *, required: bool = True) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise TemplateError(
            _("%(where)s：缺少“%(key)s”，或它不是文字。") % {"where": where, "key": key}
        )
    return value.strip()


def _choice(value, allowed, key: str, where: str) -> str:
    if value not in allowed:
        raise TemplateError(
            _("%(where)s：“%(key)s”只能是 %(allowed)s，不是“%(value)s”。")
            % {"where": where, "key": key, "allowed": "、".join(allowed), "value": value}
        )
    return value


def _matter(data: dict, defaults: dict, where: str) -> StandardMatter:
    unknown = set(data) - set(_MATTER_FIELDS)
    if unknown:
        raise TemplateError(
            _("%(where)s：不认识的字段 %(fields)s。")
            % {"where": where, "fields": "、".join(sorted(unknown))}
        )
    data = {**defaults, **data}
    code = _text(data, "code", where)
    if not _CODE.match(code):
        raise TemplateError(_("%(where)s：事项代码只能是1至8位数字或字母。") % {"where": where})
    deadline = _text(data, "deadline", where)
    if "working_days" in data:
        days = data["working_days"]
        if not isinstance(days, int) or days < 1:
            raise TemplateError(_("%(where)s：working_days 应为正整数。") % {"where": where})
        rule = Deadline("working_days", days)
    elif "period" in data:
        rule = Deadline(_choice(data["period"], PERIODS[1:], "period", where))
    else:
        rule = Deadline.from_words(deadline)
    channels = data.get("channels", [])
    levels = data.get("levels", list(LEVELS))
    if not isinstance(channels, list) or not all(isinstance(c, str) for c in channels):
        raise TemplateError(_("%(where)s：channels 应为文字列表。") % {"where": where})
    if not isinstance(levels, list) or not levels:
        raise TemplateError(_("%(where)s：levels 应为非空列表。") % {"where": where})
    for level in levels:
        _choice(level, LEVELS, "levels", where)
    return StandardMatter(
        code=code,
        group=_text(data, "group", where),
        name=_text(data, "name", where),
        content=_text(data, "content", where),
        basis=_text(data, "basis", where),
        deadline=deadline,
        rule=rule,
        subject=_text(data, "subject", where),
        channels=tuple(channels),
        audience=_choice(data.get("audience", "全社会"), AUDIENCES, "audience", where),
        method=_choice(data.get("method", "主动"), METHODS, "method", where),
        levels=tuple(levels),
        note=_text(data, "note", where, required=False),
    )


def area_parse(text: str, *, name: str = "") -> StandardArea:
    """A template file's text as a ``StandardArea``; ``TemplateError`` names what is wrong."""
    import hashlib

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TemplateError(
            _("%(name)s 不是有效的 TOML：%(error)s") % {"name": name, "error": error}
        ) from error
    key = _text(data, "key", name)
    if not re.match(r"^[a-z0-9-]{1,60}$", key):
        raise TemplateError(_("%(name)s：key 只能由小写字母、数字和连字符组成。") % {"name": name})
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict) or "code" in defaults or set(defaults) - set(_MATTER_FIELDS):
        raise TemplateError(
            _("%(name)s：[defaults] 只能包含事项的字段（code 除外）。") % {"name": name}
        )
    matters_data = data.get("matters", [])
    if not isinstance(matters_data, list) or not matters_data:
        raise TemplateError(_("%(name)s：没有列出任何公开事项（[[matters]]）。") % {"name": name})
    matters = tuple(
        _matter(matter, defaults, f"{name} 第{number}个事项")
        for number, matter in enumerate(matters_data, start=1)
    )
    codes = [matter.code for matter in matters]
    if duplicated := sorted({code for code in codes if codes.count(code) > 1}):
        raise TemplateError(
            _("%(name)s：事项代码重复：%(codes)s。")
            % {"name": name, "codes": "、".join(duplicated)}
        )
    return StandardArea(
        key=key,
        area=_text(data, "area", name),
        source=_text(data, "source", name),
        matters=matters,
        note=_text(data, "note", name, required=False),
        digest=hashlib.sha256(text.encode()).hexdigest()[:16],
    )


def _folder_areas(folder) -> list[StandardArea]:
    return [
        area_parse(path.read_text(encoding="utf-8"), name=path.name)
        for path in sorted(folder.iterdir(), key=lambda path: path.name)
        if path.name.endswith(".toml")
    ]


@cache
def shipped_areas() -> dict[str, StandardArea]:
    """The 26 areas shipped with the plugin, by key, in the standard's order."""
    areas = _folder_areas(resources.files("gov_disclosure.standards") / "data")
    return {area.key: area for area in areas}


@cache
def _site_areas(folders: tuple[str, ...]) -> dict[str, StandardArea]:
    return {area.key: area for folder in folders for area in _folder_areas(Path(folder))}


def available_areas() -> dict[str, StandardArea]:
    """The shipped areas, then a site's own (a province's standard catalogue, say) from the
    folders of ``STANDARD_CATALOGUE_DIRS``; a site's file with a shipped key replaces it."""
    from gov_disclosure.conf import disclosure_settings

    folders = tuple(str(folder) for folder in disclosure_settings.STANDARD_CATALOGUE_DIRS)
    return {**shipped_areas(), **_site_areas(folders)}
