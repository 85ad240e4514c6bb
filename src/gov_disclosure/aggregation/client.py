"""HTTP access to a source's synchronisation feed; every failure becomes a SyncError in Chinese."""

from dataclasses import dataclass

import requests
from django.utils.translation import gettext as _

from gov_disclosure.api.records import SCHEMA_VERSION

from .models import Source

# (connect, read) seconds: a source that hangs is treated as down, not waited for.
TIMEOUT = (5, 60)
SUPPORTED_MAJOR = SCHEMA_VERSION.split(".")[0]


class SyncError(Exception):
    """The source could not be read; the message is what the admin shows."""


class SourceUnavailable(SyncError):
    """The source is down or busy: worth retrying later as it is."""


@dataclass(frozen=True)
class ChangesPage:
    results: list
    next_cursor: str | None
    has_more: bool


class FeedClient:
    def __init__(self, source: Source):
        self.source = source
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "gov-disclosure-cms aggregation"
        if source.api_key:
            self.session.headers["X-API-Key"] = source.api_key

    def changes(self, *, cursor: str | None, limit: int) -> ChangesPage:
        params = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        response = self._get(self.source.changes_url, params=params)
        try:
            data = response.json()
        except ValueError:
            raise SyncError(_("来源站点返回的不是 JSON 数据。")) from None
        return _changes_page(data)

    def reports(self) -> list | None:
        """The source's published annual reports; None when the source serves none
        (a site of an earlier release without the endpoint)."""
        data = self._optional_page(self.source.reports_url)
        if data is None:
            return None
        results = data.get("results")
        if not isinstance(results, list):
            raise SyncError(_("来源站点返回的年度报告数据格式不符：缺少 results。"))
        return results

    def assessment_figures(self, *, year: int) -> dict | None:
        """The source's assessment figures for ``year`` (checked by the caller, who knows
        their format); None when the source serves none (an earlier release)."""
        return self._optional_page(self.source.assessment_figures_url, params={"year": year})

    def _optional_page(self, url: str, **kwargs) -> dict | None:
        """A JSON page of the feed's schema version, or None where the source has no such
        endpoint (404: an earlier release)."""
        response = self._get(url, missing_ok=True, **kwargs)
        if response is None:
            return None
        try:
            data = response.json()
        except ValueError:
            raise SyncError(_("来源站点返回的不是 JSON 数据。")) from None
        _check_version(data)
        return data

    def download(self, url: str, *, max_bytes: int) -> bytes:
        response = self._get(url, stream=True)
        content = bytearray()
        for chunk in response.iter_content(1 << 16):
            content += chunk
            if len(content) > max_bytes:
                response.close()
                raise SyncError(_("附件超过 %(mb)d MB 上限。") % {"mb": max_bytes >> 20})
        return bytes(content)

    def _get(self, url: str, *, missing_ok: bool = False, **kwargs) -> requests.Response | None:
        try:
            response = self.session.get(url, timeout=TIMEOUT, **kwargs)
        except requests.RequestException as error:
            raise SourceUnavailable(
                _("无法连接来源站点：%(error)s") % {"error": type(error).__name__}
            ) from error
        if response.status_code == 429 or response.status_code >= 500:
            raise SourceUnavailable(
                _("来源站点暂时无法服务（HTTP %(status)d）。") % {"status": response.status_code}
            )
        if missing_ok and response.status_code == 404:
            return None
        if response.status_code in (401, 403):
            raise SyncError(
                _("来源站点拒绝了访问（HTTP %(status)d）：%(detail)s")
                % {"status": response.status_code, "detail": _detail(response)}
            )
        if response.status_code != 200:
            raise SyncError(
                _("来源站点返回 HTTP %(status)d：%(detail)s")
                % {"status": response.status_code, "detail": _detail(response)}
            )
        return response


def _detail(response: requests.Response) -> str:
    try:
        data = response.json()
        return str(data.get("detail") or data.get("errors"))[:200]
    except (ValueError, AttributeError):
        return response.text[:200]


def _check_version(data) -> None:
    if not isinstance(data, dict):
        raise SyncError(_("来源站点返回的数据格式不符：应为 JSON 对象。"))
    version = str(data.get("schema_version", ""))
    if version.split(".")[0] != SUPPORTED_MAJOR:
        raise SyncError(
            _("来源站点的接口版本 %(version)s 与本站（%(ours)s）不兼容。")
            % {"version": version or "?", "ours": SCHEMA_VERSION}
        )


def _changes_page(data) -> ChangesPage:
    """The envelope of a changes page; its records are checked one by one later."""
    _check_version(data)
    results, next_cursor, has_more = (data.get(k) for k in ("results", "next_cursor", "has_more"))
    if (
        not isinstance(results, list)
        or not isinstance(has_more, bool)
        or not (next_cursor is None or isinstance(next_cursor, str))
        or (has_more and not next_cursor)
    ):
        raise SyncError(_("来源站点返回的数据格式不符：缺少 results、has_more 或 next_cursor。"))
    return ChangesPage(results=results, next_cursor=next_cursor, has_more=has_more)
