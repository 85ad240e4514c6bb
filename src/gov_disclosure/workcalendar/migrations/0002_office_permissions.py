"""党政办 keeps the working calendar (the State Council's yearly holiday notice)."""

from django.db import migrations

from gov_disclosure.core.migration_operations import grant_office_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_workcalendar", "0001_initial"),
        ("disclosure_pages", "0002_roles"),
    ]

    operations = [
        grant_office_permissions(
            "disclosure_workcalendar",
            ["add_calendarday", "change_calendarday", "delete_calendarday", "view_calendarday"],
        )
    ]
