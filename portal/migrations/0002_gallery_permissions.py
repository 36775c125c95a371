"""Content editors edit the programs' and events' photo galleries; program managers may look at them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Content editors": [
        (app_label, f"{action}_{model}")
        for app_label, model in (("programs", "programimage"), ("events", "eventimage"))
        for action in ("add", "change", "delete", "view")
    ],
    "Program managers": [("programs", "view_programimage"), ("events", "view_eventimage")],
}


def grant(apps, schema_editor):
    # Django creates the new models' permissions after all migrations have run; the groups need them now.
    for label in ("programs", "events"):
        app_config = apps.get_app_config(label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group_name, permissions in GRANTS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for app_label, codename in permissions:
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group_name, permissions in GRANTS.items():
        for group in Group.objects.filter(name=group_name):
            for app_label, codename in permissions:
                group.permissions.remove(
                    *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
                )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_seed_text_revision"),
        ("registrations", "0002_staff_groups"),
        ("programs", "0004_photo_gallery"),
        ("events", "0003_photo_gallery"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
