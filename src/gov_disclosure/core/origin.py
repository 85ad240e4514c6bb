"""The platform's public address: one setting, ``WAGTAILADMIN_BASE_URL``.

Wagtail builds a page's absolute address from its Site's hostname and port, the admin's
mails from ``WAGTAILADMIN_BASE_URL``. The default Site is made to follow the setting
(``manage.py site_origin``, run by ``load_demo``; a check on ``migrate`` says when they
differ), so pages, the sitemap, feeds, the APIs and mails all name one origin.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Site

DEFAULT_PORTS = {"http": 80, "https": 443}


def site_origin() -> str:
    """The configured public address, without a trailing slash ("" when not set)."""
    return (getattr(settings, "WAGTAILADMIN_BASE_URL", None) or "").rstrip("/")


def origin_host_port(origin: str) -> tuple[str, int]:
    """The Site hostname and port that make ``origin``: Wagtail's Site names https only on
    port 443 and http on any port, so an address it cannot name is refused."""
    parts = urlsplit(origin)
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname or parts.path not in ("", "/"):
        raise ImproperlyConfigured(
            f"网站地址 {origin!r} 无效：应为 http(s)://主机名[:端口]，不带路径，"
            "例如 https://gk.example.gov.cn。"
        )
    port = parts.port or DEFAULT_PORTS[parts.scheme]
    if parts.scheme == "https" and port != 443:
        raise ImproperlyConfigured(
            f"网站地址 {origin!r} 无法作为 Wagtail 站点：https 只能使用 443 端口。"
        )
    return parts.hostname, port


def default_site() -> Site | None:
    return Site.objects.filter(is_default_site=True).select_related("root_page").first()


def default_site_follow_origin(origin: str | None = None) -> Site | None:
    """Give the default Site the host and port of ``origin`` (the setting by default).
    Returns the Site when it changed, None when it already agreed or there is none."""
    hostname, port = origin_host_port(origin or site_origin())
    site = default_site()
    if site is None or (site.hostname, site.port) == (hostname, port):
        return None
    site.hostname, site.port = hostname, port
    site.save(update_fields=["hostname", "port"])
    return site
