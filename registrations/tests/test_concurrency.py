"""Capacity holds when many members register at the same moment (PostgreSQL, real threads).

Run with ``DATABASE_URL=postgres://postgres@127.0.0.1:5432/<name>``.
"""

import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from accounts.models import User
from events.tests.factories import EventFactory
from outbox.models import OutgoingMail
from registrations import services
from registrations.models import Registration

CAPACITY = 20
ATTEMPTS = 200
WORKERS = 32

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises whole transactions, so there is no row lock to test",
    ),
    # serialized_rollback: put back what data migrations created (Site 1, staff groups) after the flush.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def slow_between_count_and_insert(monkeypatch):
    """Widen the gap between counting places and writing, so that any race shows.

    Mail waits in the queue, as in production: in django-q2's sync mode each mail task would run inside the
    registration's transaction and lock django-q2's own table of results, which serialises the registrations
    by itself and would hide the race.
    """
    from django_q.conf import Conf

    monkeypatch.setattr(Conf, "SYNC", False)
    monkeypatch.setattr(services, "_after_count_hook", lambda: time.sleep(0.02))


def _stampede(*, lock: bool) -> tuple[object, list[BaseException]]:
    event = EventFactory(capacity=CAPACITY)
    members = User.objects.bulk_create(
        User(email=f"crowd{n}@example.org", name=f"Crowd {n}", password="!", language="en")
        for n in range(ATTEMPTS)
    )
    errors: list[BaseException] = []

    def attempt(member):
        try:
            services.registration_create(user=member, event=event, _lock=lock)
        except BaseException as error:  # noqa: BLE001 - every failure counts
            errors.append(error)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        list(pool.map(attempt, members))
    return event, errors


def test_capacity_holds_under_concurrent_registrations(slow_between_count_and_insert):
    event, errors = _stampede(lock=True)
    assert errors == []
    registrations = Registration.objects.filter(event=event)
    assert registrations.count() == ATTEMPTS
    assert registrations.confirmed().count() == CAPACITY
    assert registrations.waitlisted().count() == ATTEMPTS - CAPACITY
    # One mail each, and the right one: a waitlisted member is never told their place is confirmed.
    confirmed_emails = set(registrations.confirmed().values_list("user__email", flat=True))
    mails = list(OutgoingMail.objects.all())
    assert len(mails) == ATTEMPTS
    for message in mails:
        assert ("confirmed" in message.subject) == (message.to[0] in confirmed_emails), message.subject


def test_without_the_lock_the_event_is_overbooked(slow_between_count_and_insert):
    """The control: the same stampede without locking the event's row overbooks it."""
    event, errors = _stampede(lock=False)
    assert errors == []
    assert Registration.objects.filter(event=event).confirmed().count() > CAPACITY
