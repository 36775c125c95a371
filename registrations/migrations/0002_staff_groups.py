"""Staff roles as groups: content editors and program managers, and the permission to export registrations."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_EDITORS = "Content editors"
PROGRAM_MANAGERS = "Program managers"

EXPORT = ("registrations", "registration", "export_registration", "Can export registrations")

GROUPS = {
    # Public content and its images; no accounts, no registrations (personal data).
    CONTENT_EDITORS: [
        (app_label, f"{action}_{model}")
        for app_label, model in (
            ("programs", "category"),
            ("programs", "city"),
            ("programs", "program"),
            ("events", "event"),
        )
        for action in ("add", "change", "delete", "view")
    ],
    # Registrations and their export; programs and events to read only.
    PROGRAM_MANAGERS: [
        ("registrations", "view_registration"),
        ("registrations", "change_registration"),
        ("registrations", "export_registration"),
        ("programs", "view_program"),
        ("events", "view_event"),
    ],
}


def create_groups(apps, schema_editor):
    # Django creates the models' permissions after all migrations have run; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")

    app_label, model, codename, name = EXPORT
    content_type = ContentType.objects.get_by_natural_key(app_label, model)
    Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})

    for group_name, permissions in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        group.permissions.set(
            [
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
                for app_label, codename in permissions
            ]
        )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()
    app_label, _model, codename, _name = EXPORT
    apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label=app_label, codename=codename
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("programs", "0002_image_renditions"),
        ("events", "0002_image_renditions"),
        ("registrations", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
