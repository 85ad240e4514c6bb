"""Checking an exported catalogue row by row before anything is written: every problem of
every row, named in Chinese; what each good row will become."""

import datetime
import re
from dataclasses import dataclass, field

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _

from gov_disclosure.pages.models import (
    Department,
    DisclosureCategoryPage,
    DisclosureIndexPage,
    DisclosureItemPage,
    DisclosureMethod,
    DisclosurePeriod,
    Genre,
    Subject,
    Validity,
)
from gov_disclosure.pages.validators import validate_document_number

from .attachment_files import AttachmentSource, attachment_names
from .table import COLUMNS, SourceTable, parse_date

# What other systems write for our choices.
_METHODS = {"主动": DisclosureMethod.PROACTIVE, "依申请": DisclosureMethod.ON_REQUEST}
_PERIODS = {"长期": DisclosurePeriod.LONG_TERM, "定期": DisclosurePeriod.PERIODIC,
            "即时": DisclosurePeriod.IMMEDIATE, "及时": DisclosurePeriod.IMMEDIATE}  # fmt: skip
_VALIDITY = {"现行有效": Validity.VALID, "有效": Validity.VALID, "修改": Validity.AMENDED,
             "已修改": Validity.AMENDED, "废止": Validity.ABOLISHED, "已废止": Validity.ABOLISHED,
             "失效": Validity.EXPIRED, "已失效": Validity.EXPIRED}  # fmt: skip
_CHOICE_FIELDS = {
    "disclosure_method": (_METHODS, DisclosureMethod, DisclosureMethod.PROACTIVE),
    "disclosure_period": (_PERIODS, DisclosurePeriod, DisclosurePeriod.LONG_TERM),
    "validity": (_VALIDITY, Validity, Validity.VALID),
}
# The rich text a body may keep (Draftail's features of the item's paragraphs).
_BODY_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ol", "ul", "li", "h2", "h3", "h4"}
_CATEGORY_SEPARATORS = re.compile(r"\s*[/>＞›»\\|]\s*")
MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024


def _label(field_name: str) -> str:
    return COLUMNS[field_name][0]


@dataclass
class CheckedRow:
    """One row: its problems, its warnings, or what it will be."""

    number: int
    index_number: str = ""
    title: str = ""
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    already_imported: bool = False
    fields: dict = field(default_factory=dict)  # DisclosureItemPage field → value
    category: DisclosureCategoryPage | None = None
    attachments: list[tuple[str, str]] = field(default_factory=list)  # (source key, title)
    old_url: str = ""

    def error(self, column: str, message: str) -> None:
        self.errors.append(f"{column}：{message}")

    def warn(self, column: str, message: str) -> None:
        self.warnings.append(f"{column}：{message}")

    @property
    def importable(self) -> bool:
        return not self.errors and not self.already_imported


@dataclass
class CheckedImport:
    rows: list[CheckedRow]
    unknown_headers: list[str]

    @property
    def errors(self) -> int:
        return sum(1 for row in self.rows if row.errors)

    @property
    def to_import(self) -> list[CheckedRow]:
        return [row for row in self.rows if row.importable]

    @property
    def already_imported(self) -> int:
        return sum(1 for row in self.rows if row.already_imported)

    def problems(self) -> list[dict]:
        """Each row with errors or warnings, as stored with the batch and shown."""
        return [
            {
                "row": row.number,
                "index_number": row.index_number,
                "title": row.title,
                "errors": row.errors,
                "warnings": row.warnings,
            }  # fmt: skip
            for row in self.rows
            if row.errors or row.warnings
        ]


class _Catalogue:
    """The agency's categories and departments, found the ways an export names them."""

    def __init__(self, agency: DisclosureIndexPage):
        categories = list(DisclosureCategoryPage.objects.descendant_of(agency).order_by("path"))
        by_path = {category.path: category for category in categories}
        self.categories: dict[str, DisclosureCategoryPage | None] = {}
        titles: dict[str, list] = {}
        for category in categories:
            parent = by_path.get(category.path[: -category.steplen])
            full_code = (parent.code if parent else "") + category.code
            self.categories[full_code.casefold()] = category
            path = f"{parent.title}/{category.title}" if parent else category.title
            self.categories[path.casefold()] = category
            titles.setdefault(category.title.casefold(), []).append(category)
        for title, found in titles.items():
            # A bare title names a category only if no other has it.
            self.categories.setdefault(title, found[0] if len(found) == 1 else None)
        self.departments: dict[str, Department] = {}
        for department in agency.departments.all():
            self.departments[department.name.casefold()] = department
            self.departments[department.code.casefold()] = department

    def category(self, text: str):
        key = "/".join(_CATEGORY_SEPARATORS.split(text.strip())).casefold()
        return self.categories.get(key, False)


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _choice(row, values: dict, name: str, value, *, default, choices) -> str:
    if value in (None, ""):
        return default
    text = _text(value)
    if text in choices:
        return text
    if text in values:
        return values[text]
    row.error(_label(name), _("“%(value)s”不是可用的值（%(allowed)s）。")
              % {"value": text, "allowed": "、".join(choices)})  # fmt: skip
    return default


