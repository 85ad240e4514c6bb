"""党政办 runs 民主评议; 监督 reads the campaigns and their results."""

from django.db import migrations

from gov_disclosure.core.migration_operations import grant_office_permissions


class Migration(migrations.Migration):
    dependencies = [("disclosure_feedback", "0005_campaigns")]

    operations = [
        grant_office_permissions(
            "disclosure_feedback",
            ["add_campaign", "change_campaign", "delete_campaign", "view_campaign"],
        ),
        grant_office_permissions("disclosure_feedback", ["view_campaign"], group_name="监督"),
    ]
