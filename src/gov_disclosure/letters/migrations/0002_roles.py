"""党政办 assigns and manages letters; 信息员 answer their department's; 分管领导 approve
the answers; 监督 reads the statistics."""

from django.db import migrations

from gov_disclosure.core.migration_operations import grant_office_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_letters", "0001_initial"),
        ("disclosure_pages", "0002_roles"),
    ]

    operations = [
        grant_office_permissions("disclosure_letters", ["manage_letters", "view_letter_statistics"]),
        grant_office_permissions("disclosure_letters", ["reply_letters"], group_name="信息员"),
        grant_office_permissions("disclosure_letters", ["approve_letter_replies"], group_name="分管领导"),
        grant_office_permissions("disclosure_letters", ["view_letter_statistics"], group_name="监督"),
    ]
