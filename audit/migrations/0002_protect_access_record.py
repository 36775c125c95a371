"""The database itself keeps the access record append-only, whoever connects and however.

PostgreSQL refuses any UPDATE but one (erasing the address of a member's own action, when the member is
deleted) and any DELETE of an entry younger than two years. SQLite refuses the same UPDATEs; it allows
DELETE, which the test suite needs to empty tables between tests (PostgreSQL's TRUNCATE does not fire row
triggers).
"""

from django.db import migrations

COLUMNS = ("id", "at", "actor_id", "actor_is_staff", "action", "object_type", "object_ids", "summary")

POSTGRESQL = f"""
CREATE FUNCTION audit_accessrecord_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NOT OLD.actor_is_staff AND NEW.client_address IS NULL
           AND ({", ".join(f"NEW.{c}" for c in COLUMNS)}) IS NOT DISTINCT FROM ({", ".join(f"OLD.{c}" for c in COLUMNS)})
        THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'The access record cannot be changed.';
    END IF;
    IF OLD.at > now() - interval '2 years' THEN
        RAISE EXCEPTION 'Entries of the access record are kept for two years.';
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER audit_accessrecord_guard BEFORE UPDATE OR DELETE ON audit_accessrecord
    FOR EACH ROW EXECUTE FUNCTION audit_accessrecord_guard();
"""
POSTGRESQL_REVERSE = """
DROP TRIGGER IF EXISTS audit_accessrecord_guard ON audit_accessrecord;
DROP FUNCTION IF EXISTS audit_accessrecord_guard();
"""

SQLITE = f"""
CREATE TRIGGER audit_accessrecord_no_update BEFORE UPDATE ON audit_accessrecord
WHEN NOT (OLD.actor_is_staff = 0 AND NEW.client_address IS NULL
          AND {" AND ".join(f"NEW.{c} IS OLD.{c}" for c in COLUMNS)})
BEGIN
    SELECT RAISE(ABORT, 'The access record cannot be changed.');
END;
"""
SQLITE_REVERSE = "DROP TRIGGER IF EXISTS audit_accessrecord_no_update;"


def _run(statements: dict):
    def run(apps, schema_editor):
        sql = statements.get(schema_editor.connection.vendor)
        if sql:
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("audit", "0001_access_record")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRESQL, "sqlite": SQLITE}),
            _run({"postgresql": POSTGRESQL_REVERSE, "sqlite": SQLITE_REVERSE}),
        ),
    ]
