"""The admin's search of registrations reads messages by any part of them: on PostgreSQL a trigram index
answers it without reading every registration (see accounts' 0007 for the members' email and name)."""

from django.db import migrations


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        'CREATE INDEX IF NOT EXISTS "registration_message_trgm" ON "registrations_registration" '
        'USING gin ((UPPER("message"::text)) gin_trgm_ops)'
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute('DROP INDEX IF EXISTS "registration_message_trgm"')


class Migration(migrations.Migration):
    dependencies = [
        ("registrations", "0004_registrations_by_date"),
        ("accounts", "0007_member_search_index"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
