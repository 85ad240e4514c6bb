from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gov_disclosure.backups.archive import BackupError, backup_create


class Command(BaseCommand):
    help = "备份数据库和文件（公开附件、申请材料）到 OUTPUT 下的新目录。"

    def add_arguments(self, parser):
        parser.add_argument("output", type=Path, help="备份存放的目录")

    def handle(self, *args, output: Path, **options):
        try:
            folder = backup_create(output, progress=self.stdout.write)
        except BackupError as error:
            raise CommandError(str(error)) from error
        return str(folder)
