"""Reads about registrations: registration windows, places left and a member's own registrations."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.utils import timezone

from busan_exchange.queries import Prepared
from events.models import Event
from programs.i18n import in_every_language
from programs.models import Program

from .models import Registration

OPEN = "open"
NOT_YET_OPEN = "not_yet_open"
CLOSED = "closed"

Target = Program | Event


def target_filter(target: Target) -> dict:
    """The keyword that selects registrations for ``target``: ``{"event": ...}`` or ``{"program": ...}``."""
    return {"event": target} if isinstance(target, Event) else {"program": target}


def _target_key(target: Target) -> str:
    return "event_id" if isinstance(target, Event) else "program_id"


def registration_window(target: Target) -> tuple[datetime | None, datetime | None]:
    """When registration for ``target`` opens and closes; ``None`` means no bound on that side.

    - A program takes applications from ``opens_at`` to ``closes_at``; with neither set it is always open.
    - An event takes registrations from ``registration_opens_at`` (or as soon as it is published) until
      ``registration_closes_at`` or the start of the event, whichever comes first: an event that has started
      is closed, and with no window set registration stays open until the event starts.
    """
    if isinstance(target, Event):
        closes_at = target.starts_at
        if target.registration_closes_at and target.registration_closes_at < closes_at:
            closes_at = target.registration_closes_at
        return target.registration_opens_at, closes_at
    return target.opens_at, target.closes_at


def window_state(target: Target, *, now: datetime | None = None) -> str:
    """``OPEN``, ``NOT_YET_OPEN`` or ``CLOSED`` at ``now``; the closing moment itself is closed."""
    now = now or timezone.now()
    opens_at, closes_at = registration_window(target)
    if opens_at and now < opens_at:
        return NOT_YET_OPEN
    if closes_at and now >= closes_at:
        return CLOSED
    return OPEN


def confirmed_count(target: Target) -> int:
    return Registration.objects.confirmed().filter(**target_filter(target)).count()


CONFIRMED, WAITLISTED = Registration.Status.CONFIRMED, Registration.Status.WAITLISTED


def _places_and_waiting_query(key: str) -> Prepared:
    def build(item):
        return (
            Registration.objects.filter(**{key: item}, status__in=(CONFIRMED, WAITLISTED))
            .order_by()
            .values_list("status")
            .annotate(Count("pk"))
        )

    return Prepared(build, "item")


# Counted under the lock at every registration, so built once (see ``busan_exchange.queries``).
_PLACES_AND_WAITING = {key: _places_and_waiting_query(key) for key in ("event_id", "program_id")}


def places_and_waiting(target: Target) -> tuple[int | None, int]:
    """Places still free (``None``: no limit) and how many members wait for one, counted in one query."""
    counts = dict(_PLACES_AND_WAITING[_target_key(target)].rows(item=target.pk))
    return places_left(target, confirmed=counts.get(CONFIRMED, 0)), counts.get(WAITLISTED, 0)


def places_left(target: Target, *, confirmed: int | None = None) -> int | None:
    """Places still free, or ``None`` when there is no limit."""
    if target.capacity is None:
        return None
    if confirmed is None:
        confirmed = confirmed_count(target)
    return max(target.capacity - confirmed, 0)


def waitlist_position(registration: Registration) -> int:
    """1 for the first member on the waiting list, 2 for the next ..."""
    target = registration.target
    return (
        Registration.objects.waitlisted()
        .filter(**target_filter(target))
        .filter(created_at__lte=registration.created_at)
        .exclude(created_at=registration.created_at, pk__gt=registration.pk)
        .count()
    )


def _member_registrations_build(member):
    return (
        Registration.objects.filter(user_id=member)
        .select_related("program", "event")
        .only(
            *(f.name for f in Registration._meta.concrete_fields),
            "program__slug",
            *in_every_language("program__title"),
            "event__slug",
            *in_every_language("event__title"),
        )
        .order_by("-created_at", "-pk")
    )


# Read at every visit of a member's own page, so built once (see ``busan_exchange.queries``).
_member_registrations = Prepared(_member_registrations_build, "member")


def member_registrations(*, user) -> list[Registration]:
    """The member's registrations and interest, newest first, with the address and title of their program
    or event (in every language: the title falls back as the site's do), and nothing else of them."""
    return _member_registrations.objects(member=user.pk)


def registrations_shown(registrations: list[Registration]) -> tuple:
    """What the list on a member's page shows of ``registrations`` themselves (``member_registrations``):
    the number, the program or event, the status, the date and the message of each. The list is kept
    rendered under these; everything else it shows is public content."""
    return tuple((r.pk, r.program_id, r.event_id, r.status, r.created_at, r.message) for r in registrations)


def registration_get_for_member(*, user, pk: int) -> Registration:
    """One of the member's own registrations; anybody else's is a 404."""
    return get_object_or_404(Registration.objects.select_related("program", "event"), pk=pk, user=user)


def _registration_of_member_query(key: str) -> Prepared:
    def build(member, item):
        # At most one row (one registration per member and item): no ordering.
        return Registration.objects.filter(user_id=member, **{key: item}).order_by()[:1]

    return Prepared(build, "member", "item")


# Run on every program or event page a member opens and at every registration, so built once (see
# ``busan_exchange.queries``).
_REGISTRATION_OF_MEMBER = {key: _registration_of_member_query(key) for key in ("event_id", "program_id")}


def registration_of_member(*, user, target: Target) -> Registration | None:
    """The member's registration for ``target`` (withdrawn ones included), if any."""
    if not user.is_authenticated:
        return None
    query = _REGISTRATION_OF_MEMBER[_target_key(target)]
    found = query.objects(member=user.pk, item=target.pk)
    return found[0] if found else None


@dataclass
class RegistrationBox:
    """What the registration box next to a program or event shows."""

    target: Target
    is_event: bool
    window: str
    opens_at: datetime | None
    closes_at: datetime | None
    capacity: int | None
    places_left: int | None
    registration: Registration | None = None
    waitlist_position: int | None = None
    # Filled in by the template tag: where the form posts, and the form itself for a member who may register.
    action_url: str = ""
    form: object | None = None

    @property
    def full(self) -> bool:
        return self.places_left == 0

    @property
    def is_open(self) -> bool:
        return self.window == OPEN

    @property
    def not_yet_open(self) -> bool:
        return self.window == NOT_YET_OPEN

    @property
    def active_registration(self) -> Registration | None:
        if self.registration and self.registration.status != Registration.Status.CANCELLED:
            return self.registration
        return None


def registration_box(*, user, target: Target, now: datetime | None = None) -> RegistrationBox:
    """The state of registration for ``target``; the member's own registration only for a logged-in member."""
    opens_at, closes_at = registration_window(target)
    box = RegistrationBox(
        target=target,
        is_event=isinstance(target, Event),
        window=window_state(target, now=now),
        opens_at=opens_at,
        closes_at=closes_at,
        capacity=target.capacity,
        places_left=places_left(target),
    )
    if user is not None and user.is_authenticated:
        box.registration = registration_of_member(user=user, target=target)
        if box.registration and box.registration.status == Registration.Status.WAITLISTED:
            box.waitlist_position = waitlist_position(box.registration)
    return box


def member_data(*, user) -> list[dict]:
    """The member's registrations and interest, as the data download shows them."""

    def when(value):
        # In Korean time, as the site shows it.
        return timezone.localtime(value).isoformat() if value else None

    return [
        {
            "type": "program" if registration.program_id else "event",
            "slug": registration.target.slug,
            "title": registration.target.title,
            "status": registration.status,
            "message": registration.message,
            "registered_at": when(registration.created_at),
            "updated_at": when(registration.updated_at),
        }
        for registration in member_registrations(user=user)
    ]
