"""Program managers run calls and applications; content editors get nothing here (they must not see
applicants)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PROGRAM_MANAGERS = "Program managers"

PERMISSIONS = [
    *(("applications", f"{action}_call") for action in ("add", "change", "delete", "view")),
    *(("applications", f"{action}_question") for action in ("add", "change", "delete", "view")),
    ("applications", "view_application"),
    ("applications", "change_application"),
    ("applications", "export_application"),
    ("applications", "view_answer"),
    ("applications", "view_statechange"),
]


def grant(apps, schema_editor):
    # Django creates the models' permissions after all migrations have run; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=PROGRAM_MANAGERS)
    group.permissions.add(
        *[
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in PERMISSIONS
        ]
    )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=PROGRAM_MANAGERS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="applications", codename__in=[c for _a, c in PERMISSIONS])
        )


class Migration(migrations.Migration):
    dependencies = [
        ("applications", "0001_initial"),
        ("registrations", "0002_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
