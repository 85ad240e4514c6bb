from django.core.management.base import BaseCommand

from gov_disclosure.core.progress import ProgressPrinter
from gov_disclosure.search.engines import engine_name
from gov_disclosure.search.services import index_rebuild


class Command(BaseCommand):
    help = "重建全文检索索引：新建版本化索引、批量写入（显示进度），再原子切换别名。"

    def handle(self, *args, **options):
        progress = ProgressPrinter(self.stdout, step=500)
        self.stdout.write(f"重建索引（引擎：{engine_name()}）……")
        written = index_rebuild(progress=progress)
        progress.finish()
        self.stdout.write(self.style.SUCCESS(f"完成：写入 {written} 条，已切换到新索引。"))
