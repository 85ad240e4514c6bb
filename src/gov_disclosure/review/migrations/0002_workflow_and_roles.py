"""The review workflow (分管领导审签 → 保密审查 → 党政办终审发布) and the roles' powers in it.

- creates the three steps and the workflow, and puts it on every existing agency
  (new agencies get it when they are created: gov_disclosure.review.signal_handlers);
- reviewers lose the page permissions Foundation gave them: they act through
  their step, not the editor;
- 党政办 keeps the sensitive-word list; 党政办 and 监督 read the accountability
  log and the timeliness report.
"""

from django.db import migrations

WORKFLOW_NAME = "信息发布审核"
STEPS = [
    ("disclosure_review", "signofftask", "分管领导审签", "分管领导"),
    ("disclosure_review", "confidentialityreviewtask", "保密审查", "保密审查员"),
    ("disclosure_review", "signofftask", "党政办终审发布", "党政办"),
]
MODEL_PERMISSIONS = {
    "党政办": [
        ("disclosure_review", "add_sensitiveword"),
        ("disclosure_review", "change_sensitiveword"),
        ("disclosure_review", "delete_sensitiveword"),
        ("disclosure_review", "view_sensitiveword"),
        ("disclosure_review", "view_accountability_log"),
        ("disclosure_review", "view_timeliness_report"),
    ],
    "监督": [("disclosure_review", "view_accountability_log"), ("disclosure_review", "view_timeliness_report")],
}
REVIEWERS_WITHOUT_PAGE_PERMISSIONS = ["分管领导", "保密审查员"]


def forwards(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Page = apps.get_model("wagtailcore", "Page")

    for role, permissions in MODEL_PERMISSIONS.items():
        group = Group.objects.get(name=role)
        for app_label, codename in permissions:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    GroupPagePermission.objects.filter(group__name__in=REVIEWERS_WITHOUT_PAGE_PERMISSIONS).delete()

    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if created:
        for order, (app_label, model, name, role) in enumerate(STEPS):
            TaskModel = apps.get_model(app_label, model)
            task = TaskModel.objects.create(
                name=name,
                active=True,
                content_type=ContentType.objects.get_for_model(TaskModel),
            )
            task.groups.add(Group.objects.get(name=role))
            WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=order)

    agency_type = ContentType.objects.filter(
        app_label="disclosure_pages", model="disclosureindexpage"
    ).first()
    if agency_type is not None:
        for agency in Page.objects.filter(content_type=agency_type):
            WorkflowPage.objects.get_or_create(page=agency, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_review", "0001_initial"),
        ("disclosure_pages", "0003_department_scope_and_timeliness"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
