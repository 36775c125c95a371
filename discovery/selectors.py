"""Published content as search, calendars, the feed and the open data show it.

Each read runs a fixed number of queries, whatever the amount of content.
"""

from django.db.models import Prefetch, QuerySet

from events.models import Event
from programs.models import Category, City, Program, Status


def published_categories() -> QuerySet[Category]:
    return Category.objects.published()


def published_programs() -> QuerySet[Program]:
    """Published programs in published categories."""
    return Program.objects.published().filter(category__status=Status.PUBLISHED)


def published_events() -> QuerySet[Event]:
    return Event.objects.published()


def published_cities() -> QuerySet[City]:
    return City.objects.published()


def calendar_events(*, limit: int = 500) -> QuerySet[Event]:
    """Published events not yet over, soonest first: what a subscribed calendar holds."""
    return published_events().upcoming().order_by("starts_at", "order", "pk")[:limit]


def latest_items(*, limit: int = 20) -> list[Program | Event]:
    """The most recently added published programs and events, newest first (two queries)."""
    programs = published_programs().order_by("-created_at", "-pk")[:limit]
    events = published_events().order_by("-created_at", "-pk")[:limit]
    return sorted([*programs, *events], key=lambda item: item.created_at, reverse=True)[:limit]


def open_data_programs() -> QuerySet[Program]:
    """Published programs with their category and published partner cities."""
    return (
        published_programs()
        .select_related("category")
        .prefetch_related(Prefetch("cities", queryset=published_cities(), to_attr="published_cities"))
    )


def open_data_events() -> QuerySet[Event]:
    """Published events with their program (and its category) and published cities."""
    return (
        published_events()
        .select_related("program__category")
        .prefetch_related(Prefetch("cities", queryset=published_cities(), to_attr="published_cities"))
    )


def public_program(event: Event) -> Program | None:
    """The event's program if the public may see it (published, in a published category)."""
    program = event.program
    if program and program.status == Status.PUBLISHED and program.category.status == Status.PUBLISHED:
        return program
    return None
