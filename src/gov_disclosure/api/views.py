"""The synchronisation feed: /api/disclosure/v1/items/ and /changes/."""

import hashlib
import json

from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.response import Response
from rest_framework.views import APIView, exception_handler

from .access import ControlledAccess, agency_for_key
from .compression import compressed
from .models import Scope
from .records import SCHEMA_VERSION
from .selectors import FeedFilter, FeedPage, feed_last_change, feed_page
from .serializers import (
    ChangesPageSerializer,
    ErrorSerializer,
    FeedQuerySerializer,
    ItemsPageSerializer,
    error_status,
)


def versioned_exception_handler(exc, context):
    """DRF's error responses, with the schema version like every other response."""
    response = exception_handler(exc, context)
    if response is not None:
        data = response.data
        if isinstance(data, dict) and "detail" not in data:
            data = {"errors": data}
        elif not isinstance(data, dict):
            data = {"detail": data}
        response.data = {"schema_version": SCHEMA_VERSION, **data}
    return response


# Anonymous reading is allowed unless the office turns it off (数据接口设置); the
# ApiKey scheme itself is declared in SPECTACULAR_SETTINGS.
KEY_OR_ANONYMOUS = [{"ApiKey": []}, {}]

ERROR_RESPONSES = {
    400: OpenApiResponse(ErrorSerializer, description="参数错误，errors 按参数列出原因"),
    404: OpenApiResponse(
        ErrorSerializer, description="参数所指的机关、目录分类或游标位置不存在，errors 列出是哪个"
    ),
    401: OpenApiResponse(ErrorSerializer, description="需要 API 密钥，或密钥无效"),
    403: OpenApiResponse(ErrorSerializer, description="密钥无权访问此接口"),
    429: OpenApiResponse(ErrorSerializer, description="超过频率上限；Retry-After 给出秒数"),
}


class FeedView(ControlledAccess, APIView):
    api_scope = Scope.FEED
    include_tombstones: bool

    def get_exception_handler(self):
        return versioned_exception_handler

    def get(self, request):
        query = FeedQuerySerializer(data=request.query_params)
        if not query.is_valid():
            return Response(
                {"schema_version": SCHEMA_VERSION, "errors": query.errors},
                status=error_status(query.errors),
            )
        params = query.validated_data
        agency_id = agency_for_key(request, params.get("agency"))
        feed_filter = FeedFilter(
            include_tombstones=self.include_tombstones,
            agency_id=agency_id,
            category_id=params.get("category"),
            updated_after=params.get("updated_after"),
        )
        page = feed_page(feed_filter=feed_filter, after=params.get("cursor"), limit=params["limit"])
        etag = self._etag(request, page)
        last_change = feed_last_change()
        last_modified = int(last_change.timestamp()) if last_change else None
        not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if not_modified is not None:
            not_modified["ETag"] = etag
            return not_modified
        response = compressed(
            request,
            HttpResponse(self._body(request, page), content_type="application/json; charset=utf-8"),
        )
        response["ETag"] = etag
        if last_modified is not None:
            response["Last-Modified"] = http_date(last_modified)
        # Always revalidate: ETag answers an unchanged page with 304.
        patch_cache_control(response, no_cache=True)
        return response

    def _etag(self, request, page: FeedPage) -> str:
        digest = hashlib.sha256()
        digest.update(f"{SCHEMA_VERSION}|{request.get_full_path()}|{page.has_more}".encode())
        for row in page.rows:
            digest.update(f"|{row.entry_id}:{row.changed_at.isoformat()}".encode())
        # Weak: the same page gzipped or not is the same content.
        return f'W/"{digest.hexdigest()[:32]}"'

    def _body(self, request, page: FeedPage) -> str:
        # Records are stored as the JSON they are sent as: a page is joined, not re-encoded.
        results = ",".join(self._result(row) for row in page.rows)
        next_cursor = page.next_cursor.encode() if page.next_cursor else None
        next_url = None
        if page.has_more:
            query = request.query_params.copy()
            query["cursor"] = next_cursor
            next_url = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
        head = json.dumps(
            {
                "schema_version": SCHEMA_VERSION,
                "has_more": page.has_more,
                "next_cursor": next_cursor,
                "next": next_url,
            },
            ensure_ascii=False,
        )
        return f'{head[:-1]},"results":[{results}]}}'

    def _result(self, row) -> str:
        raise NotImplementedError


def _with_updated_at(record: str, updated_at: str) -> str:
    return f'{record[:-1]},"updated_at":{updated_at}}}'


def _feed_schema(*, operation_id: str, summary: str, description: str, page):
    return extend_schema_view(
        get=extend_schema(
            operation_id=operation_id,
            summary=summary,
            description=description,
            parameters=[FeedQuerySerializer],
            responses={200: page, 304: OpenApiResponse(description="未变化"), **ERROR_RESPONSES},
            tags=["disclosure"],
            auth=KEY_OR_ANONYMOUS,
        )
    )


@_feed_schema(
    operation_id="disclosure_items",
    summary="已发布的公开信息",
    description=(
        "按最近变更时间排列的已发布信息，全量同步用。游标分页：保存 next_cursor，下次从那里继续。"
    ),
    page=ItemsPageSerializer,
)
class ItemsView(FeedView):
    """Published items, in the order they last changed."""

    include_tombstones = False

    def _result(self, row) -> str:
        return _with_updated_at(row.record, json.dumps(row.changed_at.isoformat()))


@_feed_schema(
    operation_id="disclosure_changes",
    summary="变更流（含撤下记录）",
    description=(
        "与 items 相同的顺序，另含撤下记录"
        "（action=delete：取消发布、删除、设为非公开或移出分类），聚合方据此删除本地副本。"
    ),
    page=ChangesPageSerializer,
)
class ChangesView(FeedView):
    """Every change, with tombstones for items taken down, for incremental sync."""

    include_tombstones = True

    def _result(self, row) -> str:
        changed_at = json.dumps(row.changed_at.isoformat())
        if row.deleted:
            return (
                f'{{"id":{row.item_id},"action":"delete","changed_at":{changed_at},'
                f'"reason":{json.dumps(row.reason)},"item":null}}'
            )
        item = _with_updated_at(row.record, changed_at)
        return (
            f'{{"id":{row.item_id},"action":"upsert","changed_at":{changed_at},'
            f'"reason":null,"item":{item}}}'
        )
