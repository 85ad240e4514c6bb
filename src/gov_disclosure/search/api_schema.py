"""The search API in the OpenAPI document: parameters read off the form that validates
them (so the two cannot drift), and the answer's shape as serializers."""

from django import forms
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers

from gov_disclosure.core.query_params import VISIBLE_TEXT_PATTERN, reject_invisible

from .forms import SearchAPIQueryForm, SuggestForm
from .queries import FACETS, MAX_RESULT_WINDOW


class HitSerializer(serializers.Serializer):
    id = serializers.CharField()
    kind = serializers.CharField(help_text="item（公开信息）或 report（年度报告）")
    title = serializers.CharField()
    url = serializers.CharField()
    fragments = serializers.ListField(
        child=serializers.CharField(), help_text="命中片段：已转义的 HTML，命中词在 <em> 中"
    )
    title_highlighted = serializers.CharField(allow_blank=True)
    index_number = serializers.CharField(allow_null=True)
    publisher = serializers.CharField(allow_null=True)
    publish_date = serializers.DateField(allow_null=True)
    validity = serializers.CharField(allow_null=True)
    category = serializers.CharField(allow_null=True)


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField(min_value=0)
    selected = serializers.BooleanField()


class FacetsSerializer(serializers.Serializer):
    def get_fields(self):
        return {name: FacetValueSerializer(many=True) for name in FACETS}


class SearchResultsSerializer(serializers.Serializer):
    total = serializers.IntegerField(min_value=0)
    page = serializers.IntegerField(min_value=1)
    page_size = serializers.IntegerField(min_value=1)
    pages = serializers.IntegerField(min_value=1)
    hits = HitSerializer(many=True)
    facets = FacetsSerializer()
    partial = serializers.BooleanField(
        help_text="true：没有信息包含全部检索词，以下为包含部分检索词的结果"
    )
    correction = serializers.CharField(
        allow_null=True, help_text="结果很少时建议的检索词（您是不是要找），未替换原检索词"
    )


class SuggestionSerializer(serializers.Serializer):
    text = serializers.CharField()
    kind = serializers.ChoiceField(
        choices=["popular", "word", "title"], help_text="热门检索、标题或关键词中的词、标题"
    )


class SuggestionsSerializer(serializers.Serializer):
    suggestions = SuggestionSerializer(many=True)


class SearchErrorSerializer(serializers.Serializer):
    error = serializers.CharField(help_text="按参数列出的原因，一句话")
    fields = serializers.DictField(required=False, help_text="按参数列出的错误（Django 表单格式）")


def _field_schema(field: forms.Field) -> dict:
    if isinstance(field, forms.ChoiceField):
        return {"type": "string", "enum": [value for value, _label in field.choices]}
    if isinstance(field, forms.IntegerField):
        schema = {"type": "integer"}
        if field.min_value is not None:
            schema["minimum"] = field.min_value
        if field.max_value is not None:
            schema["maximum"] = field.max_value
        return schema
    if isinstance(field, forms.DateField):
        return {"type": "string", "format": "date"}
    schema = {"type": "string"}
    if getattr(field, "max_length", None):
        schema["maxLength"] = field.max_length
    if reject_invisible in field.validators:
        schema["pattern"] = VISIBLE_TEXT_PATTERN
    return schema


def form_parameters(form_class: type[forms.Form]) -> list[OpenApiParameter]:
    return [
        OpenApiParameter(
            name,
            _field_schema(field),
            OpenApiParameter.QUERY,
            required=field.required,
            description=str(field.label),
        )
        for name, field in form_class.base_fields.items()
    ]


search_api_schema = extend_schema(
    operation_id="search",
    summary="全文检索已发布的公开信息",
    description=(
        "检索词以空格分隔，每个词都须命中；连写的中文自动分词；引号内为精确短语；"
        "不解析检索语法。支持繁体、全角、同义词；完整标题、文号、索引号优先。"
        "可按目录分类、发布机构、公开主体、年份、有效性和发布日期筛选；facets 给出各筛选项的"
        "命中数。参数有误时返回 400 和原因；空参数等同于省略。"
    ),
    parameters=form_parameters(SearchAPIQueryForm),
    responses={
        200: SearchResultsSerializer,
        400: OpenApiResponse(SearchErrorSerializer, description="参数错误"),
        404: OpenApiResponse(
            SearchErrorSerializer,
            description=f"页码超出可翻阅的范围（page × page_size 不超过 {MAX_RESULT_WINDOW}）",
        ),
        503: OpenApiResponse(SearchErrorSerializer, description="检索服务暂时不可用"),
    },
    tags=["search"],
    auth=[{}],
)


suggest_api_schema = extend_schema(
    operation_id="search_suggest",
    summary="检索词推荐（输入提示）",
    description="按已输入的文字（汉字、全拼或拼音首字母）推荐热门检索、关键词和标题。",
    parameters=form_parameters(SuggestForm),
    responses={
        200: SuggestionsSerializer,
        400: OpenApiResponse(SearchErrorSerializer, description="参数错误"),
    },
    tags=["search"],
    auth=[{}],
)
