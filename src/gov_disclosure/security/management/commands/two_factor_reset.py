from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from gov_disclosure.security.two_factor import devices_reset


class Command(BaseCommand):
    help = "清除某账号的两步验证（手机丢失且恢复码用尽时）；该账号下次登录时重新设置。"

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--by", required=True, help="执行操作的管理员账号（记入日志）")

    def handle(self, *args, username: str, by: str, **options):
        User = get_user_model()
        users = User._default_manager
        user = users.filter(**{User.USERNAME_FIELD: username}).first()
        operator = users.filter(**{User.USERNAME_FIELD: by, "is_superuser": True}).first()
        if user is None:
            raise CommandError(f"没有账号 {username}")
        if operator is None:
            raise CommandError(f"{by} 不是超级管理员")
        devices_reset(user, by=operator)
        self.stdout.write(f"已清除 {username} 的两步验证。")