def _classification(row, name: str, values, choices) -> str:
    """主题分类 or 体裁分类: one of ours, else 其他 (the row is imported, with a note)."""
    value = _text(values.get(name, ""))
    if value in choices.values:
        return value
    if value:
        row.warn(_label(name), _("“%(value)s”不是%(label)s，按“其他”导入。")
                 % {"value": value, "label": _label(name)})  # fmt: skip
    else:
        row.warn(_label(name), _("未填写，按“其他”导入。"))
    return choices.OTHER


def body_blocks(value) -> tuple[list[dict], str]:
    """The body as the item's paragraph blocks (HTML kept to what the editor allows, plain
    text split into paragraphs), and its text for a summary."""
    text = _text(value)
    if not text:
        return [], ""
    if re.search(r"<[a-zA-Z][^>]*>", text):
        html = nh3.clean(text, tags=_BODY_TAGS, attributes={"a": {"href"}})
    else:
        paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
        html = "".join(f"<p>{escape(line)}</p>" for line in paragraphs)
    plain = re.sub(r"\s+", " ", strip_tags(html)).strip()
    return ([{"type": "paragraph", "value": html}] if plain else []), plain


def _summary_from(text: str) -> str:
    first = re.split(r"(?<=[。！？])", text, maxsplit=1)[0]
    return (first if len(first) <= 200 else text[:200]).strip()


def _allowed_file(name: str) -> bool:
    # The site's document types (WAGTAILDOCS_EXTENSIONS), as an upload in the admin.
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return allowed is None or extension in allowed


def _date(row, values, name: str, *, required: bool) -> datetime.date | None:
    value = values.get(name)
    if value in (None, ""):
        if required:
            row.error(_label(name), _("必须填写。"))
        return None
    try:
        return parse_date(value)
    except ValueError:
        row.error(
            _label(name), _("“%(value)s”不是日期，请写成 2024-03-01。") % {"value": _text(value)}
        )
    return None


