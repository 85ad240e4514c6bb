"""党政办 decides what the public search shows (检索设置)."""

from django.db import migrations

from gov_disclosure.core.migration_operations import grant_office_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_search", "0001_database_index"),
        ("disclosure_pages", "0002_roles"),
    ]

    operations = [grant_office_permissions("disclosure_search", ["change_searchsettings"])]
