"""党政办 applies the standard catalogue and reads its coverage; 监督 reads it (区政务公开办
through DISTRICT_PERMISSIONS)."""

from django.db import migrations

from gov_disclosure.core.migration_operations import grant_office_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_standards", "0001_initial"),
        ("disclosure_pages", "0002_roles"),
    ]

    operations = [
        grant_office_permissions("disclosure_standards", ["apply_standard", "view_appliedarea"]),
        grant_office_permissions("disclosure_standards", ["view_appliedarea"], "监督"),
    ]
