"""党政办 generates, submits and keeps the yearly figures of the annual report; 监督 reads
the figures."""

from django.db import migrations

from gov_disclosure.core.migration_operations import grant_office_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_annual_reports", "0001_initial"),
        ("disclosure_pages", "0002_roles"),
    ]

    operations = [
        grant_office_permissions(
            "disclosure_annual_reports",
            [
                "generate_annual_report",
                "add_annualfigures",
                "change_annualfigures",
                "delete_annualfigures",
                "view_annualfigures",
            ],
        ),
        grant_office_permissions("disclosure_annual_reports", ["view_annualfigures"], group_name="监督"),
    ]
