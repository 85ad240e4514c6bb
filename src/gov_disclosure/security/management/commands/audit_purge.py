import datetime

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from gov_disclosure.security.audit_chain import PurgeRefused, entries_purge


class Command(BaseCommand):
    help = "清理某日之前的审计日志（须早于保存期限 AUDIT_RETENTION_DAYS，至少 183 天）。"

    def add_arguments(self, parser):
        parser.add_argument("--before", required=True, help="日期，YYYY-MM-DD")
        parser.add_argument("--user", required=True, help="执行清理的超级管理员账号")

    def handle(self, *args, before: str, user: str, **options):
        try:
            day = datetime.date.fromisoformat(before)
        except ValueError as error:
            raise CommandError(f"日期格式不对：{before}（应为 YYYY-MM-DD）") from error
        User = get_user_model()
        operator = User._default_manager.filter(**{User.USERNAME_FIELD: user}).first()
        if operator is None:
            raise CommandError(f"没有账号 {user}")
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
        try:
            count = entries_purge(before=moment, user=operator)
        except (PurgeRefused, PermissionDenied) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"已清理 {count} 条 {day} 之前的日志。")
