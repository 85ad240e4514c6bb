from django.core.management.base import BaseCommand

from gov_disclosure.core.progress import ProgressPrinter
from gov_disclosure.pages.rendering import items_render


class Command(BaseCommand):
    help = (
        "渲染并保存已发布公开信息的页面中缺少或已过期的部分（升级后运行一次；此后发布时自动渲染）。"
    )

    def handle(self, *args, **options):
        progress = ProgressPrinter(self.stdout, step=1000)
        count = items_render(progress=progress)
        progress.finish()
        self.stdout.write(f"已渲染 {count} 条公开信息（其余的已是最新）。")
