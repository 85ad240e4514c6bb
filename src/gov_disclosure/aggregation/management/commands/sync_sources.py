from django.core.management.base import BaseCommand, CommandError

from gov_disclosure.aggregation.models import Source
from gov_disclosure.aggregation.services import SyncResult, source_sync


class Command(BaseCommand):
    help = "从各汇聚来源增量拉取已发布信息（从上次的游标继续；可重复运行）。"

    def add_arguments(self, parser):
        parser.add_argument("--source", action="append", help="只同步这个来源（名称），可多次给出")
        parser.add_argument("--page-size", type=int, help="每次请求的条数（默认 500）")

    def handle(self, *args, source=None, page_size=None, **options):
        sources = Source.objects.filter(enabled=True)
        if source:
            sources = Source.objects.filter(name__in=source)
            missing = set(source) - set(sources.values_list("name", flat=True))
            if missing:
                raise CommandError(f"没有这些来源：{'、'.join(sorted(missing))}")
        failed = []
        for each in sources:
            self.stdout.write(f"同步 {each.name}（{each.base_url}）……")
            result = source_sync(source=each, page_size=page_size, progress=self._progress)
            if result.skipped:
                self.stdout.write(self.style.WARNING("  另一个同步正在进行，跳过。"))
            elif result.error:
                failed.append(each.name)
                self.stdout.write(self.style.ERROR(f"  失败：{result.error}（下次从游标处继续）"))
            else:
                self.stdout.write(self.style.SUCCESS("  " + self._summary(result)))
                if result.reports is not None and result.reports.served:
                    reports = result.reports
                    self.stdout.write(
                        f"  年度报告：新增或更新 {reports.changed}，撤下 {reports.removed}，"
                        f"未变 {reports.unchanged}，隔离 {reports.quarantined}"
                    )
        if failed:
            raise CommandError(f"{len(failed)} 个来源同步失败：{'、'.join(failed)}")

    def _progress(self, result: SyncResult) -> None:
        self.stdout.write(f"  第 {result.pages} 页：{self._summary(result)}")

    def _summary(self, result: SyncResult) -> str:
        return (
            f"新增或更新 {result.upserted}，撤下 {result.removed}，"
            f"未变 {result.unchanged}，隔离 {result.quarantined}"
        )
