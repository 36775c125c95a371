"""Reads of published content that span models. Each returns a bounded number of queries."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from events.models import Event

from .models import Category, City, Program


def _published_programs() -> QuerySet[Program]:
    return Program.objects.published().filter(category__status="published")


def category_list(*, programs_per_category: int | None = None) -> QuerySet[Category]:
    """Published categories, each with its published programs (and their partner cities) prefetched.

    ``programs_per_category`` keeps only the first few programs of each category (one windowed query).
    """
    programs = Program.objects.published().prefetch_related(
        Prefetch("cities", queryset=City.objects.published())
    )
    if programs_per_category:
        programs = programs[:programs_per_category]
    return Category.objects.published().prefetch_related(
        Prefetch("programs", queryset=programs, to_attr="published_programs")
    )


def category_get(*, slug: str) -> Category:
    return get_object_or_404(category_list(), slug=slug)


def program_get(*, slug: str) -> Program:
    """A published program with its category, partner cities and published events."""
    return get_object_or_404(
        _published_programs()
        .select_related("category")
        .prefetch_related(
            Prefetch("cities", queryset=City.objects.published(), to_attr="published_cities"),
            Prefetch("events", queryset=Event.objects.published(), to_attr="published_events"),
        ),
        slug=slug,
    )


def city_list() -> QuerySet[City]:
    return City.objects.published()


def city_get(*, slug: str) -> City:
    """A published city with the published programs and events that involve it."""
    return get_object_or_404(
        City.objects.published().prefetch_related(
            Prefetch(
                "programs",
                # The program cards list each program's partner cities.
                queryset=_published_programs()
                .select_related("category")
                .prefetch_related(Prefetch("cities", queryset=City.objects.published())),
                to_attr="published_programs",
            ),
            Prefetch("events", queryset=Event.objects.published(), to_attr="published_events"),
        ),
        slug=slug,
    )
