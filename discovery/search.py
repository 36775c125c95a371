"""Site search over published programs, events and cities, in any of the site's three languages.

A visitor may type a name in whichever language they know it in (``/en/search/?q=청소년`` finds the youth
exchanges); the results are shown in the visitor's language (or its fallback, English then Korean, when that
text is not written yet). Items whose title matches in the text the visitor reads come first, then those whose
title matches in another language, then the rest. Where the match is only in another language, the excerpt
shows where, marked with that language.

Matching is a case-insensitive substring match on every database: Korean and Chinese are written
without spaces between many words, so word-based full-text search (and trigrams, for one- and
two-character queries) would miss what a substring match finds ("青少年" in "青少年交流项目"). A query
of several words finds items containing all of them, each in any language.
"""

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Case, F, Model, Q, QuerySet, TextField, Value, When
from django.db.models.functions import Coalesce, NullIf
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from . import selectors

MAX_QUERY_LENGTH = 100
MAX_TERMS = 8
PAGE_SIZE = 20
MAX_MATCHES = 1000  # per kind; far more than a visitor pages through
EXCERPT_LENGTH = 180
_WORD_SLACK = 20  # how far an excerpt's edge may move to fall between two words

# Spaces and the punctuation people type between words in the three languages.
_WORD_SEPARATORS = re.compile(r"[\s,，、。;；·]+")


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    fields: tuple[str, ...]  # searched fields; the first is the item's title
    queryset: Callable[[], QuerySet]


KINDS = (
    Kind(
        "program",
        _("Programs"),
        ("title", "summary", "detail", "activities", "eligibility"),
        selectors.published_programs,
    ),
    Kind("event", _("Events"), ("title", "summary", "body", "venue"), selectors.published_events),
    Kind("city", _("Cities"), ("name", "country", "description"), selectors.published_cities),
)


# Said before an excerpt in another language, where the words were found.
FOUND_IN = {
    "ko": _("Found in the Korean text:"),
    "en": _("Found in the English text:"),
    "zh-hans": _("Found in the Chinese text:"),
}


@dataclass
class Hit:
    kind: str
    obj: Model
    title: SafeString
    title_field: str
    snippet: SafeString
    snippet_field: str
    # Set when the words were found only in another language's text: that language, and its excerpt.
    found_in: str | None = None
    found_snippet: SafeString | None = None

    @property
    def found_label(self) -> str:
        return FOUND_IN.get(self.found_in, "")


@dataclass
class Group:
    kind: str
    label: str
    count: int
    hits: list[Hit] = field(default_factory=list)


@dataclass
class SearchResults:
    query: str
    terms: list[str]
    total: int = 0
    page: Page | None = None
    groups: list[Group] = field(default_factory=list)


_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def query_language(query: str, page_language: str) -> str | None:
    """The language a query is written in, when its script says it is not the page's (a visitor may type
    in any of the three): screen readers then read the echoed query in that language."""
    if _HANGUL.search(query):
        language = "ko"
    elif _HAN.search(query):
        language = "zh-hans"
    elif _LATIN.search(query):
        language = "en"
    else:
        return None
    return None if language == page_language else language


def query_display(query: str, page_language: str) -> SafeString:
    """The query as the page repeats it, marked with its own language where it differs from the page's."""
    language = query_language(query, page_language)
    if language:
        return format_html('<span lang="{}">{}</span>', language, query)
    return format_html("{}", query)


def search_terms(query: str) -> list[str]:
    """The distinct words of a query (case-insensitively), at most ``MAX_TERMS``."""
    terms: list[str] = []
    seen: set[str] = set()
    for word in _WORD_SEPARATORS.split(query[:MAX_QUERY_LENGTH]):
        if word and word.casefold() not in seen:
            seen.add(word.casefold())
            terms.append(word)
    return terms[:MAX_TERMS]


def shown_text(field_name: str, language: str):
    """The text of a translated field as a visitor in ``language`` reads it: theirs, else the fallbacks'."""
    codes = dict.fromkeys((language, *settings.CONTENT_FALLBACK_ORDER))
    return Coalesce(
        *(NullIf(F(build_localized_fieldname(field_name, code)), Value("")) for code in codes),
        Value(""),
        output_field=TextField(),
    )


def _any_language(field_name: str) -> list[str]:
    return [build_localized_fieldname(field_name, code) for code, _name in settings.LANGUAGES]


