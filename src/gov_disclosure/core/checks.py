"""System checks: what a host site must have for the disclosure apps, named when missing.

``manage.py check`` runs them; ``gov_disclosure.settings.configure`` sets everything they
ask for, so a site that calls it passes them.
"""

import importlib.util
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.urls import NoReverseMatch, reverse

from gov_disclosure.conf import DEFAULTS, disclosure_settings
from gov_disclosure.settings import (
    CONTEXT_PROCESSOR,
    FINISH_WORKFLOW_ACTION,
    PAGE_CACHE_MIDDLEWARE,
    REQUIRED_APPS,
)

SEARCH_SCHEMES = {"opensearch", "opensearchs", "elasticsearch", "elasticsearchs"}
RATE = re.compile(r"^\d+/\d*[smhd]$")
HINT = "在设置末尾调用 gov_disclosure.settings.configure(globals()) 即可补齐。"


@register()
def required_apps(app_configs, **kwargs):
    return [
        Error(
            f"INSTALLED_APPS 缺少 {app}：政府信息公开插件需要它。",
            hint=HINT,
            id="gov_disclosure.E001",
        )
        for app in REQUIRED_APPS
        if app not in settings.INSTALLED_APPS
    ]


@register()
def workflow_settings(app_configs, **kwargs):
    errors = []
    action = getattr(settings, "WAGTAIL_FINISH_WORKFLOW_ACTION", None)
    if action != FINISH_WORKFLOW_ACTION:
        errors.append(
            Error(
                f"WAGTAIL_FINISH_WORKFLOW_ACTION 须为 {FINISH_WORKFLOW_ACTION}，"
                "否则审核流程走完后公开信息无法发布。",
                hint=HINT,
                id="gov_disclosure.E002",
            )
        )
    if not getattr(settings, "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", False):
        errors.append(
            Error(
                "WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT 须为 True：审核中修改过的信息"
                "要从第一步重新审核，发布的才是每一步都审过的版本。",
                hint=HINT,
                id="gov_disclosure.E003",
            )
        )
    return errors


@register()
def private_storage(app_configs, **kwargs):
    alias = disclosure_settings.PRIVATE_STORAGE
    if alias in getattr(settings, "STORAGES", {}):
        return []
    return [
        Error(
            f"STORAGES 中没有 “{alias}”：申请人上传的材料和答复书须存放在网站不直接公开的位置。",
            hint=HINT + " 或者在 GOV_DISCLOSURE['PRIVATE_STORAGE'] 指定已有的存储。",
            id="gov_disclosure.E004",
        )
    ]


@register()
def disclosure_options(app_configs, **kwargs):
    """GOV_DISCLOSURE: known keys, values of the right kind."""
    options = getattr(settings, "GOV_DISCLOSURE", {})
    errors = [
        Error(
            f"GOV_DISCLOSURE 中的 “{key}” 不是插件的设置项。",
            hint="可用的设置项：" + "、".join(DEFAULTS),
            id="gov_disclosure.E005",
        )
        for key in options
        if key not in DEFAULTS
    ]

    def wrong(key: str, expected: str) -> None:
        errors.append(
            Error(
                f"GOV_DISCLOSURE['{key}'] 的值 {getattr(disclosure_settings, key)!r} "
                f"无效：{expected}",
                id="gov_disclosure.E006",
            )
        )

    url = disclosure_settings.SEARCH_URL
    if url and urlsplit(url).scheme not in SEARCH_SCHEMES:
        wrong(
            "SEARCH_URL",
            "应为 opensearch://主机:端口、elasticsearch://主机:端口，或留空用数据库检索。",
        )
    elif url.startswith("opensearch") and importlib.util.find_spec("opensearchpy") is None:
        wrong("SEARCH_URL", "使用 OpenSearch 需安装 wagtail-gov-disclosure[opensearch]。")
    if disclosure_settings.TASKS not in ("auto", "celery", "inline"):
        wrong("TASKS", "只能是 auto、celery 或 inline。")
    if disclosure_settings.AGGREGATION_ATTACHMENTS not in ("link", "fetch"):
        wrong("AGGREGATION_ATTACHMENTS", "只能是 link 或 fetch。")
    for key in (
        "REQUEST_SUBMIT_RATE",
        "REQUEST_STATUS_RATE",
        "LETTER_SUBMIT_RATE",
        "LETTER_STATUS_RATE",
    ):
        if not RATE.match(str(getattr(disclosure_settings, key))):
            wrong(key, "应写成 次数/时段，例如 10/h、5/15m。")
    for key in (
        "PAGE_CACHE_SECONDS",
        "SEARCH_INDEX_REPLICAS",
        "PUBLIC_FORM_MIN_FILL_SECONDS",
        "REQUEST_DUE_SOON_WORKING_DAYS",
    ):
        value = getattr(disclosure_settings, key)
        if not isinstance(value, int) or value < 0:
            wrong(key, "应为不小于 0 的整数。")
    for key in ("SEARCH_BULK_DOCUMENTS", "AGGREGATION_PAGE_SIZE", "LETTER_REPLY_WORKING_DAYS"):
        value = getattr(disclosure_settings, key)
        if not isinstance(value, int) or value < 1:
            wrong(key, "应为正整数。")
    for key in ("REQUEST_RETENTION_DAYS", "LETTER_RETENTION_DAYS"):
        value = getattr(disclosure_settings, key)
        if value is not None and (not isinstance(value, int) or value < 1):
            wrong(key, "应为正整数（天），或 None 表示不清除。")
    if re.search(r"[;{}<>]", disclosure_settings.ANNUAL_REPORT_PDF_FONTS):
        wrong(
            "ANNUAL_REPORT_PDF_FONTS", '只能是 CSS 字体族名列表，例如 "Noto Serif CJK SC", serif。'
        )
    genres = disclosure_settings.INTERPRETED_GENRES
    if not isinstance(genres, list | tuple) or not all(isinstance(g, str) for g in genres):
        wrong("INTERPRETED_GENRES", '应为体裁名称的列表，例如 ["规章", "行政规范性文件"]。')
    try:
        get_template(disclosure_settings.BASE_TEMPLATE)
    except TemplateDoesNotExist:
        wrong("BASE_TEMPLATE", "找不到这个模板。")
    return errors


