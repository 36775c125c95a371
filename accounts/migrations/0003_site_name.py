"""Name the site after the portal, so mail never speaks of "example.com"."""

from django.conf import settings
from django.db import migrations

SITE_NAME = "Busan International Exchange"


def name_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    Site.objects.update_or_create(
        pk=getattr(settings, "SITE_ID", 1),
        defaults={"name": SITE_NAME, "domain": getattr(settings, "PORTAL_DOMAIN", "localhost:8000")},
    )


def unname_site(apps, schema_editor):
    Site = apps.get_model("sites", "Site")
    Site.objects.filter(pk=getattr(settings, "SITE_ID", 1)).update(name="example.com", domain="example.com")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_phone_consent"),
        ("sites", "0002_alter_domain_unique"),
    ]

    operations = [migrations.RunPython(name_site, unname_site)]