def _matching(kind: Kind, terms: Sequence[str], language: str) -> QuerySet:
    """Items of one kind containing every term in some field, in any language; the visitor's own title
    matches first, then a title matching in another language."""
    title = kind.fields[0]
    queryset = kind.queryset().annotate(shown_title=shown_text(title, language))
    for term in terms:
        queryset = queryset.filter(
            Q.create(
                [(f"{column}__icontains", term) for name in kind.fields for column in _any_language(name)],
                connector=Q.OR,
            )
        )
    in_shown_title = Q.create([("shown_title__icontains", term) for term in terms])
    in_any_title = Q.create(
        [
            Q.create([(f"{c}__icontains", term) for c in _any_language(title)], connector=Q.OR)
            for term in terms
        ]
    )
    rank = Case(When(in_shown_title, then=Value(0)), When(in_any_title, then=Value(1)), default=Value(2))
    return queryset.annotate(title_rank=rank).order_by("title_rank", *queryset.model._meta.ordering)


def search_site(*, query: str, language: str, page: str | int | None = 1) -> SearchResults:
    """Published programs, events and cities matching ``query`` for a visitor reading ``language``.

    Runs a fixed number of queries: one per kind for the matching ids, one per kind present on the page.
    """
    terms = search_terms(query)
    results = SearchResults(query=query, terms=terms)
    if not terms:
        return results

    matches: list[tuple[str, int]] = []
    counts: dict[str, int] = {}
    for kind in KINDS:
        ids = list(_matching(kind, terms, language).values_list("pk", flat=True)[:MAX_MATCHES])
        counts[kind.key] = len(ids)
        matches.extend((kind.key, pk) for pk in ids)
    results.total = len(matches)
    if not matches:
        return results

    results.page = Paginator(matches, PAGE_SIZE).get_page(page)
    on_page = list(results.page.object_list)
    for kind in KINDS:
        ids = [pk for key, pk in on_page if key == kind.key]
        if not ids:
            continue
        queryset = kind.queryset().filter(pk__in=ids)
        if kind.key == "program":
            queryset = queryset.select_related("category")
        by_id = {obj.pk: obj for obj in queryset}
        group = Group(kind=kind.key, label=kind.label, count=counts[kind.key])
        group.hits = [_hit(kind, by_id[pk], terms, language) for pk in ids if pk in by_id]
        results.groups.append(group)
    return results


def _hit(kind: Kind, obj: Model, terms: Sequence[str], language: str) -> Hit:
    title_field, *text_fields = kind.fields
    pattern = _pattern(terms)
    shown = [name for name in kind.fields if pattern.search(getattr(obj, name) or "")]
    snippet_field = next(
        (name for name in text_fields if name in shown),
        next((name for name in text_fields if getattr(obj, name)), text_fields[0]),
    )
    hit = Hit(
        kind=kind.key,
        obj=obj,
        title=highlight(getattr(obj, title_field) or "", terms),
        title_field=title_field,
        snippet=excerpt(getattr(obj, snippet_field) or "", terms),
        snippet_field=snippet_field,
    )
    if not shown:
        # The words are in another language's text only: show where, in that language.
        for code in (c for c, _name in settings.LANGUAGES if c != language):
            for name in kind.fields:
                text = getattr(obj, build_localized_fieldname(name, code)) or ""
                if pattern.search(text):
                    hit.found_in, hit.found_snippet = code, excerpt(text, terms)
                    return hit
    return hit


def _pattern(terms: Sequence[str]) -> re.Pattern:
    # Longest first, so "청소년교류" wins over "청소년" where both match.
    alternatives = sorted((re.escape(term) for term in terms), key=len, reverse=True)
    return re.compile("|".join(alternatives) or r"(?!)", re.IGNORECASE)


def highlight(text: str, terms: Sequence[str]) -> SafeString:
    """``text`` HTML-escaped, with every occurrence of a term wrapped in ``<mark>``.

    The raw text is cut at the matches and every piece is escaped on its own, so nothing a visitor typed or
    staff wrote can add markup, and a term can never match inside an escape such as ``&lt;``.
    """
    pieces: list[tuple[str, str]] = []
    position = 0
    for match in _pattern(terms).finditer(text) if terms else ():
        pieces.append((text[position : match.start()], match.group()))
        position = match.end()
    return format_html("{}{}", format_html_join("", "{}<mark>{}</mark>", pieces), text[position:])


def excerpt(text: str, terms: Sequence[str], length: int = EXCERPT_LENGTH) -> SafeString:
    """A highlighted extract of ``text`` of about ``length`` characters around the first match."""
    text = " ".join(text.split())
    match = _pattern(terms).search(text) if terms else None
    start = max(0, match.start() - length // 3) if match else 0
    end = start + length
    # Cut between words where the text has spaces (Korean, English); Chinese may be cut anywhere.
    if start > 0:
        space = text.find(" ", start, match.start() if match else start + _WORD_SLACK)
        start = space + 1 if space != -1 and space - start <= _WORD_SLACK else start
    if end < len(text):
        space = text.rfind(" ", max(start, end - _WORD_SLACK), end)
        end = space if space != -1 else end
    return format_html(
        "{}{}{}",
        "…" if start > 0 else "",
        highlight(text[start:end], terms),
        "…" if end < len(text) else "",
    )
