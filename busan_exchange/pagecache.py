"""A shared cache of the pages anonymous visitors see, emptied the moment staff change content.

A cached page is stored in the ``pages`` cache under its absolute URL (so host, language prefix and query
all count), the visitor's language and text size, together with the content *generation* it was rendered
from. Any change to public content (see ``PAGE_CACHE_MODELS``) or any change staff save through the admin
replaces the generation, and a page whose generation is not the current one is rendered afresh. Reading the
generation and the page is one round trip to the cache.

The middleware sits right after the security headers, before sessions, so a page served from the cache
costs no session, user or template work. Only visitors without a session or messages cookie are answered
from the cache; a page is stored only when an anonymous GET answers 200, sets no cookie, carries no message
and holds no CSRF token, and only when the view set no caching headers of its own. Members always get their
own, uncached pages.

Browsers keep no page for a time of their own: every cached page carries an ``ETag`` and ``Cache-Control:
no-cache``, so a browser asks again each time and is answered "304 Not Modified" until the page changes. An
edit therefore shows to every visitor at once.

Parts of a page that are the same for every visitor of an address (the header, the footer, a list) are kept
rendered too, in each process's memory, under the same generation: ``{% public_part %}``
(``busan_exchange/templatetags/public_parts.py``), and so are the public rows a view reads outside those
parts (``public_value``: the program of a program page, the number of events to come). Members' pages
render, and read from the database, only what is their own.

What anonymous traffic can store is bounded: a page is kept only when asked for with the query parameters
it reads (``QUERY_PARAMETERS``: none for most pages) and sensible values, on the site's own host name, and
when it is not unusually large; anything else is rendered for that visitor alone. The cache itself has a
memory limit and evicts the least recently used pages (README, "Redis").
"""

import hashlib
import logging
import re
import uuid

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import cc_delim_re, get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from discovery.search import MAX_QUERY_LENGTH

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
_KEY_PREFIX = "pagecache:page:"
_PART_PREFIX = "pagecache:part:"
# The query parameters each page reads, by URL name; every other page reads none. A request with any other
# parameter (tracking tags, random noise) is not served from, nor stored in, the cache.
QUERY_PARAMETERS = {
    "discovery:search": ("q", "page"),
    "programs:category": ("page",),
    "programs:city": ("page",),
    "events:list": ("page",),
    "events:past": ("page",),
    "api:categories": ("page",),
    "api:programs": ("page",),
    "api:events": ("page",),
    "api:cities": ("page",),
}
# What a value may look like to be worth a cache entry.
_VALID_VALUE = {
    "page": re.compile(r"[1-9][0-9]{0,3}"),
    "q": re.compile(rf"[^\x00-\x1f\x7f]{{0,{MAX_QUERY_LENGTH}}}"),
}
# Larger responses are sent but not kept: no page of the site comes near it.
MAX_ENTRY_BYTES = 512 * 1024


def _cache():
    return caches["pages"]


# Request headers a cached page may vary on: Cookie (the only cookie pages read, the text size, is in the
# key; members and visitors with messages are never served from the cache) and Accept-Language (the active
# language is in the key).
_KEYED_VARY = {"cookie", "accept-language"}


def bump_generation() -> None:
    """Make every cached page stale at once, in every process that shares the cache."""
    try:
        _cache().set(GENERATION_KEY, uuid.uuid4().hex, None)
    except Exception:
        # An edit must not fail because the cache is away; cached pages expire within PAGE_CACHE_SECONDS.
        logger.exception("Could not empty the page cache")


def content_changed(sender=None, **kwargs) -> None:
    """Signal receiver for saves, deletes and relation changes of public content."""
    bump_generation()


def _current_generation(value) -> str:
    if value:
        return value
    # First request after a cache flush: agree on one generation among all processes.
    _cache().add(GENERATION_KEY, uuid.uuid4().hex, None)
    return _cache().get(GENERATION_KEY)


