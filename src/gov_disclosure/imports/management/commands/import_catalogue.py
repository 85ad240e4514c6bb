"""Import a catalogue exported from another system (CSV or XLSX, attachments in a folder or
a ZIP): check every row first, then create the items published, keeping their 索引号."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q

from gov_disclosure.core.progress import ProgressPrinter
from gov_disclosure.pages.models import DisclosureIndexPage

from ...attachment_files import attachment_source
from ...rows import rows_check
from ...services import batch_record, catalogue_import
from ...table import TableError, table_read


class Command(BaseCommand):
    help = "从其他系统导出的目录（CSV/XLSX 与附件）导入公开信息，保留原索引号。"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="目录文件（.csv 或 .xlsx）")
        parser.add_argument(
            "--agency", required=True, help="机关：页面 ID、slug 或统一社会信用代码"
        )
        parser.add_argument("--user", required=True, help="导入人的用户名（记入责任追究日志）")
        parser.add_argument("--attachments", type=Path, help="附件所在的文件夹或 ZIP 包")
        parser.add_argument("--dry-run", action="store_true", help="只检查，不写入")
        parser.add_argument(
            "--skip-errors", action="store_true", help="有错误的行跳过，其余照常导入"
        )

    def handle(self, *args, **options):
        agency = self._agency(options["agency"])
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"没有用户“{options['user']}”。")
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"找不到文件 {path}。")
        attachments_path = options["attachments"]
        if attachments_path is not None and not attachments_path.exists():
            raise CommandError(f"找不到附件 {attachments_path}。")
        data = path.read_bytes()
        try:
            table = table_read(data, name=path.name)
        except TableError as error:
            raise CommandError(str(error)) from error
        attachments = attachment_source(attachments_path)
        try:
            checked = rows_check(agency=agency, table=table, attachments=attachments)
            self._report(checked)
            if options["dry_run"]:
                if checked.errors:
                    raise CommandError(f"{checked.errors} 行有错误（未写入任何内容）。")
                return
            if checked.errors and not options["skip_errors"]:
                raise CommandError(
                    f"{checked.errors} 行有错误，未导入。"
                    "改正后重新导入，或加 --skip-errors 跳过这些行。"
                )
            batch = batch_record(
                agency=agency,
                user=user,
                checked=checked,
                file_name=path.name,
                data=data,
                attachments_name=attachments_path.name if attachments_path else "",
            )
            printer = ProgressPrinter(self.stdout, step=500)
            result = catalogue_import(
                batch=batch, checked=checked, attachments=attachments, user=user, progress=printer
            )
            printer.finish()
        finally:
            attachments.close()
        self.stdout.write(
            f"导入 {result.imported} 条；此前已导入 {result.skipped} 条；"
            f"有错误未导入 {checked.errors} 行。"
        )
        for year, serial in sorted(result.serials.items()):
            self.stdout.write(f"  {year} 年的索引号从流水号 {serial + 1} 起继续编号。")

    def _agency(self, value: str) -> DisclosureIndexPage:
        query = Q(slug=value) | Q(org_code=value.upper())
        if value.isdigit():
            query |= Q(pk=int(value))
        found = list(DisclosureIndexPage.objects.filter(query)[:2])
        if len(found) != 1:
            raise CommandError(
                f"找不到唯一的机关“{value}”（可用页面 ID、slug 或统一社会信用代码）。"
            )
        return found[0]

    def _report(self, checked) -> None:
        if checked.unknown_headers:
            self.stdout.write(f"未使用的列：{'、'.join(checked.unknown_headers)}")
        for problem in checked.problems():
            head = f"第 {problem['row']} 行（{problem['index_number'] or '无索引号'}）"
            for message in problem["errors"]:
                self.stdout.write(f"{head} 错误 {message}")
            for message in problem["warnings"]:
                self.stdout.write(f"{head} 提示 {message}")
        self.stdout.write(
            f"共 {len(checked.rows)} 行：可导入 {len(checked.to_import)} 行，"
            f"此前已导入 {checked.already_imported} 行，有错误 {checked.errors} 行。"
        )
