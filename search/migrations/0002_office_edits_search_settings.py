"""党政办 decides what the public search shows (检索设置)."""

from django.db import migrations


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    app_config = apps.get_app_config("disclosure_search")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    office = Group.objects.filter(name="党政办").first()
    if office is not None:
        office.permissions.add(
            Permission.objects.get(
                content_type__app_label="disclosure_search", codename="change_searchsettings"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_search", "0001_database_index"),
        ("disclosure_pages", "0002_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
