"""Create the office's roles with their admin permissions, and the 政府信息公开 collection
where their documents and images go (a host site's other collections stay its own).

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


DISCLOSURE_COLLECTION = "政府信息公开"


def _disclosure_collection(Collection):
    """The collection under the root for the disclosure apps' documents and images.

    Collections form a materialised-path tree; the historical model has no ``add_child``,
    so the path is computed as treebeard would (four base-36 digits a level)."""
    root = Collection.objects.filter(depth=1).first()
    existing = Collection.objects.filter(depth=2, name=DISCLOSURE_COLLECTION).first()
    if existing:
        return existing
    last = Collection.objects.filter(depth=2).order_by("-path").first()
    number = int(last.path[-4:], 36) + 1 if last else 1
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    step = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        step = digits[digit] + step
    collection = Collection.objects.create(
        name=DISCLOSURE_COLLECTION, path=root.path + step, depth=2, numchild=0
    )
    Collection.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
    return collection


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
    collection = _disclosure_collection(Collection)

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
                    collection=collection,
                    permission=Permission.objects.get(
                        content_type__app_label=app_label, codename=f"{action}_{model_name}"
                    ),
                )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()
    apps.get_model("wagtailcore", "Collection").objects.filter(
        depth=2, name=DISCLOSURE_COLLECTION, numchild=0
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_pages", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
