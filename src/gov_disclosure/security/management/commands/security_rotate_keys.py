from django.core.management.base import BaseCommand

from gov_disclosure.security.key_rotation import keys_in_use, keys_rotate


def _describe(counter) -> str:
    return (
        "，".join(
            f"{'明文' if label == 'plain' else '密钥 ' + label}：{count}"
            for label, count in sorted(counter.items())
        )
        or "无"
    )


class Command(BaseCommand):
    help = (
        "用 PERSONAL_DATA_KEYS 的第一个密钥（和 CRYPTOGRAPHY 选定的算法）重新加密全部个人信息"
        "和私有文件；--check 只报告各密钥下的数量。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="只报告，不改写")

    def handle(self, *args, check: bool, **options):
        if not check:
            keys_rotate(progress=self.stdout.write)
        usage = keys_in_use()
        self.stdout.write(f"字段值：{_describe(usage.values)}")
        self.stdout.write(f"私有文件：{_describe(usage.files)}")
