"""Reads of published events."""

from itertools import groupby

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from programs.models import City, Program

from .models import Event


def _with_cities(queryset: QuerySet[Event]) -> QuerySet[Event]:
    return queryset.prefetch_related(
        Prefetch("cities", queryset=City.objects.published(), to_attr="published_cities")
    )


def upcoming_events(*, limit: int | None = None) -> QuerySet[Event]:
    """Published events not yet over, soonest first."""
    queryset = Event.objects.published().upcoming().order_by("starts_at", "order", "pk")
    return queryset[:limit] if limit else queryset


def past_events(*, limit: int | None = None) -> QuerySet[Event]:
    """Published events that are over, most recent first."""
    queryset = Event.objects.published().past().order_by("-starts_at", "order", "pk")
    return queryset[:limit] if limit else queryset


def by_year(events) -> list[tuple[int, list[Event]]]:
    """``events`` (most recent first) grouped by the year they started in (local time), newest year first."""
    tz = timezone.get_current_timezone()
    return [
        (year, list(items))
        for year, items in groupby(events, key=lambda event: event.starts_at.astimezone(tz).year)
    ]


def event_get(*, slug: str) -> Event:
    """A published event."""
    return get_object_or_404(Event.objects.published(), slug=slug)


def event_page(event: Event) -> Event:
    """``event`` with its published cities (``published_cities``) and its program (``public_program``),
    read only when the page's facts are rendered, not when they are kept (busan_exchange.pagecache)."""
    event.published_cities = SimpleLazyObject(lambda: list(event.cities.published()))
    event.public_program = SimpleLazyObject(lambda: event_program(event))
    return event


def event_program(event: Event) -> Program | None:
    """The event's program, if the public may see it."""
    if event.program_id is None:
        return None
    program = Program.objects.select_related("category").get(pk=event.program_id)
    if program and program.status == "published" and program.category.status == "published":
        return program
    return None
