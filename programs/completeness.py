"""Which translated texts are missing, so staff can see what visitors would read in a fallback language.

A language is missing for an item when one of the counted fields has text in some language but not in that
one. A field left empty in every language is not a missing translation: there is nothing to translate.
"""

import operator
from collections.abc import Iterable
from functools import reduce

from django.conf import settings
from django.db.models import Count, Q, QuerySet
from modeltranslation.utils import build_localized_fieldname

from .i18n import missing_languages


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def translation_status(obj, fields: Iterable[str]) -> dict[str, bool]:
    """``{"ko": True, "en": True, "zh-hans": False}``: whether each language has all counted texts.

    Computed from the loaded object only, so a list of items costs no extra query.
    """
    codes = language_codes()
    complete = dict.fromkeys(codes, True)
    for field in fields:
        missing = missing_languages(obj, field)
        if len(missing) == len(codes):
            continue
        for code in missing:
            complete[code] = False
    return complete


def _has_text(field: str, code: str) -> Q:
    # ``> ''`` is false for both NULL and the empty string, on SQLite and PostgreSQL alike.
    return Q(**{f"{build_localized_fieldname(field, code)}__gt": ""})


def missing_translation_q(fields: Iterable[str], code: str) -> Q:
    """The items lacking ``code``'s text in a counted field that another language has text for."""
    others = [other for other in language_codes() if other != code]
    return reduce(
        operator.or_,
        (
            ~_has_text(field, code) & reduce(operator.or_, [_has_text(field, o) for o in others])
            for field in fields
        ),
    )


def missing_translation_counts(queryset: QuerySet, fields: Iterable[str]) -> dict[str, int]:
    """How many items of ``queryset`` lack each language, in one query: ``{"ko": 0, "en": 2, ...}``."""
    fields = tuple(fields)
    codes = language_codes()
    counts = queryset.aggregate(
        **{f"missing_{i}": Count("pk", filter=missing_translation_q(fields, c)) for i, c in enumerate(codes)}
    )
    return {code: counts[f"missing_{i}"] for i, code in enumerate(codes)}
