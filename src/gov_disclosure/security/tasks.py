import logging

from celery import shared_task
from django.core.mail import mail_admins

from .audit_chain import chain_verify

logger = logging.getLogger(__name__)


@shared_task
def verify_audit_chain() -> dict:
    """Nightly: verify the chain and write its head to the application log, which the
    log collector keeps off the server (the anchor that makes cutting the newest entries
    visible); a broken chain is logged as an error and mailed to the site's ADMINS."""
    report = chain_verify()
    if report.intact:
        logger.warning("audit chain intact: %s entries, head %s", report.entries, report.head)
    else:
        problem = report.broken[0].describe()
        logger.error("audit chain broken: %s", problem)
        mail_admins(
            "审计日志链不完整",
            f"第一处问题：{problem}\n请运行 manage.py audit_verify --all 查看全部。",
        )
    return {"intact": report.intact, "entries": report.entries, "head": report.head}
