"""Log entries cannot be altered or deleted, except inside a superuser's maintenance block.

Wagtail only ever inserts log entries, so a PostgreSQL trigger refusing UPDATE
and DELETE costs nothing and makes the accountability log tamper-evident at the
database: a bug, a script or a compromised admin account cannot rewrite history.
``gov_disclosure.review.services.audit_log_maintenance`` opens the door for a superuser, for
one transaction. SQLite (the embedded default) has no session settings to open
that door with, so it is left without the trigger.
"""

from django.db import migrations

TABLES = ["wagtailcore_pagelogentry", "wagtailcore_modellogentry"]

CREATE_FUNCTION = """
CREATE OR REPLACE FUNCTION disclosure_protect_audit_log() RETURNS trigger AS $$
BEGIN
    IF current_setting('disclosure.audit_log_maintenance', true) = 'on' THEN
        RETURN COALESCE(NEW, OLD);
    END IF;
    RAISE EXCEPTION 'audit log entries cannot be altered or deleted (%)', TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(CREATE_FUNCTION, params=None)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_protect BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION disclosure_protect_audit_log();"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_protect ON {table};")
    schema_editor.execute("DROP FUNCTION IF EXISTS disclosure_protect_audit_log();")


class Migration(migrations.Migration):
    dependencies = [("disclosure_review", "0002_workflow_and_roles"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(forwards, backwards)]
