from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from gov_disclosure.core.progress import ProgressPrinter
from gov_disclosure.demo.corpus import default_corpus_path
from gov_disclosure.demo.loader import DEMO_PASSWORD, demo_accounts_by_place, demo_load


class Command(BaseCommand):
    help = (
        "载入演示数据：庄市街道的目录、指南、部门、各角色用户和2012年的174条公开信息，"
        "另一个街道（蛟川街道）的小目录和人员，以及区政务公开办账号（可重复运行）。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--corpus",
            type=Path,
            default=None,
            help="法规语料 laws.jsonl.gz 的路径（默认：插件自带的节选）",
        )

    def handle(self, *args, corpus: Path | None, **options):
        corpus = corpus or default_corpus_path()
        if not corpus.is_file():
            raise CommandError(
                f"找不到语料文件 {corpus}；请用 --corpus 指定 laws.jsonl.gz 的位置。"
            )

        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        for place, accounts in demo_accounts_by_place():
            self.stdout.write(f"  {place}")
            for username, display_name in accounts:
                self.stdout.write(f"    {username:<18} {display_name}")

        progress = ProgressPrinter(self.stdout, step=10)
        self.stdout.write(f"读取语料 {corpus.name}，生成目录并逐条走完审核流程……")
        # Hundreds of review steps would mail the demo accounts' made-up addresses.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            result = demo_load(corpus_path=corpus, progress=progress)
        progress.finish()
        self.stdout.write(
            self.style.SUCCESS(
                f"完成：{result.agency.agency_name}，新建 {result.items_created} 条，"
                f"共 {result.items_total} 条公开信息。"
            )
        )
