"""Staff find members by any part of their email or name (the admin's searches of members and of their
registrations): on PostgreSQL, trigram indexes answer such searches without reading every member.

Django's ``icontains`` is ``UPPER(column::text) LIKE UPPER(pattern)`` on PostgreSQL: the indexes are on that
expression. Other databases have no such index and search as before.
"""

from django.db import migrations

INDEXES = {
    "accounts_user_email_trgm": "email",
    "accounts_user_name_trgm": "name",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # pg_trgm is a trusted extension: the database's owner may create it.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name, column in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "accounts_user" '
            f'USING gin ((UPPER("{column}"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("accounts", "0006_privacy_policy_first_version")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
