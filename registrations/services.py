"""Every change to registrations: made by members on the site and by staff in the admin.

Capacity holds under concurrent requests because every change that can take or free a place first locks the
program's or event's row (``select_for_update()`` inside ``transaction.atomic()``), then counts the confirmed
registrations, then writes. On SQLite, where ``select_for_update()`` does nothing, the database is opened with
``"transaction_mode": "IMMEDIATE"``: each transaction takes the write lock when it begins, which serialises
registrations just the same. Every registration for one program or event waits for that lock, so what needs
no lock (the duplicate check, rendering and queuing the mail) is done before it is taken.
"""

from collections.abc import Callable
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.services import Action, access_record
from busan_exchange.queries import Prepared
from events.models import Event
from outbox.services import mail_enqueue, mail_rewrite
from programs.models import Program, Status

from . import emails, selectors
from .exceptions import RegistrationError
from .models import Registration

# Called between counting the confirmed registrations and writing, when set. Only tests set it, to widen
# the window in which unlocked concurrent requests could overbook.
_after_count_hook: Callable[[], None] | None = None


# What a change of registrations reads of the locked program or event: its window, status and capacity
# (the texts, in three languages, are read again only to render a mail).
_LOCKED_FIELDS = {
    Program: ("status", "capacity", "opens_at", "closes_at"),
    Event: ("status", "capacity", "starts_at", "registration_opens_at", "registration_closes_at"),
}


def _locking_query(model: type[Program | Event], *, lock: bool) -> Prepared:
    def build(item):
        queryset = model.objects.only(*_LOCKED_FIELDS[model]).order_by().filter(pk=item)
        return queryset.select_for_update() if lock else queryset

    return Prepared(build, "item")


# Taken at every registration and withdrawal, so built once (see ``busan_exchange.queries``), inside the
# first transaction that takes it.
_LOCKING = {
    (model, lock): _locking_query(model, lock=lock) for model in _LOCKED_FIELDS for lock in (True, False)
}


def _lock_target(target: Program | Event, *, lock: bool = True) -> Program | Event:
    """``target`` re-read from the database, its row locked until the transaction ends."""
    model = type(target)
    found = _LOCKING[model, lock].objects(item=target.pk)
    if not found:
        raise model.DoesNotExist(f"{model._meta.object_name} matching query does not exist.")
    return found[0]


def _check_open(target: Program | Event, *, now: datetime) -> None:
    if target.status != Status.PUBLISHED:
        raise RegistrationError("unavailable")
    state = selectors.window_state(target, now=now)
    if state == selectors.NOT_YET_OPEN:
        raise RegistrationError("not_open")
    if state == selectors.CLOSED:
        raise RegistrationError("closed")


def _status_from_places(places: int | None) -> str:
    """Confirmed while places are left (or without a limit), otherwise the waiting list."""
    if places is None or places > 0:
        return Registration.Status.CONFIRMED
    return Registration.Status.WAITLISTED


def _status_for_newcomer(places: int | None) -> str:
    if _after_count_hook is not None:
        _after_count_hook()
    return _status_from_places(places)


def _mail_kind(status: str) -> str:
    return "confirmed" if status == Registration.Status.CONFIRMED else "waitlisted"


# The kind of mail the last registration for each program or event got in this process: the likely kind
# for the next one (a popular event fills up once, then every newcomer waits). Only a guess, so it is
# never shared and simply forgotten when it grows.
_likely_kind: dict[tuple[str, int], str] = {}
_LIKELY_KIND_ITEMS = 1000


def _item_key(item: Program | Event) -> tuple[str, int]:
    return item._meta.label, item.pk


def _remember_kind(item: Program | Event, kind: str) -> None:
    if len(_likely_kind) >= _LIKELY_KIND_ITEMS:
        _likely_kind.clear()
    _likely_kind[_item_key(item)] = kind


