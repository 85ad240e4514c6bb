from django.core.management.base import BaseCommand

from gov_disclosure.conf import disclosure_settings
from gov_disclosure.requests.retention import requests_purge_expired


class Command(BaseCommand):
    help = "清除超过保存期限的依申请公开申请人个人信息（DISCLOSURE_REQUEST_RETENTION_DAYS）。"

    def handle(self, *args, **options):
        days = disclosure_settings.REQUEST_RETENTION_DAYS
        if days is None:
            self.stdout.write("未设置 DISCLOSURE_REQUEST_RETENTION_DAYS：个人信息全部保留。")
        count = requests_purge_expired()
        self.stdout.write(self.style.SUCCESS(f"已清除 {count} 件申请的申请人个人信息。"))
