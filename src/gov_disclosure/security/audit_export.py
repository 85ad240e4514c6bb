"""The audit log for an assessor (等保测评): every entry in chain order with its seal, and
the chain's verification, in one XLSX workbook."""

import datetime
import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone
from openpyxl import Workbook
from wagtail.log_actions import registry as log_action_registry

from .audit_chain import chain_verify, seals_with_entries

HEADINGS = ["序号", "时间", "操作人", "操作", "操作代码", "对象", "类型", "对象ID", "版本",
            "数据", "封存哈希", "密钥"]  # fmt: skip


def _local(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M:%S") if value else ""


def audit_export(output: Path, *, date_from: datetime.date | None = None,
                 date_to: datetime.date | None = None) -> int:  # fmt: skip
    report = chain_verify()
    book = Workbook(write_only=True)
    check = book.create_sheet("校验")
    check.append(["导出时间", _local(timezone.now())])
    check.append(["校验结果", "完整" if report.intact else "不完整"])
    check.append(["日志条数", report.entries])
    check.append(["清理次数", report.purges])
    check.append(["链尾哈希", report.head])
    for link in report.broken:
        check.append(["问题", link.describe()])

    sheet = book.create_sheet("审计日志")
    sheet.append(HEADINGS)
    users = dict(
        get_user_model()._default_manager.values_list("pk", get_user_model().USERNAME_FIELD)
    )
    labels = dict(log_action_registry.get_choices())
    count = 0
    for seal, row in seals_with_entries():
        if row is None:
            continue
        day = timezone.localtime(row["timestamp"]).date()
        if (date_from and day < date_from) or (date_to and day > date_to):
            continue
        sheet.append([
            seal.pk,
            _local(row["timestamp"]),
            users.get(row["user_id"], ""),
            str(labels.get(row["action"], row["action"])),
            row["action"],
            row["label"],
            seal.log_model,
            str(row.get("page_id") or row.get("object_id") or ""),
            row["revision_id"] or "",
            json.dumps(row["data"], ensure_ascii=False, default=str),
            seal.mac,
            seal.key_id,
        ])  # fmt: skip
        count += 1
    book.save(output)
    return count
