"""Run the disclosure apps' periodic jobs on a site without Celery beat (from cron)."""

from celery.schedules import crontab
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

from gov_disclosure.schedule import BEAT_SCHEDULE

COMMAND = "disclosure_run_periodic"


def cron_line(schedule) -> str:
    """The beat schedule entry as the five fields of a crontab line."""
    if isinstance(schedule, crontab):
        return " ".join(
            str(field)
            for field in (
                schedule._orig_minute,
                schedule._orig_hour,
                schedule._orig_day_of_month,
                schedule._orig_month_of_year,
                schedule._orig_day_of_week,
            )
        )
    minutes = max(1, round(float(schedule) / 60))
    return "* * * * *" if minutes == 1 else f"*/{minutes} * * * *"


class Command(BaseCommand):
    help = (
        "运行定期任务（定时发布、提醒、对账、清除个人信息等）；"
        "没有 Celery beat 的网站由 cron 调用。"
    )

    def add_arguments(self, parser):
        parser.add_argument("jobs", nargs="*", help="任务名；--list 列出全部")
        parser.add_argument("--list", action="store_true", help="列出任务及其运行时间")
        parser.add_argument("--crontab", action="store_true", help="打印可直接放进 crontab 的配置")

    def handle(self, *args, jobs, **options):
        if options["list"] or options["crontab"]:
            for name, entry in BEAT_SCHEDULE.items():
                when = cron_line(entry["schedule"])
                if options["crontab"]:
                    self.stdout.write(
                        f"{when} cd /path/to/site && python manage.py {COMMAND} {name}"
                    )
                else:
                    self.stdout.write(f"{name:26} {when:16} {entry['task']}")
            return
        unknown = [job for job in jobs if job not in BEAT_SCHEDULE]
        if unknown or not jobs:
            raise CommandError(
                f"未知的任务：{'、'.join(unknown)}；可用：{'、'.join(BEAT_SCHEDULE)}"
                if unknown
                else "请指定要运行的任务（--list 列出全部）。"
            )
        failed = False
        for job in jobs:
            task = import_string(BEAT_SCHEDULE[job]["task"])
            result = task.apply()
            if result.failed():
                failed = True
                self.stderr.write(f"{job}：失败 {result.result!r}")
            else:
                self.stdout.write(f"{job}：完成")
        if failed:
            raise CommandError("有任务失败，详见上文。")
