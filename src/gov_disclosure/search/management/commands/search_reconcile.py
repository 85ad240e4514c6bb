from django.core.management.base import BaseCommand

from gov_disclosure.core.progress import ProgressPrinter
from gov_disclosure.search.engines import engine_name
from gov_disclosure.search.services import index_reconcile

SHOWN_IDS = 20


class Command(BaseCommand):
    help = "核对检索索引与数据库：列出缺失、过期和多余的文档；加 --fix 修复。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix", action="store_true", help="写入缺失和过期的文档，删除多余的文档"
        )

    def handle(self, *args, fix=False, **options):
        progress = ProgressPrinter(self.stdout, step=1000)
        self.stdout.write(f"核对索引（引擎：{engine_name()}）……")
        drift = index_reconcile(fix=fix, progress=progress)
        progress.finish()
        for label, ids in (("缺失", drift.missing), ("过期", drift.stale), ("多余", drift.extra)):
            shown = ", ".join(str(i) for i in ids[:SHOWN_IDS]) + (
                " …" if len(ids) > SHOWN_IDS else ""
            )
            self.stdout.write(f"  {label}：{len(ids)} 条" + (f"（文档 {shown}）" if ids else ""))
        if not drift.total:
            self.stdout.write(self.style.SUCCESS("索引与数据库一致。"))
        elif fix:
            self.stdout.write(self.style.SUCCESS(f"已修复 {drift.total} 条。"))
        else:
            self.stdout.write(self.style.WARNING("索引与数据库不一致；加 --fix 修复。"))
