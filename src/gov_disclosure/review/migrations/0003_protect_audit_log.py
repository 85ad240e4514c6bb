"""Log entries cannot be altered or deleted, except inside a superuser's maintenance block.

Wagtail only ever inserts log entries, so a PostgreSQL trigger refusing UPDATE
and DELETE costs nothing and makes the accountability log tamper-evident at the
database: a bug, a script or a compromised admin account cannot rewrite history.
``gov_disclosure.security.audit_chain.audit_log_maintenance`` opens the door for a
superuser, for one transaction. SQLite (the embedded default) has no session settings to
open that door with, so it is left without the trigger.
"""

from django.db import migrations

from gov_disclosure.core.migration_operations import protected_from_change


class Migration(migrations.Migration):
    dependencies = [("disclosure_review", "0002_workflow_and_roles"), ("wagtailcore", "0098_apitoken")]

    operations = [protected_from_change(["wagtailcore_pagelogentry", "wagtailcore_modellogentry"])]
