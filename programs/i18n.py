"""Which language a translated content field is actually shown in."""

from django.conf import settings
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname


def shown_language(obj, field: str, language: str | None = None) -> str | None:
    """The language whose text ``obj.<field>`` shows: the visitor's, or the first fallback with text."""
    language = language or get_language()
    for code in (language, *settings.CONTENT_FALLBACK_ORDER):
        if getattr(obj, build_localized_fieldname(field, code), None):
            return code
    return None


def missing_languages(obj, field: str) -> list[str]:
    """The languages in which ``obj.<field>`` has no text yet."""
    return [
        code
        for code, _name in settings.LANGUAGES
        if not getattr(obj, build_localized_fieldname(field, code), None)
    ]


def in_every_language(lookup: str) -> list[str]:
    """A translated field and its column in each language, for ``only()``, across relations too:
    ``in_every_language("program__title")`` gives ``program__title``, ``program__title_ko`` ... (querysets of
    models without translations leave such names as they are)."""
    prefix, _, field = lookup.rpartition("__")
    prefix = f"{prefix}__" if prefix else ""
    return [
        lookup,
        *(f"{prefix}{build_localized_fieldname(field, code)}" for code, _name in settings.LANGUAGES),
    ]
