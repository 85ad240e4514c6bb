"""/api/disclosure/v1/reports/: published annual reports as data, for the district to sum.

The serializers describe the OpenAPI schema and also check what an aggregating
site receives (aggregation.reports), so the two cannot drift apart.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from gov_disclosure.api.access import ControlledAccess, agency_for_key
from gov_disclosure.api.models import Scope
from gov_disclosure.api.records import SCHEMA_VERSION
from gov_disclosure.api.serializers import (
    AgencySerializer,
    LongTextField,
    agency_code_field,
    agency_of_code,
    error_status,
)
from gov_disclosure.api.views import ERROR_RESPONSES, KEY_OR_ANONYMOUS, versioned_exception_handler
from gov_disclosure.core.query_params import StrictIntegerParameter
from gov_disclosure.pages.selectors import agency_for_page

from . import tables
from .forms import FIRST_YEAR
from .selectors import published_reports


class ReportsQuerySerializer(serializers.Serializer):
    year = StrictIntegerParameter(
        required=False,
        min_value=FIRST_YEAR,
        max_value=2100,
        help_text=_("只看一个年度的报告，如 2025。"),
        error_messages={
            "invalid": _("year 须为四位年份。"),
            "min_value": _("year 不能早于 {min_value}。"),
            "max_value": _("year 不能晚于 {max_value}。"),
        },
    )
    # The agency is named as in the item feed: by its code, validated to its page id.
    agency = agency_code_field()

    def validate_agency(self, value: str) -> int:
        return agency_of_code(value)


class TablesField(serializers.DictField):
    """The three tables as ``{table: {row: {column: value}}}``; every cell checked."""

    def to_internal_value(self, data):
        data = super().to_internal_value(data)
        checked, problems = {}, []
        for key in tables.TABLE_KEYS:
            table, errors = tables.parse_table(key, data.get(key))
            if key not in data:
                problems.append(_("缺少表格 %(table)s。") % {"table": key})
            for (row, column), error in errors.items():
                problems.append(f"{key}.{row}.{column}: {error}")
            checked[key] = table
        if problems:
            raise serializers.ValidationError(problems)
        return checked


class SectionsSerializer(serializers.Serializer):
    overview = LongTextField(allow_blank=True, help_text=_("一、总体情况（HTML）"))
    problems = LongTextField(allow_blank=True, help_text=_("五、存在的主要问题及改进情况（HTML）"))
    other_matters = LongTextField(allow_blank=True, help_text=_("六、其他需要报告的事项（HTML）"))


class DownloadsSerializer(serializers.Serializer):
    xlsx = serializers.URLField(max_length=2000)
    pdf = serializers.URLField(max_length=2000)


class ReportRecordSerializer(serializers.Serializer):
    id = serializers.IntegerField(min_value=1)
    year = serializers.IntegerField(min_value=FIRST_YEAR, max_value=2100)
    title = serializers.CharField(max_length=255)
    url = serializers.URLField(max_length=2000)
    agency = AgencySerializer()
    first_published_at = serializers.DateTimeField()
    last_published_at = serializers.DateTimeField()
    tables = TablesField(
        help_text=_(
            "proactive（表二）、requests（表三）、appeals（表四）："
            "{行: {列: 数值}}，只含填报单元格，合计由使用方求和；收费金额为字符串（万元）。"
        )
    )
    sections = SectionsSerializer()
    downloads = DownloadsSerializer()


class ReportsPageSerializer(serializers.Serializer):
    schema_version = serializers.CharField()
    results = ReportRecordSerializer(many=True)


def report_record(report, request) -> dict:
    agency = agency_for_page(page=report)
    url = report.get_full_url(request)
    return {
        "id": report.pk,
        "year": report.year,
        "title": report.title,
        "url": url,
        "agency": {"id": agency.pk, "name": agency.agency_name, "org_code": agency.org_code},
        "first_published_at": report.first_published_at.isoformat(),
        "last_published_at": report.last_published_at.isoformat(),
        "tables": {key: tables.to_json(key, report.table(key)) for key in tables.TABLE_KEYS},
        "sections": {
            "overview": expand_db_html(report.overview),
            "problems": expand_db_html(report.problems),
            "other_matters": expand_db_html(report.other_matters),
        },
        "downloads": {
            "xlsx": url + report.reverse_subpage("xlsx"),
            "pdf": url + report.reverse_subpage("pdf"),
        },
    }


class ReportsView(ControlledAccess, APIView):
    """Every published annual report, newest year first."""

    api_scope = Scope.FEED

    def get_exception_handler(self):
        return versioned_exception_handler

    @extend_schema(
        operation_id="disclosure_reports",
        summary="已发布的政府信息公开工作年度报告",
        description=(
            "各机关已发布的年度报告及其三张统计表（国办公开办函〔2021〕30号格式），"
            "区级平台据此汇总各街道的报告。报告数量少，不分页。"
        ),
        parameters=[ReportsQuerySerializer],
        responses={200: ReportsPageSerializer, **ERROR_RESPONSES},
        tags=["disclosure"],
        auth=KEY_OR_ANONYMOUS,
    )
    def get(self, request):
        query = ReportsQuerySerializer(data=request.query_params)
        if not query.is_valid():
            return Response(
                {"schema_version": SCHEMA_VERSION, "errors": query.errors},
                status=error_status(query.errors),
            )
        reports = published_reports()
        if "year" in query.validated_data:
            reports = reports.filter(year=query.validated_data["year"])
        agency_id = agency_for_key(request, query.validated_data.get("agency"))
        if agency_id is not None:
            reports = reports.child_of(Page.objects.get(pk=agency_id))
        response = Response(
            {
                "schema_version": SCHEMA_VERSION,
                "results": [report_record(report, request) for report in reports],
            }
        )
        response["Cache-Control"] = "no-cache"
        return response
