from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from accounts.tests.factories import UserFactory
from events.tests.factories import EventFactory
from programs.models import Status
from programs.tests.factories import ProgramFactory
from registrations import services
from registrations.exceptions import RegistrationError
from registrations.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Messages are read in English here, whatever an earlier test left active."""
    with translation.override("en"):
        yield


def test_places_are_confirmed_then_the_waiting_list_fills(task_worker):
    event = EventFactory(capacity=2)
    members = UserFactory.create_batch(3)
    statuses = [services.registration_create(user=m, event=event).status for m in members]
    task_worker()
    assert statuses == ["confirmed", "confirmed", "waitlisted"]
    assert [m.to for m in mail.outbox] == [[m.email] for m in members]
    assert "waiting list" in mail.outbox[2].subject


def test_no_capacity_means_everyone_is_confirmed():
    program = ProgramFactory(capacity=None)
    for member in UserFactory.create_batch(3):
        assert services.registration_create(user=member, program=program).status == "confirmed"


def test_second_registration_is_refused_with_a_translated_message():
    event = EventFactory()
    member = UserFactory()
    services.registration_create(user=member, event=event)
    with pytest.raises(RegistrationError) as error:
        services.registration_create(user=member, event=event, message="again")
    assert error.value.code == "duplicate"
    assert "already registered" in str(error.value)
    assert Registration.objects.count() == 1


def test_cancelling_a_confirmed_place_promotes_the_first_on_the_waiting_list(
    django_capture_on_commit_callbacks,
):
    event = EventFactory(capacity=1)
    first, second, third = UserFactory.create_batch(3)
    third.language = "ko"
    third.save()
    confirmed = services.registration_create(user=first, event=event)
    services.registration_create(user=second, event=event)
    services.registration_create(user=third, event=event)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_cancel(registration=confirmed)
    statuses = dict(Registration.objects.values_list("user__email", "status"))
    assert statuses == {first.email: "cancelled", second.email: "confirmed", third.email: "waitlisted"}
    assert [message.to for message in mail.outbox] == [[first.email], [second.email]]
    assert "is withdrawn" in mail.outbox[0].subject
    assert "A place is now yours" in mail.outbox[1].subject
    assert "/en/my/" in mail.outbox[1].body


def test_cancelling_a_waitlisted_registration_promotes_nobody():
    event = EventFactory(capacity=1)
    a, b, c = UserFactory.create_batch(3)
    services.registration_create(user=a, event=event)
    waiting = services.registration_create(user=b, event=event)
    services.registration_create(user=c, event=event)
    services.registration_cancel(registration=waiting)
    assert Registration.objects.get(user=c).status == "waitlisted"


def test_a_withdrawn_member_may_register_again_and_joins_the_end_of_the_queue():
    event = EventFactory(capacity=1)
    a, b, c = UserFactory.create_batch(3)
    first = services.registration_create(user=a, event=event)
    services.registration_create(user=b, event=event)  # waitlisted
    services.registration_cancel(registration=services.registration_create(user=c, event=event))
    services.registration_create(user=c, event=event, message="back again")  # waitlisted after b
    services.registration_cancel(registration=first)
    assert Registration.objects.get(user=b).status == "confirmed"
    again = Registration.objects.get(user=c)
    assert again.status == "waitlisted"
    assert again.message == "back again"
    assert Registration.objects.filter(user=c).count() == 1


@pytest.mark.parametrize(
    ("fields", "code"),
    [
        ({"registration_opens_at": timedelta(days=1)}, "not_open"),
        ({"registration_closes_at": timedelta(days=-1)}, "closed"),
        ({"starts_at": timedelta(hours=-1)}, "closed"),
    ],
)
def test_closed_or_future_windows_are_refused(fields, code):
    now = timezone.now()
    values = {key: now + delta for key, delta in fields.items()}
    if "registration_closes_at" in values:
        values["registration_opens_at"] = now - timedelta(days=10)
    event = EventFactory(**values)
    with pytest.raises(RegistrationError) as error:
        services.registration_create(user=UserFactory(), event=event)
    assert error.value.code == code
    assert not Registration.objects.exists()


def test_program_window_and_drafts():
    now = timezone.now()
    closed = ProgramFactory(opens_at=now - timedelta(days=5), closes_at=now - timedelta(days=1))
    draft = ProgramFactory(status=Status.DRAFT)
    with pytest.raises(RegistrationError, match="closed"):
        services.registration_create(user=UserFactory(), program=closed)
    with pytest.raises(RegistrationError) as error:
        services.registration_create(user=UserFactory(), program=draft)
    assert error.value.code == "unavailable"


def test_staff_confirm_respects_capacity_unless_forced():
    event = EventFactory(capacity=1)
    services.registration_create(user=UserFactory(), event=event)
    waiting = services.registration_create(user=UserFactory(), event=event)
    with pytest.raises(RegistrationError) as error:
        services.registration_confirm(registration=waiting)
    assert error.value.code == "full"
    assert services.registration_confirm(registration=waiting, force=True).status == "confirmed"


def test_raising_capacity_fills_places_from_the_waiting_list():
    event = EventFactory(capacity=1)
    services.registration_create(user=UserFactory(), event=event)
    waiting = [services.registration_create(user=UserFactory(), event=event) for _ in range(2)]
    event.capacity = 2
    event.save()
    promoted = services.registrations_fill_places(target=event)
    assert [r.pk for r in promoted] == [waiting[0].pk]


def _waiting_list_reads(queries) -> int:
    """The queries that read a waiting list in its order (the members to promote)."""
    return sum(
        "\"status\" = 'waitlisted'" in query["sql"] and "ORDER BY" in query["sql"] for query in queries
    )


def test_nobody_is_looked_for_on_an_empty_waiting_list():
    """Places and the waiting list are counted in one query under the lock; the waiting list itself is read
    only when somebody is on it, so registering or withdrawing while nobody waits holds the lock shorter."""
    event = EventFactory(capacity=2)
    first, second = UserFactory.create_batch(2)
    with CaptureQueriesContext(connection) as queries:
        held = services.registration_create(user=first, event=event)
    assert held.status == "confirmed"
    assert _waiting_list_reads(queries) == 0
    with CaptureQueriesContext(connection) as queries:
        services.registration_cancel(registration=held)
    assert _waiting_list_reads(queries) == 0

    # Somebody waiting is still found, and gets the place that is freed.
    taken = services.registration_create(user=first, event=event)
    services.registration_create(user=second, event=event)
    waiting = services.registration_create(user=UserFactory(), event=event)
    assert waiting.status == "waitlisted"
    with CaptureQueriesContext(connection) as queries:
        services.registration_cancel(registration=taken)
    assert _waiting_list_reads(queries) == 1
    assert Registration.objects.get(pk=waiting.pk).status == "confirmed"


def test_mail_is_sent_in_the_members_language(django_capture_on_commit_callbacks):
    member = UserFactory(language="zh-hans")
    event = EventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_create(user=member, event=event)
    message = mail.outbox[0]
    assert event.title_zh_hans in message.body
    assert f"/zh-hans/events/{event.slug}/" in message.body
    assert "/zh-hans/my/" in message.body
    assert "example.com" not in message.body + message.subject


def test_members_on_the_waiting_list_get_new_places_before_a_newcomer(django_capture_on_commit_callbacks):
    program = ProgramFactory(capacity=1)
    first, waiting, newcomer = UserFactory.create_batch(3)
    services.registration_create(user=first, program=program)
    assert services.registration_create(user=waiting, program=program).status == "waitlisted"

    program.capacity = 2  # staff add a place, without filling it by hand
    program.save()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        late = services.registration_create(user=newcomer, program=program)

    assert Registration.objects.get(user=waiting).status == "confirmed"
    assert late.status == "waitlisted"
    assert {message.to[0] for message in mail.outbox} == {waiting.email, newcomer.email}


def test_items_with_registrations_cannot_be_deleted():
    from django.db.models import ProtectedError

    event = EventFactory()
    services.registration_create(user=UserFactory(), event=event)
    with pytest.raises(ProtectedError):
        event.delete()


def test_the_last_place_taken_while_the_mail_is_prepared_gives_the_waiting_list_mail(
    monkeypatch, task_worker
):
    """The mail is prepared before the lock for the status the member will most likely get; when the last
    place goes to someone else meanwhile, the member is put on the waiting list and told so, in one mail."""
    event = EventFactory(capacity=1)
    late, quick = UserFactory.create_batch(2)
    prepare = services.emails.registration_mail

    def quick_takes_the_place(**kwargs):
        if kwargs["user"] == late and not Registration.objects.exists():
            services.registration_create(user=quick, event=event)
        return prepare(**kwargs)

    monkeypatch.setattr(services.emails, "registration_mail", quick_takes_the_place)
    registration = services.registration_create(user=late, event=event)
    task_worker()
    assert registration.status == "waitlisted"
    assert dict(Registration.objects.values_list("user__email", "status")) == {
        quick.email: "confirmed",
        late.email: "waitlisted",
    }
    to_late = [message for message in mail.outbox if message.to == [late.email]]
    assert len(to_late) == 1
    assert "waiting list" in to_late[0].subject and "waiting list" in to_late[0].body
    assert "is confirmed" not in to_late[0].body


def test_a_place_freed_after_the_event_filled_gives_the_confirmation_mail(task_worker):
    """Once an item is full the next member's mail is prepared for the waiting list; when a place has been
    freed meanwhile (and nobody waits for it) the member gets the place and the confirmation, in one mail."""
    event = EventFactory(capacity=1)
    first, waiting, newcomer = UserFactory.create_batch(3)
    held = services.registration_create(user=first, event=event)
    on_the_list = services.registration_create(user=waiting, event=event)
    assert on_the_list.status == "waitlisted"
    services.registration_cancel(registration=on_the_list)
    services.registration_cancel(registration=held)
    task_worker()
    mail.outbox.clear()

    registration = services.registration_create(user=newcomer, event=event)
    task_worker()
    assert registration.status == "confirmed"
    assert [message.to for message in mail.outbox] == [[newcomer.email]]
    assert "is confirmed" in mail.outbox[0].body and "waiting list" not in mail.outbox[0].subject