def _notify(registration: Registration, kind: str) -> None:
    # In the registration's own transaction: the mail is queued if and only if the change is committed.
    emails.registration_mail_send(registration_id=registration.pk, kind=kind)


def _record(registration: Registration, note: str, *, action: str = Action.CHANGE) -> None:
    # In the same transaction too: the access record holds what was committed, by whom.
    access_record(action=action, model=Registration, ids=[registration.pk], summary=note)


def registration_create(
    *,
    user,
    program: Program | None = None,
    event: Event | None = None,
    message: str = "",
    now: datetime | None = None,
    _lock: bool = True,
) -> Registration:
    """Register ``user``'s interest in ``program`` or registration for ``event`` (exactly one of them).

    Refused with ``RegistrationError`` when the item is not published, its window is not open, or the
    member already has a registration for it that is not withdrawn. A withdrawn registration is taken up
    again (same row, so one row per member and item stays true) and joins the end of the queue.
    The member gets a place if one is left, otherwise a place on the waiting list, and is told by email.

    ``_lock=False`` exists only for the test that shows the race the lock prevents.
    """
    if (program is None) == (event is None):
        raise ValueError("Register for exactly one of program or event.")
    now = now or timezone.now()
    item = program or event
    where = selectors.target_filter(item)
    # Everything that needs no lock comes first, so that the lock on the program or event (which every
    # registration for it waits for) is held only while the places are counted and the registration written.
    _check_open(item, now=now)
    registration = selectors.registration_of_member(user=user, target=item)
    if registration is not None and registration.status != Registration.Status.CANCELLED:
        raise RegistrationError("duplicate")
    # The mail, for the status the member will most likely get (the one the last registration for the item
    # got in this process), rendered and queued before the lock; a wrong guess is rewritten under it.
    likely = _likely_kind.get(_item_key(item), "confirmed")
    try:
        with transaction.atomic():
            queued = mail_enqueue(message=emails.registration_mail(user=user, target=item, kind=likely))
            target = _lock_target(item, lock=_lock)
            _check_open(target, now=now)
            if registration is not None:
                # Taken up again: the same member withdrawing or registering at the same moment waits here.
                registration = Registration.objects.select_for_update().get(pk=registration.pk)
                if registration.status != Registration.Status.CANCELLED:
                    raise RegistrationError("duplicate")
            # Members already waiting come first: places freed or added since are theirs.
            places, promoted = _fill_places(target, now=now)
            status = _status_for_newcomer(None if places is None else places - len(promoted))
            if registration is None:
                registration = Registration.objects.create(user=user, status=status, message=message, **where)
                _record(registration, f"status: {status}", action=Action.CREATE)
            else:
                registration.status = status
                registration.message = message
                # The queue is ordered by created_at: taking a withdrawn registration up again puts it last.
                registration.created_at = now
                registration.save(update_fields=["status", "message", "created_at", "updated_at"])
                _record(registration, f"status: cancelled -> {status} (registered again)")
            if _mail_kind(status) != likely:
                mail = emails.registration_mail(user=user, target=item, kind=_mail_kind(status))
                mail_rewrite(mail=queued, message=mail)
    except IntegrityError as error:
        # Two requests of the same member at once: the unique constraint lets only one through.
        raise RegistrationError("duplicate") from error
    _remember_kind(item, _mail_kind(status))
    return registration


def _fill_places(target: Program | Event, *, now: datetime) -> tuple[int | None, list[Registration]]:
    """Promote the first members on the waiting list into the places left and tell them; ``target`` is
    locked. Returns the places that were left (``None``: no limit), counted under the lock with the members
    waiting, and the members promoted. The waiting list is read only when somebody is on it.

    Nobody is promoted once an event has started.
    """
    places, waiting = selectors.places_and_waiting(target)
    promoted = []
    if places == 0 or waiting == 0 or (isinstance(target, Event) and now >= target.starts_at):
        return places, promoted
    queue = (
        Registration.objects.waitlisted()
        .filter(**selectors.target_filter(target))
        .order_by("created_at", "pk")
    )
    for registration in queue if places is None else queue[:places]:
        registration.status = Registration.Status.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
        _record(registration, "status: waitlisted -> confirmed (from the waiting list)")
        _notify(registration, "promoted")
        promoted.append(registration)
    return places, promoted


