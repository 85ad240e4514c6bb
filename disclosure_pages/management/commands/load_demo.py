from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from disclosure_pages.demo.corpus import default_corpus_path
from disclosure_pages.demo.loader import DEMO_PASSWORD, DEMO_USERS, demo_load


class Command(BaseCommand):
    help = (
        "载入演示数据：庄市街道的目录、指南、部门、各角色用户和2012年的174条公开信息"
        "（可重复运行）。"
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--corpus",
            type=Path,
            default=None,
            help="laws.jsonl.gz 的路径（默认：仓库旁的 shared/corpus/laws.jsonl.gz）",
        )

    def handle(self, *args, corpus: Path | None, **options):
        corpus = corpus or default_corpus_path()
        if not corpus.is_file():
            raise CommandError(
                f"找不到语料文件 {corpus}；请用 --corpus 指定 laws.jsonl.gz 的位置。"
            )

        self.stdout.write(f"演示账号（密码均为 {DEMO_PASSWORD}）：")
        for username, display_name, _role in DEMO_USERS:
            self.stdout.write(f"  {username:<14} {display_name}")

        interactive = self.stdout.isatty()
        step = 10

        def progress(done: int, total: int, title: str) -> None:
            if interactive:
                self.stdout.write(f"\r  [{done:>3}/{total}] {title[:40]:<40}", ending="")
                self.stdout.flush()
            elif done % step == 0 or done == total:
                self.stdout.write(f"  [{done:>3}/{total}] {title}")

        self.stdout.write(f"读取语料 {corpus.name}，生成目录……")
        result = demo_load(corpus_path=corpus, progress=progress)
        if interactive:
            self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"完成：{result.agency.agency_name}，新建 {result.items_created} 条，"
                f"共 {result.items_total} 条公开信息。"
            )
        )
