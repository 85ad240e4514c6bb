"""党政办 reads ratings and moderates their comments; 监督 reads them."""

from django.db import migrations

from gov_disclosure.core.migration_operations import grant_office_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_feedback", "0001_initial"),
        ("disclosure_pages", "0002_roles"),
    ]

    operations = [
        grant_office_permissions("disclosure_feedback", ["view_rating", "moderate_ratings"]),
        grant_office_permissions("disclosure_feedback", ["view_rating"], group_name="监督"),
    ]
