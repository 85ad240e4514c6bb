"""党政办 answers proposals; 监督 reads them."""

from django.db import migrations

from gov_disclosure.core.migration_operations import grant_office_permissions


class Migration(migrations.Migration):
    dependencies = [("disclosure_feedback", "0003_proposals")]

    operations = [
        grant_office_permissions("disclosure_feedback", ["view_proposal", "manage_proposals"]),
        grant_office_permissions("disclosure_feedback", ["view_proposal"], group_name="监督"),
    ]
