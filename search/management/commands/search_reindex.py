from django.core.management.base import BaseCommand, CommandError

from search.engines import current_engine
from search.services import index_rebuild


class Command(BaseCommand):
    help = "重建全文检索索引：新建版本化索引、批量写入（显示进度），再原子切换别名。"

    def handle(self, *args, **options):
        if current_engine() is None:
            raise CommandError("未设置 SEARCH_URL：没有需要重建的检索引擎索引。")
        interactive = self.stdout.isatty()
        step = 500

        def progress(done: int, total: int) -> None:
            if interactive:
                self.stdout.write(f"\r  [{done}/{total}]", ending="")
                self.stdout.flush()
            elif done % step == 0 or done == total:
                self.stdout.write(f"  [{done}/{total}]")

        self.stdout.write("重建索引……")
        written = index_rebuild(progress=progress)
        if interactive:
            self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"完成：写入 {written} 条，已切换到新索引。"))
