"""Make the default Wagtail site's address the configured one (WAGTAILADMIN_BASE_URL)."""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from gov_disclosure.core.origin import default_site, default_site_follow_origin, site_origin


class Command(BaseCommand):
    help = (
        "让默认站点的地址与 WAGTAILADMIN_BASE_URL 一致（页面、站点地图、订阅、接口和邮件都用它）。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "origin",
            nargs="?",
            help="网站地址，默认取 WAGTAILADMIN_BASE_URL，如 https://gk.example.gov.cn",
        )

    def handle(self, *args, origin=None, **options):
        origin = (origin or site_origin()).rstrip("/")
        if not origin:
            raise CommandError("未设置 WAGTAILADMIN_BASE_URL，也没有给出网站地址。")
        try:
            changed = default_site_follow_origin(origin)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from error
        site = default_site()
        if site is None:
            raise CommandError("还没有默认站点：先运行 migrate。")
        verb = "已改为" if changed else "已是"
        self.stdout.write(f"默认站点地址{verb} {site.root_url}")
