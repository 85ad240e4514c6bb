"""Operations the apps' data migrations share."""

from django.db import DatabaseError, migrations, transaction

OFFICE = "党政办"


def grant_office_permissions(
    app_label: str, codenames: list[str], group_name: str = OFFICE
) -> migrations.RunPython:
    """A migration step giving 党政办 (or another role) model permissions of ``app_label``
    (created first, as Django otherwise creates permissions only after all migrations)."""

    def forwards(apps, schema_editor):
        from django.contrib.auth.management import create_permissions

        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

        group = apps.get_model("auth", "Group").objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.add(
                *apps.get_model("auth", "Permission").objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )

    return migrations.RunPython(forwards, migrations.RunPython.noop)


def lz4_compressed(app_label: str, model_name: str, field_name: str) -> migrations.RunPython:
    """A migration step storing a large text column compressed with LZ4 on PostgreSQL
    (TOAST's default, pglz, decompresses several times slower; values written before
    keep pglz until rewritten). Skipped on other databases and on a PostgreSQL built
    without LZ4."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        model = apps.get_model(app_label, model_name)
        table = schema_editor.quote_name(model._meta.db_table)
        column = schema_editor.quote_name(model._meta.get_field(field_name).column)
        try:
            with transaction.atomic(using=schema_editor.connection.alias):
                schema_editor.execute(
                    f"ALTER TABLE {table} ALTER COLUMN {column} SET COMPRESSION lz4"
                )
        except DatabaseError:  # unsupported compression method "lz4"
            pass

    return migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)


def encrypt_existing(app_label: str, model_name: str) -> migrations.RunPython:
    """A migration step encrypting the values a model stored before its fields were
    encrypted (and computing their lookup digests), with the keys configured now.
    Backwards, values are written back in the clear."""
    from .encrypted_fields import EncryptedMixin, LookupDigestField

    def rewrite(apps, *, encrypt: bool):
        model = apps.get_model(app_label, model_name)
        fields = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, EncryptedMixin | LookupDigestField)
        ]
        if encrypt:
            names = [field.name for field in fields]
            for record in model.objects.all().iterator(chunk_size=500):
                record.save(update_fields=names)
            return
        from django.db import connection

        table, pk_column = model._meta.db_table, model._meta.pk.column
        with connection.cursor() as cursor:
            for field in fields:
                if not isinstance(field, EncryptedMixin):
                    continue
                for pk, value in model.objects.values_list("pk", field.attname):
                    cursor.execute(
                        f'UPDATE "{table}" SET "{field.column}" = %s WHERE "{pk_column}" = %s',
                        [value, pk],  # decrypted by from_db_value
                    )

    return migrations.RunPython(
        lambda apps, schema_editor: rewrite(apps, encrypt=True),
        lambda apps, schema_editor: rewrite(apps, encrypt=False),
    )


_PROTECT_FUNCTION = """
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


def protected_from_change(tables: list[str]) -> migrations.RunPython:
    """A migration step making PostgreSQL refuse UPDATE and DELETE on ``tables`` unless the
    transaction opened the audit log's maintenance block
    (``gov_disclosure.security.audit_chain.audit_log_maintenance``). Skipped on SQLite,
    which has no session settings to open that block with."""

    def forwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(_PROTECT_FUNCTION, params=None)
        for table in tables:
            schema_editor.execute(
                f"CREATE TRIGGER {table}_protect BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION disclosure_protect_audit_log();"
            )

    def backwards(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for table in tables:
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_protect ON {table};")

    return migrations.RunPython(forwards, backwards)
