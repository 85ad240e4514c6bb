import datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gov_disclosure.security.audit_export import audit_export


class Command(BaseCommand):
    help = "导出审计日志（含每条的封存哈希和链的校验结果）给测评机构，XLSX 格式。"

    def add_arguments(self, parser):
        parser.add_argument("output", type=Path, help="写出的 .xlsx 文件")
        parser.add_argument("--from", dest="date_from", help="起始日期 YYYY-MM-DD")
        parser.add_argument("--to", dest="date_to", help="截止日期 YYYY-MM-DD（含）")

    def handle(self, *args, output: Path, date_from=None, date_to=None, **options):
        try:
            start = datetime.date.fromisoformat(date_from) if date_from else None
            end = datetime.date.fromisoformat(date_to) if date_to else None
        except ValueError as error:
            raise CommandError(f"日期格式不对：{error}（应为 YYYY-MM-DD）") from error
        count = audit_export(output, date_from=start, date_to=end)
        self.stdout.write(f"已导出 {count} 条日志：{output}")
