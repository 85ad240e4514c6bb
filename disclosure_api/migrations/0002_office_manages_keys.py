"""党政办 manages the API keys of consumers and the interface settings."""

from django.db import migrations

OFFICE_PERMISSIONS = [
    "add_consumerkey",
    "change_consumerkey",
    "view_consumerkey",
    "change_apisettings",
]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("disclosure_api")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    office = Group.objects.filter(name="党政办").first()
    if office is not None:
        office.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="disclosure_api", codename__in=OFFICE_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_api", "0001_feed_and_keys"),
        ("disclosure_pages", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
