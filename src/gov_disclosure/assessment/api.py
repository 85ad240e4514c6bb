"""/api/disclosure/v1/assessment-figures/: what each agency's data says for the assessment.

A district assessing subdistricts that run their own sites reads each measure's value and
the records it counts from here (``remote.remote_figures_sync``), so a remote figure opens
its evidence like a local one. The records carry no admin links and nothing personal
(item titles, request and letter numbers, public wording of proposals); still, only a key
reads them, never an anonymous caller. ``FIGURES_VERSION`` changes its major number when a
measure changes what it counts; a district reads the major it knows.
"""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from gov_disclosure.annual_reports.forms import FIRST_YEAR
from gov_disclosure.api.access import ControlledAccess, agency_for_key
from gov_disclosure.api.models import ConsumerKey, Scope
from gov_disclosure.api.records import SCHEMA_VERSION
from gov_disclosure.api.serializers import (
    AgencySerializer,
    agency_code_field,
    agency_of_code,
    error_status,
)
from gov_disclosure.api.views import ERROR_RESPONSES, versioned_exception_handler
from gov_disclosure.core.query_params import StrictIntegerParameter

from .measures import MEASURES
from .selectors import assessed_agencies

FIGURES_VERSION = "1.0"
MAX_ROWS = 100_000  # per measure: a year of a large agency's items is tens of thousands


class FiguresQuerySerializer(serializers.Serializer):
    year = StrictIntegerParameter(
        min_value=FIRST_YEAR,
        max_value=2100,
        help_text=_("考核年度，如 2025。"),
        error_messages={
            "required": _("请用 year 指定年度。"),
            "invalid": _("year 须为四位年份。"),
            "min_value": _("year 不能早于 {min_value}。"),
            "max_value": _("year 不能晚于 {max_value}。"),
        },
    )
    agency = agency_code_field()

    def validate_agency(self, value: str) -> int:
        return agency_of_code(value)


class EvidenceRowSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=300, allow_blank=True)
    day = serializers.DateField(allow_null=True)
    meets = serializers.BooleanField()
    detail = serializers.CharField(max_length=300, allow_blank=True)


class MeasureFigureSerializer(serializers.Serializer):
    value = serializers.FloatField(allow_null=True, min_value=0)
    rows = EvidenceRowSerializer(many=True, max_length=MAX_ROWS)


class AgencyFiguresSerializer(serializers.Serializer):
    agency = AgencySerializer()
    measures = serializers.DictField(
        child=MeasureFigureSerializer(),
        help_text=_("计算方法代码 → 数值及计入的记录（标题、日期、是否符合、说明）。"),
    )


class FiguresPageSerializer(serializers.Serializer):
    schema_version = serializers.CharField()
    figures_version = serializers.CharField()
    year = serializers.IntegerField(min_value=FIRST_YEAR, max_value=2100)
    computed_at = serializers.DateTimeField()
    results = AgencyFiguresSerializer(many=True)


def agency_figures(agency, year: int) -> dict:
    """Every computed measure of ``agency`` for ``year``, with its records."""
    measures = {}
    for code, measure in MEASURES.items():
        rows = measure.rows(agency=agency, year=year)
        measures[code] = {
            "value": measure.value(rows),
            "rows": [
                {
                    "title": row.title[:300],
                    "day": row.day.isoformat() if row.day else None,
                    "meets": row.meets,
                    "detail": str(row.detail)[:300],
                }
                for row in rows
            ],
        }
    return {
        "agency": {"id": agency.pk, "name": agency.agency_name, "org_code": agency.org_code},
        "measures": measures,
    }


class FiguresView(ControlledAccess, APIView):
    """Each agency's assessment figures for a year, with their evidence."""

    api_scope = Scope.FEED

    def get_exception_handler(self):
        return versioned_exception_handler

    @extend_schema(
        operation_id="disclosure_assessment_figures",
        summary="考核评估数据",
        description=(
            "各机关某一年度各项考核指标的数值及计入的记录，供区级平台考核通过接口汇聚的街道。"
            "只接受 API 密钥访问。"
        ),
        parameters=[FiguresQuerySerializer],
        responses={200: FiguresPageSerializer, **ERROR_RESPONSES},
        tags=["disclosure"],
        auth=[{"ApiKey": []}],
    )
    def get(self, request):
        if not isinstance(request.auth, ConsumerKey):
            raise exceptions.NotAuthenticated(
                _("考核评估数据只接受 API 密钥访问：请在请求头 X-API-Key 中提供。")
            )
        query = FiguresQuerySerializer(data=request.query_params)
        if not query.is_valid():
            return Response(
                {"schema_version": SCHEMA_VERSION, "errors": query.errors},
                status=error_status(query.errors),
            )
        year = query.validated_data["year"]
        agencies = assessed_agencies().filter(live=True)
        agency_id = agency_for_key(request, query.validated_data.get("agency"))
        if agency_id is not None:
            agencies = agencies.filter(pk=agency_id)
        response = Response(
            {
                "schema_version": SCHEMA_VERSION,
                "figures_version": FIGURES_VERSION,
                "year": year,
                "computed_at": timezone.now().isoformat(),
                "results": [agency_figures(agency, year) for agency in agencies],
            }
        )
        response["Cache-Control"] = "no-store"
        return response
