"""Consulting & matching for the exchange coordinators (the group the homestays app's migration makes too)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = "Exchange coordinators"

PERMISSIONS = [
    *[
        ("cooperation", f"{action}_{model}")
        for model in ("partnerorganization", "consultation", "proposedpartner")
        for action in ("add", "change", "delete", "view")
    ],
    # Requests come from members: staff read, move on and export them, never add or delete them.
    ("cooperation", "view_cooperationrequest"),
    ("cooperation", "change_cooperationrequest"),
    ("cooperation", "export_cooperationrequest"),
]


def add_permissions(apps, schema_editor):
    # Django creates the models' permissions after all migrations have run; the group needs them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=COORDINATORS)
    group.permissions.add(
        *[Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in PERMISSIONS]
    )


def remove_permissions(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group = Group.objects.filter(name=COORDINATORS).first()
    if group is None:
        return
    group.permissions.remove(*group.permissions.filter(content_type__app_label="cooperation"))
    if not group.permissions.exists():
        group.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cooperation", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_permissions, remove_permissions)]
