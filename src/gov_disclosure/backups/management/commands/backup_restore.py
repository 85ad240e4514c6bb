from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gov_disclosure.backups.archive import BackupError, backup_restore


class Command(BaseCommand):
    help = "把备份目录恢复到空数据库和空文件目录（先核对校验和）；之后运行 search_reindex。"

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path, help="backup_create 生成的备份目录")

    def handle(self, *args, backup: Path, **options):
        try:
            backup_restore(backup, progress=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
