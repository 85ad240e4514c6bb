"""党政办 runs requests (sees all, assigns, approves extensions, records appeals);
信息员 handle the requests assigned to them."""

from django.db import migrations

from gov_disclosure.core.migration_operations import grant_office_permissions


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_requests", "0001_initial"),
        ("disclosure_pages", "0002_roles"),
    ]

    operations = [
        grant_office_permissions(
            "disclosure_requests",
            [
                "add_disclosurerequest",
                "change_disclosurerequest",
                "view_disclosurerequest",
                "manage_requests",
                "handle_requests",
                "approve_extension",
                "add_appeal",
                "change_appeal",
                "view_appeal",
                "delete_appeal",
            ],
        ),
        grant_office_permissions(
            "disclosure_requests", ["handle_requests"], group_name="信息员"
        ),
    ]