@register()
def request_pipeline(app_configs, **kwargs):
    warnings = []
    middleware = list(getattr(settings, "MIDDLEWARE", []))
    if disclosure_settings.PAGE_CACHE_SECONDS and PAGE_CACHE_MIDDLEWARE not in middleware:
        warnings.append(
            Warning(
                "开启了页面缓存（PAGE_CACHE_SECONDS），"
                f"但 MIDDLEWARE 中没有 {PAGE_CACHE_MIDDLEWARE}。",
                hint=HINT,
                id="gov_disclosure.W001",
            )
        )
    processors = [
        processor
        for engine in settings.TEMPLATES
        for processor in engine.get("OPTIONS", {}).get("context_processors", [])
    ]
    if DEFAULTS["BASE_TEMPLATE"] != disclosure_settings.BASE_TEMPLATE and (
        CONTEXT_PROCESSOR not in processors
    ):
        warnings.append(
            Warning(
                f"设置了 BASE_TEMPLATE，但模板的 context_processors 中没有 {CONTEXT_PROCESSOR}，"
                "公开页面仍会使用插件自带的页面框架。",
                hint=HINT,
                id="gov_disclosure.W002",
            )
        )
    return warnings


@register(Tags.urls)
def public_routes(app_configs, **kwargs):
    try:
        reverse("disclosure_search")
    except NoReverseMatch:
        return [
            Warning(
                "网站的 URL 配置没有包含 gov_disclosure.urls：检索、依申请公开、网民信件、"
                "订阅和同步接口都无法访问，机关首页会出错。",
                hint="在 urls.py 中加入 "
                'urlpatterns.insert(0, path("", include("gov_disclosure.urls")))。',
                id="gov_disclosure.W003",
            )
        ]
    return []


@register()
def time_zone(app_configs, **kwargs):
    # Deadlines count working days of the Chinese calendar: a day must start at midnight
    # Beijing time, not eight hours later.
    if settings.TIME_ZONE in ("Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "PRC"):
        return []
    return [
        Warning(
            f"TIME_ZONE 为 {settings.TIME_ZONE}：答复期限按北京时间的工作日计算，"
            "日期会在午夜前后差一天。",
            hint='设置 TIME_ZONE = "Asia/Shanghai"。',
            id="gov_disclosure.W004",
        )
    ]


@register(Tags.database)
def site_address(app_configs, databases=None, **kwargs):
    # Run by ``migrate`` (and ``check --database default``): absolute addresses come from the
    # default Site, mails from WAGTAILADMIN_BASE_URL; two origins mean broken links.
    from django.db import DatabaseError

    from gov_disclosure.core.origin import default_site, origin_host_port, site_origin

    origin = site_origin()
    if not databases or not origin:
        return []
    try:
        wanted = origin_host_port(origin)
    except ImproperlyConfigured as error:
        return [Error(str(error), id="gov_disclosure.E007")]
    try:
        site = default_site()
    except DatabaseError:  # before the first migrate
        return []
    if site is None or (site.hostname, site.port) == wanted:
        return []
    return [
        Warning(
            f"默认站点的地址是 {site.root_url}，而 WAGTAILADMIN_BASE_URL 是 {origin}："
            "页面、站点地图、订阅和接口中的链接会指向前者。",
            hint="运行 manage.py site_origin，让站点地址与设置一致。",
            id="gov_disclosure.W005",
        )
    ]
