from django.core.management.base import BaseCommand

from gov_disclosure.api.services import feed_reconcile
from gov_disclosure.core.progress import ProgressPrinter

SHOWN_IDS = 20


class Command(BaseCommand):
    help = (
        "核对同步接口与已发布信息：列出过期和多余的记录；加 --fix 修复"
        "（首次启用接口时用它生成全部记录）。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="改写过期记录，撤下多余记录")

    def handle(self, *args, fix=False, **options):
        progress = ProgressPrinter(self.stdout, step=1000)
        self.stdout.write("核对同步接口……")
        drift = feed_reconcile(fix=fix, progress=progress)
        progress.finish()
        for label, ids in (("缺失或过期", drift.stale), ("多余", drift.extra)):
            ids = sorted(ids)
            shown = ", ".join(str(i) for i in ids[:SHOWN_IDS]) + (
                " …" if len(ids) > SHOWN_IDS else ""
            )
            self.stdout.write(f"  {label}：{len(ids)} 条" + (f"（信息 {shown}）" if ids else ""))
        if not drift.total:
            self.stdout.write(self.style.SUCCESS(f"同步接口与 {drift.checked} 条已发布信息一致。"))
        elif fix:
            self.stdout.write(self.style.SUCCESS(f"已修复 {drift.total} 条。"))
        else:
            self.stdout.write(self.style.WARNING("同步接口与已发布信息不一致；加 --fix 修复。"))
