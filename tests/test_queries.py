"""Queries the ORM builds once and runs with other values (``busan_exchange.queries``) find what the ORM
itself finds, on SQLite and on PostgreSQL."""

import pytest
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext

from accounts.tests.factories import UserFactory
from busan_exchange.queries import Prepared
from events.models import Event
from events.tests.factories import EventFactory
from programs.tests.factories import ProgramFactory
from registrations.models import Registration
from registrations.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def _counting(build):
    calls = []

    def counted(**markers):
        calls.append(markers)
        return build(**markers)

    return counted, calls


def _shown(registrations) -> list[tuple]:
    return [(r.pk, r.status, r.event_id, r.user_id, r.created_at, r.message) for r in registrations]


def test_model_rows_are_those_the_orm_finds_and_the_sql_is_built_once():
    events = EventFactory.create_batch(2)
    members = UserFactory.create_batch(2)
    RegistrationFactory(user=members[0], event=events[0], status="confirmed")
    RegistrationFactory(user=members[1], event=events[0], status="waitlisted")
    RegistrationFactory(user=members[1], event=events[1], status="cancelled")
    build, calls = _counting(
        lambda member, item: Registration.objects.filter(user_id=member, event_id=item).order_by()[:1]
    )
    query = Prepared(build, "member", "item")
    for member in members:
        for event in events:
            expected = list(Registration.objects.filter(user=member, event=event))
            with CaptureQueriesContext(connection) as ran:
                found = query.objects(member=member.pk, item=event.pk)
            assert _shown(found) == _shown(expected)
            assert all(r._state.db == "default" and not r._state.adding for r in found)
            assert len(ran) == 1
    assert len(calls) == 1


def test_model_rows_with_some_fields_only_are_those_the_orm_finds():
    """Times come as the ORM gives them (aware, on SQLite too), and what the query left out is read when
    asked for, as with ``only()``."""
    event = EventFactory(title_en="Harbour festival", capacity=12)
    fields = ("status", "capacity", "starts_at")
    query = Prepared(lambda item: Event.objects.only(*fields).filter(pk=item), "item")
    [found] = query.objects(item=event.pk)
    expected = Event.objects.only(*fields).get(pk=event.pk)
    assert (found.status, found.capacity, found.starts_at) == (expected.status, 12, expected.starts_at)
    assert found.starts_at.tzinfo is not None
    assert found.get_deferred_fields() == expected.get_deferred_fields()
    with CaptureQueriesContext(connection) as ran:
        assert found.title_en == "Harbour festival"
    assert len(ran) == 1
    assert query.objects(item=0) == []


def test_related_rows_come_with_the_instances_as_with_select_related():
    member = UserFactory()
    event = EventFactory(title_en="Harbour festival")
    program = ProgramFactory(title_en="Youth exchange")
    RegistrationFactory(user=member, event=event)
    RegistrationFactory(user=member, event=None, program=program)
    query = Prepared(
        lambda member: (
            Registration.objects.filter(user_id=member)
            .select_related("program", "event")
            .only(
                "status", "created_at", "program__slug", "program__title_en", "event__slug", "event__title_en"
            )
            .order_by("pk")
        ),
        "member",
    )
    with CaptureQueriesContext(connection) as ran:
        found = query.objects(member=member.pk)
        seen = [(r.event and r.event.title_en, r.program and r.program.title_en, r.created_at) for r in found]
    assert len(ran) == 1
    expected = Registration.objects.filter(user=member).order_by("pk")
    assert seen == [
        (r.event and r.event.title_en, r.program and r.program.title_en, r.created_at) for r in expected
    ]
    assert seen[0][:2] == ("Harbour festival", None) and seen[1][:2] == (None, "Youth exchange")
    assert query.objects(member=0) == []


def test_objects_refuses_what_it_cannot_make_model_instances_of():
    query = Prepared(lambda item: Registration.objects.filter(event_id=item).annotate(n=Count("pk")), "item")
    with pytest.raises(TypeError):
        query.objects(item=1)


def test_rows_keep_the_constants_of_the_query():
    event, other = EventFactory(), EventFactory()
    for status in ("confirmed", "confirmed", "waitlisted", "cancelled"):
        RegistrationFactory(event=event, status=status)
    RegistrationFactory(event=other, status="confirmed")
    query = Prepared(
        lambda item: (
            Registration.objects.filter(event_id=item, status__in=("confirmed", "waitlisted"))
            .order_by()
            .values_list("status")
            .annotate(Count("pk"))
        ),
        "item",
    )
    assert dict(query.rows(item=event.pk)) == {"confirmed": 2, "waitlisted": 1}
    assert dict(query.rows(item=other.pk)) == {"confirmed": 1}
    assert query.rows(item=0) == []
    # Values as the ORM gives them, times included (SQLite keeps them as text).
    times = Prepared(lambda item: Registration.objects.filter(event=item).values_list("created_at"), "item")
    assert sorted(times.rows(item=event.pk)) == sorted(event.registrations.values_list("created_at"))


def test_values_must_be_the_ones_named_and_found_in_the_query():
    query = Prepared(lambda item: Registration.objects.filter(event_id=item), "item")
    with pytest.raises(TypeError):
        query.objects(event=1)
    unused = Prepared(lambda item, member: Registration.objects.filter(event_id=item), "item", "member")
    with pytest.raises(ValueError, match="member"):
        unused.objects(item=1, member=2)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements are PostgreSQL's")
def test_on_postgresql_the_queries_of_every_request_are_planned_once_per_connection(client):
    """A member's visits run the same statements again and again: PostgreSQL prepares them after five runs
    on a connection instead of planning them at each request."""
    member = UserFactory()
    client.force_login(member)
    for _ in range(6):
        assert client.get("/en/my/").status_code == 200
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "accounts_user"' in statement for statement in prepared), prepared
