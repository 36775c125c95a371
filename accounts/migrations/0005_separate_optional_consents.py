"""Phone contact and news by email become two optional consents.

Until now one optional consent ("optional_marketing", text version 2026-11-01) covered both. Each such record
becomes one of each kind, with the same version, language and dates: the member did agree to both purposes,
on that day, in that text. Nothing is marked as withdrawn that the member did not withdraw, and nothing is
marked as given that they did not give; the version still names the combined text they saw.
"""

from django.db import migrations

COMBINED = "optional_marketing"


def split(apps, schema_editor):
    Consent = apps.get_model("accounts", "Consent")
    for consent in Consent.objects.filter(kind=COMBINED).order_by("pk"):
        Consent.objects.create(
            user_id=consent.user_id,
            kind="optional_news",
            version=consent.version,
            language=consent.language,
            given_at=consent.given_at,
            withdrawn_at=consent.withdrawn_at,
        )
    Consent.objects.filter(kind=COMBINED).update(kind="optional_phone")


def join(apps, schema_editor):
    """Back to one optional consent: the phone records stand for it again, the news records go."""
    Consent = apps.get_model("accounts", "Consent")
    Consent.objects.filter(kind="optional_news").delete()
    Consent.objects.filter(kind="optional_phone").update(kind=COMBINED)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0004_privacy_policy_and_separate_optional_consents")]

    operations = [migrations.RunPython(split, join)]
