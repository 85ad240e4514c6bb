from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gov_disclosure.backups.archive import backup_decrypt
from gov_disclosure.core.crypto import DecryptionError


class Command(BaseCommand):
    help = "解密备份中的一个文件（如 database.dump.enc），写出明文（目标文件须不存在）。"

    def add_arguments(self, parser):
        parser.add_argument("source", type=Path, help="备份中的 .enc 文件")
        parser.add_argument("target", type=Path, help="写出的明文文件")

    def handle(self, *args, source: Path, target: Path, **options):
        try:
            backup_decrypt(source, target)
        except (DecryptionError, FileExistsError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"已解密：{target}")
