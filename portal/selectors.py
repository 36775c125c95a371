"""Reads for the pages that bring several apps together: home, program and city pages, and a member's own
page."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from accounts import selectors as account_selectors
from accounts.models import User
from applications import selectors as application_selectors
from applications.models import Application
from busan_exchange.pagecache import public_value
from busan_exchange.queries import Prepared
from cooperation import selectors as cooperation_selectors
from cooperation.models import CooperationRequest
from events.models import Event
from events.selectors import past_events, upcoming_events
from homestays import selectors as homestay_selectors
from homestays.models import HostOffer
from programs.models import City, Program
from programs.selectors import category_list, city_get, city_list, program_get, published_programs
from registrations import selectors as registration_selectors
from registrations.models import Registration

# The home page shows the first programs of each category; the category page lists them all.
HOME_PROGRAMS_PER_CATEGORY = 8
# A program or city page shows its latest events (the event list has them all).
EVENTS_ON_PAGE = 12


def home_sections() -> dict:
    """What the home page lists: categories with their first programs, events to come and past, cities.

    Each is read only when the page's list is rendered, not when it is kept (busan_exchange.pagecache):
    even building the queries costs more than a kept list."""
    return {
        "categories": SimpleLazyObject(
            lambda: list(category_list(programs_per_category=HOME_PROGRAMS_PER_CATEGORY))
        ),
        "upcoming_events": SimpleLazyObject(lambda: list(upcoming_events(limit=3))),
        "recent_events": SimpleLazyObject(lambda: list(past_events(limit=4))),
        "cities": SimpleLazyObject(lambda: list(city_list())),
    }


def program_page(request, *, slug: str) -> Program:
    """A published program with its partner cities (``published_cities``), photos (``photos``), published
    events (``published_events``), upcoming first, and its calls for applications open or to come
    (``open_calls``; ``has_open_call`` when one takes applications now, which replaces registering
    interest). The program and its calls are kept with the page's public parts (``public_value``)."""

    def facts() -> Program:
        program = program_get(slug=slug)
        now = timezone.now()
        program.open_calls = application_selectors.program_calls(program=program, now=now)
        program.has_open_call = any(call.opens_at <= now for call in program.open_calls)
        return program

    program = public_value(request, "program", facts)
    # Read when the page's public part is rendered, not when it is kept (busan_exchange.pagecache).
    program.published_cities = SimpleLazyObject(lambda: list(program.cities.published()))
    program.photos = SimpleLazyObject(lambda: list(program.gallery.all()))
    program.published_events = SimpleLazyObject(
        lambda: list(Event.objects.published().filter(program=program)[:EVENTS_ON_PAGE])
    )
    return program


def city_page(request, *, slug: str) -> City:
    """A published city (kept with the page's public parts, ``public_value``) with the published events that
    involve it (``published_events``, the latest ``EVENTS_ON_PAGE``), read only when the page's public part
    is rendered, not when it is kept."""
    city = public_value(request, "city", lambda: city_get(slug=slug))
    city.published_events = SimpleLazyObject(
        lambda: list(Event.objects.published().filter(cities=city)[:EVENTS_ON_PAGE])
    )
    return city


def city_programs(*, city: City):
    """The published programs that involve ``city``, each with its category and partner cities."""
    return (
        published_programs()
        .filter(cities=city)
        .select_related("category")
        # The program cards list each program's partner cities.
        .prefetch_related(Prefetch("cities", queryset=City.objects.published()))
    )


def member_data(*, user) -> dict:
    """Everything the portal holds about the member, for them to download (and nobody else's)."""
    return {
        "exported_at": timezone.localtime().isoformat(),
        **account_selectors.member_data(user=user),
        "registrations": registration_selectors.member_data(user=user),
        **application_selectors.member_data(user=user),
        "homestay": homestay_selectors.member_data(user=user),
        "cooperation_requests": cooperation_selectors.member_data(user=user),
    }


@dataclass(frozen=True)
class MemberHas:
    """Which sections of their page a member has something in."""

    registrations: bool = False
    applications: bool = False
    host_offer: bool = False
    cooperation_requests: bool = False


def _member_has_build(member):
    mine = OuterRef("pk")
    return User.objects.filter(pk=member).values_list(
        Exists(Registration.objects.filter(user=mine)),
        Exists(Application.objects.filter(account=mine)),
        Exists(HostOffer.objects.filter(user=mine)),
        Exists(CooperationRequest.objects.filter(user=mine)),
    )


# On every visit of a member's own page: one query says which sections to read (most members have
# registrations and nothing else), built once per process.
_member_has = Prepared(_member_has_build, "member")


def member_has(*, user) -> MemberHas:
    """Whether the member has registrations, applications, a host offer and cooperation requests."""
    rows = _member_has.rows(member=user.pk)
    return MemberHas(*map(bool, rows[0])) if rows else MemberHas()
