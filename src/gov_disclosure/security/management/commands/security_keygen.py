from django.core.management.base import BaseCommand

from gov_disclosure.core.crypto import key_generate


class Command(BaseCommand):
    help = "生成一个新密钥（用于 PERSONAL_DATA_KEYS、BACKUP_KEYS、AUDIT_LOG_KEYS）。"

    def handle(self, *args, **options):
        self.stdout.write(key_generate())
