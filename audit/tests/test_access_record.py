"""The access record: what is recorded, by whom and from where, that nobody can change it, and how long it
is kept."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.utils import timezone

from audit import services
from audit.models import AccessRecord

pytestmark = pytest.mark.django_db


def entry(**fields) -> AccessRecord:
    values = {"action": "view", "object_type": "accounts.user", "object_ids": "1", "actor_id": 7}
    return AccessRecord.objects.create(**{**values, **fields})


def test_the_database_refuses_to_change_an_entry():
    record = entry(actor_is_staff=True, client_address="198.51.100.1")
    for change in ({"summary": "nothing happened"}, {"actor_id": 8}, {"client_address": None}):
        with pytest.raises(DatabaseError), transaction.atomic():
            AccessRecord.objects.filter(pk=record.pk).update(**change)
    record.refresh_from_db()
    assert (record.actor_id, record.client_address, record.summary) == (7, "198.51.100.1", "")


def test_the_only_change_allowed_is_erasing_a_members_own_address():
    own = entry(actor_is_staff=False, client_address="198.51.100.2")
    assert services.access_records_forget_member(member_id=7) == 1
    own.refresh_from_db()
    assert own.client_address is None
    # Not together with anything else.
    other = entry(actor_is_staff=False, client_address="198.51.100.3")
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessRecord.objects.filter(pk=other.pk).update(client_address=None, summary="edited")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite keeps DELETE for the test suite")
def test_the_database_refuses_to_delete_entries_younger_than_two_years():
    young = entry(at=timezone.now() - timedelta(days=700))
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessRecord.objects.filter(pk=young.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_accessrecord")
    assert AccessRecord.objects.filter(pk=young.pk).exists()


def test_entries_older_than_the_keeping_time_are_deleted_by_the_daily_job(settings):
    from django_q.models import Schedule

    now = timezone.now()
    old = entry(at=now - timedelta(days=2 * 366 + 2))
    kept = entry(at=now - timedelta(days=2 * 365 - 2))
    assert Schedule.objects.filter(func="audit.tasks.access_records_purge", minutes=24 * 60).exists()
    from audit.tasks import access_records_purge

    assert access_records_purge() == 1
    assert list(AccessRecord.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not AccessRecord.objects.filter(pk=old.pk).exists()
    settings.ACCESS_RECORD_KEEP_YEARS = 3
    entry(at=now - timedelta(days=2 * 366 + 2))
    assert access_records_purge() == 0


def test_a_keeping_time_under_two_years_is_refused():
    import os
    import subprocess
    import sys

    env = {**os.environ, "PORTAL_ACCESS_RECORD_KEEP_YEARS": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "PORTAL_ACCESS_RECORD_KEEP_YEARS must be at least 2" in result.stderr


def test_admin_log_erase_takes_the_addresses_out_of_every_entry():
    from django.contrib.contenttypes.models import ContentType

    from accounts.models import User
    from accounts.tests.factories import UserFactory

    staff = UserFactory(is_staff=True)
    member = UserFactory(email="Minji.Kim@example.org")
    user_type = ContentType.objects.get_for_model(User)
    about_member = LogEntry.objects.create(
        user=staff,
        content_type=user_type,
        object_id=str(member.pk),
        object_repr="Minji.Kim@example.org",
        action_flag=2,
        change_message='[{"changed": {"fields": ["Name"]}}]',
    )
    elsewhere = LogEntry.objects.create(
        user=staff,
        content_type=user_type,
        object_id=str(staff.pk),
        object_repr=staff.email,
        action_flag=2,
        change_message='[{"added": {"name": "consent", "object": "minji.kim@example.org · required"}}]',
    )
    untouched = LogEntry.objects.create(
        user=staff, content_type=user_type, object_id="999", object_repr="someone@example.org", action_flag=1
    )
    services.admin_log_erase(model=User, object_id=member.pk, texts=[member.email])
    about_member.refresh_from_db()
    elsewhere.refresh_from_db()
    untouched.refresh_from_db()
    assert about_member.object_repr == f"#{member.pk}"
    assert "minji" not in elsewhere.change_message.lower()
    assert f"#{member.pk} · required" in elsewhere.change_message
    assert untouched.object_repr == "someone@example.org"


def test_any_admin_opts_in_with_one_line(rf):
    """The mixin works for any model admin: list, record page and save are recorded."""
    from django.contrib import admin

    from audit.admin import AccessRecordedAdmin
    from audit.context import acting
    from programs.models import City
    from programs.tests.factories import CityFactory

    class CityAdmin(AccessRecordedAdmin, admin.ModelAdmin):
        list_display = ("slug",)

    from accounts.tests.factories import UserFactory

    superuser = UserFactory(is_staff=True, is_superuser=True)
    cities = [CityFactory(), CityFactory()]
    model_admin = CityAdmin(City, admin.AdminSite())
    request = rf.get("/en/admin/programs/city/", {"q": "secret search"})
    request.user = superuser
    with acting(user=lambda: superuser, address="198.51.100.9"):
        model_admin.changelist_view(request)
        request = rf.get(f"/en/admin/programs/city/{cities[0].pk}/change/")
        request.user = superuser
        model_admin.change_view(request, str(cities[0].pk))
    listed, page = AccessRecord.objects.order_by("pk")
    assert listed.object_type == "programs.city"
    assert sorted(listed.object_ids.split(",")) == sorted(str(city.pk) for city in cities)
    assert "with a search" in listed.summary and "secret" not in listed.summary
    assert (listed.actor_id, listed.actor_is_staff, listed.client_address) == (
        superuser.pk,
        True,
        "198.51.100.9",
    )
    assert (page.action, page.object_ids) == ("view", str(cities[0].pk))


def test_staff_cannot_change_or_delete_entries_in_the_admin_superusers_included():
    from accounts.tests.factories import UserFactory
    from accounts.tests.staff import PROGRAM_MANAGERS, make_user

    record = entry()
    superuser = Client()
    superuser.force_login(UserFactory(is_staff=True, is_superuser=True))
    listing = superuser.get("/en/admin/audit/accessrecord/")
    assert listing.status_code == 200
    assert 'name="action"' not in listing.content.decode()  # no bulk delete
    page = superuser.get(f"/en/admin/audit/accessrecord/{record.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert (
        superuser.post(f"/en/admin/audit/accessrecord/{record.pk}/change/", {"summary": "x"}).status_code
        == 403
    )
    assert superuser.get(f"/en/admin/audit/accessrecord/{record.pk}/delete/").status_code == 403
    assert superuser.get("/en/admin/audit/accessrecord/add/").status_code == 403
    manager = Client()
    manager.force_login(make_user("manager@example.com", group=PROGRAM_MANAGERS))
    assert manager.get("/en/admin/audit/accessrecord/").status_code == 403


def test_the_record_is_searchable_by_person_and_by_record_number():
    entry(object_ids="12,170,42", actor_id=5)
    entry(object_ids="17", actor_id=6)
    entry(object_ids="1170", actor_id=9)
    superuser = Client()
    from accounts.tests.factories import UserFactory

    superuser.force_login(UserFactory(is_staff=True, is_superuser=True))

    def found(term):
        response = superuser.get("/en/admin/audit/accessrecord/", {"q": term})
        return sorted(record.actor_id for record in response.context["cl"].result_list)

    assert found("170") == [5]
    assert found("17") == [6]
    assert found("42") == [5]
    assert found("6") == [6]
    assert found("someone@example.org") == []
