"""Create the office's roles with their admin and collection permissions.

Page permissions are granted per agency (gov_disclosure.pages.roles), because
they attach to each agency's catalogue root.
"""

from django.db import migrations

ROLES = ["信息员", "分管领导", "保密审查员", "党政办", "监督"]
MODEL_PERMISSIONS = {
    "信息员": [("wagtailadmin", "access_admin")],
    "分管领导": [("wagtailadmin", "access_admin")],
    "保密审查员": [("wagtailadmin", "access_admin")],
    "党政办": [
        ("wagtailadmin", "access_admin"),
        ("disclosure_pages", "add_department"),
        ("disclosure_pages", "change_department"),
        ("disclosure_pages", "delete_department"),
        ("disclosure_pages", "view_department"),
    ],
    "监督": [("wagtailadmin", "access_admin")],
}
COLLECTION_PERMISSIONS = {
    "信息员": [("wagtaildocs", ["add", "change", "choose"]), ("wagtailimages", ["add", "change", "choose"])],
    "党政办": [
        ("wagtaildocs", ["add", "change", "delete", "choose"]),
        ("wagtailimages", ["add", "change", "delete", "choose"]),
    ],
}


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()

    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        for app_label, codename in MODEL_PERMISSIONS[role]:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        for app_label, actions in COLLECTION_PERMISSIONS.get(role, []):
            model_name = "document" if app_label == "wagtaildocs" else "image"
            for action in actions:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=Permission.objects.get(
                        content_type__app_label=app_label, codename=f"{action}_{model_name}"
                    ),
                )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_pages", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