def request_generation(request) -> str | None:
    """The content generation this request renders from, read from the shared cache once per request;
    ``None`` when the cache is away (nothing is then kept)."""
    if not hasattr(request, "_page_generation"):
        try:
            request._page_generation = _current_generation(_cache().get(GENERATION_KEY))
        except Exception:
            logger.warning("Page cache unavailable", exc_info=True)
            request._page_generation = None
    return request._page_generation


def part_key(request, name: str) -> str | None:
    """Where the public part ``name`` of this request's page is kept, or ``None`` when it must be rendered
    for this request alone (parts switched off, an address with parameters the page does not read, the
    shared cache away)."""
    if not settings.PUBLIC_PART_SECONDS or not _keyable_memo(request):
        return None
    if not hasattr(request, "_part_address"):
        generation = request_generation(request)
        request._part_address = (
            None if generation is None else "\n".join((request.build_absolute_uri(), generation))
        )
    if request._part_address is None:
        return None
    parts = "\n".join((name, request._part_address, translation.get_language() or ""))
    return _PART_PREFIX + hashlib.sha256(parts.encode()).hexdigest()


_MISSING = object()


def public_value(request, name: str, compute):
    """``compute()``: a value read from public content alone (a program's row, how many events are to come),
    kept as public parts are, in this process's memory under the page's address, the language and the
    content generation, at most ``PUBLIC_PART_SECONDS``. A member's page then reads from the database only
    what is theirs. ``compute`` must not depend on the visitor; what it raises (``Http404``) is not kept."""
    key = part_key(request, f"value:{name}")
    if key is None:
        return compute()
    parts = caches["parts"]
    value = parts.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        parts.set(key, value, settings.PUBLIC_PART_SECONDS)
    return value


def _text_size(request) -> str:
    size = request.COOKIES.get(settings.TEXT_SIZE_COOKIE, "normal")
    return size if size in settings.TEXT_SIZES else "normal"


def _page_key(request, language: str) -> str:
    parts = "\n".join((request.build_absolute_uri(), language, _text_size(request)))
    return _KEY_PREFIX + hashlib.sha256(parts.encode()).hexdigest()


def _keyable_memo(request) -> bool:
    if not hasattr(request, "_page_keyable"):
        request._page_keyable = _keyable(request)
    return request._page_keyable


def _keyable(request) -> bool:
    """Whether this request's page may be kept for other visitors: the query parameters the page reads,
    each once and with a sensible value, on a host name without a port other than the configured one."""
    _domain, port = split_domain_port(request.get_host())
    if port and request.get_host() != settings.PORTAL_DOMAIN:
        return False
    if not request.GET:
        return True
    # Resolved in the address's own language: the language active in this thread is the previous request's.
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            allowed = QUERY_PARAMETERS.get(resolve(request.path_info).view_name, ())
    except Resolver404:
        return False
    for name, values in request.GET.lists():
        if name not in allowed or len(values) != 1 or not _VALID_VALUE[name].fullmatch(values[0]):
            return False
    return True


def _has_messages(request) -> bool:
    storage = getattr(request, "_messages", None)
    return storage is not None and len(get_messages(request)) > 0


def _carries_state(request) -> bool:
    """Whether the visitor may be logged in or have a message waiting: their page is not the shared one."""
    return settings.SESSION_COOKIE_NAME in request.COOKIES or CookieStorage.cookie_name in request.COOKIES


def _vary_is_keyed(response) -> bool:
    if not response.has_header("Vary"):
        return True
    return {v.strip().lower() for v in cc_delim_re.split(response["Vary"]) if v.strip()} <= _KEYED_VARY


def _allows_shared_cache(response) -> bool:
    """No caching instructions of its own, or ones that say any cache may keep it (calendars, open data)."""
    if not response.has_header("Cache-Control"):
        return True
    directives = {d.split("=")[0].strip().lower() for d in cc_delim_re.split(response["Cache-Control"])}
    return "public" in directives and not directives & {"private", "no-store", "no-cache"}


