"""An agency's 党政办 and 监督 read their own agency's assessment results; the district
keeps the rubric (``roles.DISTRICT_PERMISSIONS``)."""

from django.db import migrations

from gov_disclosure.core.migration_operations import grant_office_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_assessment", "0001_initial"),
        ("disclosure_pages", "0002_roles"),
    ]

    operations = [
        grant_office_permissions("disclosure_assessment", ["view_rubric"]),
        grant_office_permissions("disclosure_assessment", ["view_rubric"], group_name="监督"),
    ]
