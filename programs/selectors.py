"""Reads of published content that span models. Each returns a bounded number of queries."""

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from .models import Category, City, Program


def published_programs() -> QuerySet[Program]:
    """Published programs whose category is published too: what the public may see."""
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
    return get_object_or_404(Category.objects.published(), slug=slug)


def category_programs(*, category: Category) -> QuerySet[Program]:
    """The published programs of ``category``, each with its published partner cities."""
    return (
        Program.objects.published()
        .filter(category=category)
        .prefetch_related(Prefetch("cities", queryset=City.objects.published()))
    )


def program_get(*, slug: str) -> Program:
    """A published program (in a published category) with its category."""
    return get_object_or_404(published_programs().select_related("category"), slug=slug)


def city_list() -> QuerySet[City]:
    return City.objects.published()


def city_get(*, slug: str) -> City:
    return get_object_or_404(City.objects.published(), slug=slug)