def registration_cancel(
    *, registration: Registration, now: datetime | None = None, notify: bool = True
) -> Registration:
    """Withdraw a registration (the member, or staff for them) and tell the member by email unless
    ``notify`` is off. A place it held passes to the first member on the waiting list."""
    now = now or timezone.now()
    with transaction.atomic():
        target = _lock_target(registration.target)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status == Registration.Status.CANCELLED:
            raise RegistrationError("already_cancelled")
        held_place = registration.status == Registration.Status.CONFIRMED
        _record(registration, f"status: {registration.status} -> cancelled")
        registration.status = Registration.Status.CANCELLED
        registration.save(update_fields=["status", "updated_at"])
        if notify:
            _notify(registration, "cancelled")
        if held_place:
            _fill_places(target, now=now)
    return registration


def registration_confirm(*, registration: Registration, force: bool = False) -> Registration:
    """Staff: give a pending or waitlisted registration a place; ``force`` allows it beyond the capacity."""
    with transaction.atomic():
        target = _lock_target(registration.target)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in (Registration.Status.PENDING, Registration.Status.WAITLISTED):
            raise RegistrationError("invalid_status")
        if not force and selectors.places_left(target) == 0:
            raise RegistrationError("full")
        was_waitlisted = registration.status == Registration.Status.WAITLISTED
        _record(registration, f"status: {registration.status} -> confirmed" + (" (beyond capacity)" * force))
        registration.status = Registration.Status.CONFIRMED
        registration.save(update_fields=["status", "updated_at"])
        _notify(registration, "promoted" if was_waitlisted else "confirmed")
    return registration


def registration_waitlist(*, registration: Registration) -> Registration:
    """Staff: put a pending or confirmed registration on the waiting list (at its end) and tell the member.

    A place freed this way is not filled automatically: staff decide who gets it.
    """
    with transaction.atomic():
        _lock_target(registration.target)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in (Registration.Status.PENDING, Registration.Status.CONFIRMED):
            raise RegistrationError("invalid_status")
        _record(registration, f"status: {registration.status} -> waitlisted")
        registration.status = Registration.Status.WAITLISTED
        registration.created_at = timezone.now()
        registration.save(update_fields=["status", "created_at", "updated_at"])
        _notify(registration, "waitlisted")
    return registration


def registrations_fill_places(*, target: Program | Event) -> list[Registration]:
    """Staff: after raising the capacity, promote members from the waiting list into the new places."""
    with transaction.atomic():
        target = _lock_target(target)
        _places, promoted = _fill_places(target, now=timezone.now())
        return promoted


def registrations_release_for_deleted_member(*, user) -> None:
    """Before a member's account is deleted: withdraw what is still to come, and strip their messages.

    Registrations for events that have not started and programs still taking applications are withdrawn
    (their places go to the waiting list); the others keep their status for statistics.
    """
    now = timezone.now()
    for registration in Registration.objects.active().filter(user=user).select_related("program", "event"):
        target = registration.target
        if isinstance(target, Event):
            to_come = target.starts_at > now
        else:
            to_come = target.closes_at is None or target.closes_at > now
        if to_come:
            # No mail: the account and its mail go in the same transaction.
            registration_cancel(registration=registration, now=now, notify=False)
    with_message = Registration.objects.filter(user=user).exclude(message="")
    erased = list(with_message.values_list("pk", flat=True))
    if erased:
        with_message.update(message="")
        access_record(
            action=Action.CHANGE, model=Registration, ids=erased, summary="message erased (account deleted)"
        )
