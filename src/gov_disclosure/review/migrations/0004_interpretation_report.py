"""政策解读情况: 党政办 and 监督 read it (区政务公开办 through DISTRICT_PERMISSIONS)."""

from django.db import migrations

from gov_disclosure.core.migration_operations import grant_office_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_review", "0003_protect_audit_log"),
        ("disclosure_pages", "0002_roles"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="reviewreports",
            options={
                "default_permissions": (),
                "managed": False,
                "permissions": [
                    ("view_accountability_log", "查看和导出责任追究日志"),
                    ("view_timeliness_report", "查看公开时效报告"),
                    ("view_interpretation_report", "查看政策解读情况"),
                ],
                "verbose_name": "审核报表",
            },
        ),
        grant_office_permissions("disclosure_review", ["view_interpretation_report"]),
        grant_office_permissions("disclosure_review", ["view_interpretation_report"], "监督"),
    ]
