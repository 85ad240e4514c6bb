"""党政办 (of the district) manages the sources and reviews what they sent."""

from django.db import migrations

OFFICE_PERMISSIONS = [
    "add_source",
    "change_source",
    "view_source",
    "view_mirroreditem",
    "view_quarantinedrecord",
    "delete_quarantinedrecord",
]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("aggregation")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    office = Group.objects.filter(name="党政办").first()
    if office is not None:
        office.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="aggregation", codename__in=OFFICE_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("aggregation", "0001_sources_and_mirrors"),
        ("disclosure_pages", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
