"""Operations the apps' data migrations share."""

from django.db import migrations

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
