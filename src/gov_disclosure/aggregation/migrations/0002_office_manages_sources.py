"""党政办 (of the district) manages the sources and reviews what they sent."""

from django.db import migrations

from gov_disclosure.core.migration_operations import grant_office_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_aggregation", "0001_sources_and_mirrors"),
        ("disclosure_pages", "0002_roles"),
    ]

    operations = [
        grant_office_permissions(
            "disclosure_aggregation",
            [
                "add_source",
                "change_source",
                "view_source",
                "view_mirroreditem",
                "view_quarantinedrecord",
                "delete_quarantinedrecord",
            ],
        )
    ]