def rows_check(
    *, agency: DisclosureIndexPage, table: SourceTable, attachments: AttachmentSource
) -> CheckedImport:
    """Every row of ``table`` checked against ``agency``'s catalogue; nothing is written.

    A row whose 索引号 is already an item of this agency was imported before: it is left
    as it is (so running an import again changes nothing)."""
    catalogue = _Catalogue(agency)
    today = timezone.localdate()
    numbers = [_text(row.values.get("index_number", "")) for row in table.rows]
    existing = dict(
        DisclosureItemPage.objects.filter(index_number__in=[n for n in numbers if n]).values_list(
            "index_number", "path"
        )
    )
    seen: dict[str, int] = {}
    checked = []
    for source in table.rows:
        values = source.values
        row = CheckedRow(number=source.number)
        row.index_number = _text(values.get("index_number", ""))
        row.title = _text(values.get("title", ""))
        if not row.index_number:
            row.error(_label("index_number"), _("必须填写。"))
        elif len(row.index_number) > 80:
            row.error(_label("index_number"), _("不能超过80个字符。"))
        elif row.index_number in seen:
            row.error(
                _label("index_number"),
                _("与第 %(row)s 行重复。") % {"row": seen[row.index_number]},
            )
        elif row.index_number in existing:
            if existing[row.index_number].startswith(agency.path):
                row.already_imported = True
            else:
                row.error(_label("index_number"), _("已被其他机关的信息使用。"))
        seen.setdefault(row.index_number, source.number)
        if row.already_imported:
            checked.append(row)
            continue
        if not row.title:
            row.error(_label("title"), _("必须填写。"))
        elif len(row.title) > 255:
            row.error(_label("title"), _("不能超过255个字符。"))

        category_text = _text(values.get("category", ""))
        category = catalogue.category(category_text) if category_text else False
        if not category_text:
            row.error(_label("category"), _("必须填写。"))
        elif category is None:
            row.error(
                _label("category"),
                _("“%(value)s”有多个同名分类，请写分类代码或“一级分类/二级分类”。")
                % {"value": category_text},
            )
        elif category is False:
            row.error(
                _label("category"),
                _("本机关没有分类“%(value)s”（可写分类代码如 0201，或“一级分类/二级分类”）。")
                % {"value": category_text},
            )
        else:
            row.category = category

        publisher_text = _text(values.get("publisher", ""))
        publisher = catalogue.departments.get(publisher_text.casefold())
        if not publisher_text:
            row.error(_label("publisher"), _("必须填写。"))
        elif publisher is None:
            row.error(
                _label("publisher"),
                _("本机关没有部门“%(value)s”，请先在“部门”中添加。") % {"value": publisher_text},
            )

        written = _date(row, values, "written_date", required=True)
        published = _date(row, values, "publish_date", required=True)
        if published and published > today:
            row.error(_label("publish_date"), _("不能晚于今天。"))

        subject = _classification(row, "subject", values, Subject)
        genre = _classification(row, "genre", values, Genre)
        document_number = _text(values.get("document_number", ""))
        if len(document_number) > 60:
            row.error(_label("document_number"), _("不能超过60个字符。"))
        elif document_number:
            try:
                validate_document_number(document_number)
            except ValidationError:
                row.warn(_label("document_number"), _("不符合 GB/T 9704 的写法，按原样保留。"))

        blocks, body_text = body_blocks(values.get("body", ""))
        summary = _text(values.get("summary", ""))
        if not summary:
            summary = _summary_from(body_text) or row.title
            row.warn(
                _label("summary"),
                _("未填写，取自正文开头。") if body_text else _("未填写，以名称代替。"),
            )
        if len(summary) > 1000:
            summary = summary[:1000]
            row.warn(_label("summary"), _("超过1000字，已截断。"))

        item = DisclosureItemPage(
            title=row.title,
            subject=subject,
            genre=genre,
            publisher=publisher,
            document_number=document_number,
            written_date=written,
            publish_date=published,
            **{
                name: _choice(
                    row, aliases, name, values.get(name), default=default, choices=choices.values
                )  # fmt: skip
                for name, (aliases, choices, default) in _CHOICE_FIELDS.items()
            },
            effective_date=_date(row, values, "effective_date", required=False),
            abolished_date=_date(row, values, "abolished_date", required=False),
            expiry_date=_date(row, values, "expiry_date", required=False),
            summary=summary,
            keywords=_text(values.get("keywords", ""))[:200],
            source=_text(values.get("source", ""))[:120],
            body=blocks,
        )
        if written and published:
            labels = {name: _label(name) for name in COLUMNS}
            for name, message in item.metadata_errors().items():
                row.error(labels[name], str(message))

        for name in attachment_names(values.get("attachments")):
            key = attachments.find(name)
            if key is None:
                row.error(_label("attachments"), _("找不到文件“%(name)s”。") % {"name": name})
            elif attachments.size(key) > MAX_ATTACHMENT_BYTES:
                row.error(_label("attachments"), _("“%(name)s”超过100 MB。") % {"name": name})
            elif attachments.size(key) == 0:
                row.error(_label("attachments"), _("“%(name)s”是空文件。") % {"name": name})
            elif not _allowed_file(name):
                row.error(
                    _label("attachments"),
                    _("“%(name)s”不是允许的文件类型（%(allowed)s）。")
                    % {"name": name, "allowed": "、".join(settings.WAGTAILDOCS_EXTENSIONS)},
                )
            else:
                title = name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
                row.attachments.append((key, title[:200]))
        row.old_url = _text(values.get("old_url", ""))
        row.fields = {
            name: getattr(item, name)
            for name in (
                "title",
                "subject",
                "genre",
                "document_number",
                "written_date",
                "publish_date",
                "disclosure_method",
                "disclosure_period",
                "validity",
                "effective_date",
                "abolished_date",
                "expiry_date",
                "summary",
                "keywords",
                "source",
            )  # fmt: skip
        }
        row.fields.update(publisher=publisher, body=blocks, index_number=row.index_number)
        checked.append(row)
    return CheckedImport(rows=checked, unknown_headers=table.unknown_headers)
