from django.core.management.base import BaseCommand, CommandError

from gov_disclosure.security.audit_chain import chain_verify


class Command(BaseCommand):
    help = "校验审计日志链：每条日志均已封存、未被改动或删除；不完整时指出第一条出问题的日志。"

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="列出全部问题，而不只是第一条")

    def handle(self, *args, **options):
        report = chain_verify(stop_at_first=not options["all"])
        if not report.intact:
            for link in report.broken:
                self.stderr.write(link.describe())
            raise CommandError(f"审计日志链不完整：第一处问题在 {report.broken[0].describe()}")
        self.stdout.write(
            f"审计日志链完整：{report.entries} 条日志，{report.purges} 次清理；"
            f"链尾哈希 {report.head}"
        )
