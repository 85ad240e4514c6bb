"""The feed's shapes: query parameters, item records, changes and pages.

The same serializers describe the OpenAPI schema and validate what an aggregating
site receives, so the two cannot drift apart.
"""

import re

from django.core.validators import ProhibitNullCharactersValidator, RegexValidator
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.validators import ProhibitSurrogateCharactersValidator

from gov_disclosure.core.query_params import StrictDateTimeParameter, StrictIntegerParameter
from gov_disclosure.pages.models import DisclosureCategoryPage, DisclosureIndexPage

from .cursors import Cursor, InvalidCursor


class LongTextField(serializers.CharField):
    """A CharField for long HTML: NUL and lone surrogates (which no database stores) are
    refused by one regular expression, not DRF's character-by-character checks."""

    _unstorable = re.compile("[\x00\ud800-\udfff]")

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [v for v in self.validators if not isinstance(v, _PER_CHARACTER)]
        self.validators.append(self._refuse_unstorable)

    def _refuse_unstorable(self, value: str) -> None:
        if self._unstorable.search(value):
            raise serializers.ValidationError(_("含有无法保存的控制字符或代理字符。"))


_PER_CHARACTER = (ProhibitNullCharactersValidator, ProhibitSurrogateCharactersValidator)

MAX_LIMIT = 1000
DEFAULT_LIMIT = 100


# What names an agency: a 组织机构代码 (9 characters) or a 统一社会信用代码 (18).
AGENCY_CODE = RegexValidator(
    r"^[0-9A-Za-z]{9}([0-9A-Za-z]{9})?$", _("应为9位组织机构代码或18位统一社会信用代码。")
)
# A cursor is what a response gave as next_cursor: URL-safe base64.
CURSOR = RegexValidator(r"^[0-9A-Za-z_-]+$", _("游标无效：请使用上一次响应中的 next_cursor。"))
# Well formed, but naming nothing: answered 404 (see ``error_status``).
NOT_FOUND = "not_found"


def agency_code_field() -> serializers.CharField:
    return serializers.CharField(
        required=False,
        max_length=18,
        validators=[AGENCY_CODE],
        help_text=_("只看一个机关：其统一社会信用代码或组织机构代码。"),
    )


def agency_of_code(value: str) -> int:
    agency_id = (
        DisclosureIndexPage.objects.filter(org_code=value.upper())
        .values_list("pk", flat=True)
        .first()
    )
    if agency_id is None:
        raise serializers.ValidationError(
            _("没有代码为 %(code)s 的机关。") % {"code": value}, code=NOT_FOUND
        )
    return agency_id


def error_status(errors: dict) -> int:
    """404 when every parameter was well formed and only named what does not exist
    (an agency, a category, a cursor's position); 400 otherwise."""
    codes = {detail.code for details in errors.values() for detail in details}
    return 404 if codes == {NOT_FOUND} else 400


class FeedQuerySerializer(serializers.Serializer):
    cursor = serializers.CharField(
        required=False,
        max_length=200,
        validators=[CURSOR],
        help_text=_("上一次响应的 next_cursor；省略则从头读取。"),
    )
    limit = StrictIntegerParameter(
        required=False,
        default=DEFAULT_LIMIT,
        min_value=1,
        max_value=MAX_LIMIT,
        help_text=_("每页条数，1 至 1000，默认 100。"),
        error_messages={
            "invalid": _("limit 须为整数。"),
            "min_value": _("limit 不能小于 {min_value}。"),
            "max_value": _("limit 不能大于 {max_value}。"),
        },
    )
    agency = agency_code_field()
    category = StrictIntegerParameter(
        required=False,
        min_value=1,
        max_value=2**63 - 1,
        help_text=_("只看一个目录分类（含子分类）：分类 ID。"),
        error_messages={
            "invalid": _("category 须为目录分类 ID（整数）。"),
            "max_value": _("category 须为目录分类 ID（整数）。"),
        },
    )
    updated_after = StrictDateTimeParameter(
        required=False,
        help_text=_("只看此时间之后的变更（RFC 3339，如 2026-01-01T00:00:00+08:00）。"),
        error_messages={
            "invalid": _("updated_after 须为带时区的 RFC 3339 时间，如 2026-01-01T00:00:00+08:00。")
        },
    )

    def validate_cursor(self, value: str) -> Cursor:
        try:
            return Cursor.decode(value)
        except InvalidCursor:
            raise serializers.ValidationError(
                _("游标无效：请使用上一次响应中的 next_cursor。"), code=NOT_FOUND
            ) from None

    def validate_agency(self, value: str) -> int:
        return agency_of_code(value)

    def validate_category(self, value: int) -> int:
        if not DisclosureCategoryPage.objects.filter(pk=value).exists():
            raise serializers.ValidationError(
                _("没有 ID 为 %(id)s 的目录分类。") % {"id": value}, code=NOT_FOUND
            )
        return value


class AgencySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(max_length=120)
    org_code = serializers.CharField(max_length=20)


class CategoryLevelSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField(max_length=8)
    title = serializers.CharField(max_length=255)


class CategorySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    code = serializers.CharField(max_length=16, help_text=_("完整分类代码，如 0201。"))
    title = serializers.CharField(max_length=255)
    path = CategoryLevelSerializer(many=True, help_text=_("从一级分类到本分类。"))


class PublisherSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField(max_length=100)
    code = serializers.CharField(max_length=20)


class ValiditySerializer(serializers.Serializer):
    status = serializers.CharField(
        max_length=10, help_text=_("有效、已修改、已废止、已失效或不适用。")
    )
    effective_date = serializers.DateField(allow_null=True)
    abolished_date = serializers.DateField(allow_null=True)
    expiry_date = serializers.DateField(allow_null=True)


class AttachmentSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=255)
    file_name = serializers.CharField(max_length=255)
    url = serializers.URLField(max_length=2000)
    size = serializers.IntegerField(min_value=0, allow_null=True)
    sha256 = serializers.RegexField(r"^[0-9a-f]{64}$")
    content_type = serializers.CharField(max_length=100)


class RelationSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(
        choices=["interpretation", "amendment", "related"],
        help_text=_("interpretation：政策解读；amendment：修订；related：相关信息。"),
    )
    direction = serializers.ChoiceField(
        choices=["to", "from"],
        help_text=_("to：本信息关联了对方（如本信息是对方的解读）；from：对方关联了本信息。"),
    )
    interpretation_form = serializers.CharField(
        max_length=10,
        allow_blank=True,
        help_text=_("政策解读的形式：text 文字解读、graphic 图解、qa 问答、media 音视频解读。"),
    )
    id = serializers.IntegerField(help_text=_("对方在来源站点的 ID。"))
    index_number = serializers.CharField(max_length=80)
    title = serializers.CharField(max_length=255)
    publish_date = serializers.DateField(allow_null=True)
    url = serializers.URLField(max_length=2000, allow_null=True)


class ItemRecordSerializer(serializers.Serializer):
    """One published item with its catalogue metadata (政府信息公开目录)."""

    id = serializers.IntegerField(help_text=_("信息在来源站点的 ID。"))
    index_number = serializers.CharField(max_length=80, help_text=_("索引号"))
    title = serializers.CharField(max_length=255)
    agency = AgencySerializer()
    category = CategorySerializer()
    subject = serializers.CharField(max_length=40, help_text=_("主题分类"))
    genre = serializers.CharField(max_length=20, help_text=_("体裁分类"))
    publisher = PublisherSerializer(help_text=_("发布机构"))
    document_number = serializers.CharField(max_length=60, allow_blank=True, help_text=_("文号"))
    written_date = serializers.DateField(help_text=_("成文日期"))
    publish_date = serializers.DateField(allow_null=True, help_text=_("发布日期"))
    disclosure_method = serializers.CharField(max_length=10)
    disclosure_period = serializers.CharField(max_length=10)
    validity = ValiditySerializer()
    summary = serializers.CharField(max_length=1000, allow_blank=True, help_text=_("内容概述"))
    keywords = serializers.ListField(child=serializers.CharField(max_length=200))
    source = serializers.CharField(max_length=120, allow_blank=True)
    body_html = LongTextField(allow_blank=True, trim_whitespace=False)
    attachments = AttachmentSerializer(many=True)
    url = serializers.URLField(max_length=2000, allow_null=True)
    relations = RelationSerializer(
        many=True,
        required=False,
        help_text=_("关联的已发布信息（政策解读、修订、相关信息），两端都列出；1.1 版起提供。"),
    )
    first_published_at = serializers.DateTimeField(allow_null=True)
    updated_at = serializers.DateTimeField(help_text=_("本条在接口中最近一次变更的时间。"))


class ChangeSerializer(serializers.Serializer):
    id = serializers.IntegerField(help_text=_("信息在来源站点的 ID。"))
    action = serializers.ChoiceField(choices=["upsert", "delete"])
    changed_at = serializers.DateTimeField()
    reason = serializers.ChoiceField(
        choices=["unpublished", "deleted", "restricted", "moved"],
        allow_null=True,
        help_text=_("撤下原因：取消发布、删除、设为非公开、移出本分类。"),
    )
    item = ItemRecordSerializer(allow_null=True)


class PageSerializer(serializers.Serializer):
    schema_version = serializers.CharField()
    has_more = serializers.BooleanField(help_text=_("为真时立即用 next_cursor 请求下一页。"))
    next_cursor = serializers.CharField(
        allow_null=True, help_text=_("保存下来，下次从这里继续；读到末尾时也照样返回。")
    )
    next = serializers.URLField(allow_null=True)


class ItemsPageSerializer(PageSerializer):
    results = ItemRecordSerializer(many=True)


class ChangesPageSerializer(PageSerializer):
    results = ChangeSerializer(many=True)


class ErrorSerializer(serializers.Serializer):
    schema_version = serializers.CharField()
    detail = serializers.CharField(required=False)
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), required=False
    )