def _is_cacheable(request, response) -> bool:
    """Whether ``response`` is the same for every anonymous visitor with this key."""
    session = getattr(request, "session", None)
    storage = getattr(request, "_messages", None)
    return (
        response.status_code == 200
        and not response.streaming
        and len(response.content) <= MAX_ENTRY_BYTES
        and not response.cookies
        # A view that sets its own caching headers (feeds, calendars, open data with ETags) keeps them.
        and _allows_shared_cache(response)
        and not response.has_header("Content-Encoding")
        and _vary_is_keyed(response)
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
        and not (storage is not None and getattr(storage, "added_new", False))
        and b'name="csrfmiddlewaretoken"' not in response.content
    )


def _private(response):
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, private=True, no_store=True)
    return response


def _public(response):
    # A view that set its own shared-cache lifetime (calendars, open data) keeps it. Pages are revalidated
    # by browsers every time (no-cache with their ETag), unless a lifetime is configured.
    if not response.has_header("Cache-Control"):
        if settings.PAGE_CACHE_MAX_AGE:
            patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
        else:
            patch_cache_control(response, public=True, no_cache=True)
    return response


def _etag(content: bytes) -> str:
    digest = hashlib.blake2b(content, digest_size=16).hexdigest()
    return f'"{digest}"'


def _from_cache(request, status: int, headers: dict, content: bytes):
    response = HttpResponse(content, status=status, headers=headers)
    response["X-Page-Cache"] = "hit"
    return _conditional(request, response)


def _conditional(request, response):
    """ "304 Not Modified" to a client that already holds this version of the page."""
    conditional = get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
        response=response,
    )
    if conditional is not response and "Access-Control-Allow-Origin" in response:
        # Open data answers "304" to other sites' scripts too.
        conditional["Access-Control-Allow-Origin"] = response["Access-Control-Allow-Origin"]
    return conditional


class AnonymousPageCacheMiddleware:
    """Serve anonymous public pages from the shared cache. Place it right after the middleware that adds
    security headers (they stay per request) and before sessions, locale, CSRF and authentication (a page
    served from the cache needs none of them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            response = self.get_response(request)
            if request.method == "POST" and _is_staff_admin_change(request, response):
                # Bulk actions in the admin may update rows without model signals.
                bump_generation()
            return response

        if not settings.PAGE_CACHE_SECONDS or not _keyable_memo(request):
            return self._uncached(request)

        # The language the locale middleware will pick: the address's prefix, else the cookie or browser.
        key = _page_key(request, translation.get_language_from_request(request, check_path=True))
        try:
            found = _cache().get_many([GENERATION_KEY, key])
            generation = _current_generation(found.get(GENERATION_KEY))
        except Exception:
            # Without the cache the page is still there, only rendered (/health/ reports the cache).
            logger.warning("Page cache unavailable", exc_info=True)
            request._page_generation = None
            return self._uncached(request)
        request._page_generation = generation
        entry = found.get(key)
        if entry and entry[0] == generation and not _carries_state(request):
            _generation, status, headers, content = entry
            return _public(_from_cache(request, status, headers, content))

        response = self.get_response(request)
        if (
            request.method != "GET"
            or request.user.is_authenticated
            or _has_messages(request)
            or not _is_cacheable(request, response)
        ):
            return _private(response)
        if not response.has_header("ETag"):
            response["ETag"] = _etag(response.content)
        try:
            _cache().set(
                key,
                (generation, response.status_code, dict(response.headers), response.content),
                settings.PAGE_CACHE_SECONDS,
            )
        except Exception:
            logger.warning("Page cache unavailable", exc_info=True)
            return _private(response)
        response["X-Page-Cache"] = "miss"
        return _public(_conditional(request, response))

    def _uncached(self, request):
        response = self.get_response(request)
        return _private(response)


def _is_staff_admin_change(request, response) -> bool:
    match = request.resolver_match
    user = getattr(request, "user", None)
    return (
        match is not None
        and match.app_name == "admin"
        and user is not None
        and user.is_staff
        and response.status_code < 400
    )
