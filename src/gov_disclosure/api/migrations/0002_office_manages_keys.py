"""党政办 manages the API keys of consumers and the interface settings."""

from django.db import migrations

from gov_disclosure.core.migration_operations import grant_office_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_api", "0001_feed_and_keys"),
        ("disclosure_pages", "0002_roles"),
    ]

    operations = [
        grant_office_permissions(
            "disclosure_api",
            ["add_consumerkey", "change_consumerkey", "view_consumerkey", "change_apisettings"],
        )
    ]
