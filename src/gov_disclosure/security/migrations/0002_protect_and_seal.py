"""The seals and purges of the audit log are protected like the log itself (PostgreSQL
refuses UPDATE and DELETE outside a superuser's maintenance block); the entries logged
before this version are sealed now, page entries then the others, each in the order they
were written; every user's current password counts as set today (so nobody's has expired
at the upgrade); 监督 reads the access log of its agency (区政务公开办 through
DISTRICT_PERMISSIONS)."""

from django.conf import settings
from django.db import migrations

from gov_disclosure.core.migration_operations import (
    grant_office_permissions,
    protected_from_change,
)

def seal_existing(apps, schema_editor):
    from gov_disclosure.security.audit_chain import LOG_MODELS, entries_seal

    for name, model in LOG_MODELS.items():
        ids = list(model.objects.order_by("pk").values_list("pk", flat=True))
        for start in range(0, len(ids), 2000):
            entries_seal(name, ids[start : start + 2000])


def passwords_set_now(apps, schema_editor):
    User = apps.get_model(settings.AUTH_USER_MODEL)
    Record = apps.get_model("disclosure_security", "PasswordRecord")
    Record.objects.bulk_create(
        Record(user_id=pk, password=password)
        for pk, password in User.objects.values_list("pk", "password")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_security", "0001_initial"),
        ("disclosure_pages", "0002_roles"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        protected_from_change(["disclosure_security_auditseal", "disclosure_security_auditpurge"]),
        migrations.RunPython(seal_existing, migrations.RunPython.noop),
        migrations.RunPython(passwords_set_now, migrations.RunPython.noop),
        grant_office_permissions("disclosure_security", ["view_personaldataaccess"], "监督"),
    ]
