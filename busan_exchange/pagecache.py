"""A shared cache of the pages anonymous visitors see, emptied the moment staff change content.

A cached page is stored in the ``pages`` cache under its absolute URL (so host, language prefix and query
all count), the visitor's language and text size, together with the content *generation* it was rendered
from. Any change to public content (see ``PAGE_CACHE_MODELS``) or any change staff save through the admin
replaces the generation, and a page whose generation is not the current one is rendered afresh.

Each process knows the current generation without asking Redis on every request: every new generation is
published on a Redis channel that each process listens to (``_Listener``). The pages it served lately are
kept in its own memory too (``_LocalPages``, 32 MB at most), so that a page served from the cache usually
costs no round trip to Redis at all; Redis holds the pages every process shares.

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

import contextlib
import functools
import hashlib
import logging
import os
import re
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.signals import setting_changed
from django.dispatch import receiver
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


def _announce(generation: str) -> None:
    """Tell every process listening (``_Listener``) that ``generation`` is the current one."""
    if hasattr(_cache(), "publish"):
        _cache().publish(GENERATION_KEY, generation)
    _listener.heard(generation)


def bump_generation() -> None:
    """Make every cached page stale at once, in every process that shares the cache."""
    generation = uuid.uuid4().hex
    try:
        _cache().set(GENERATION_KEY, generation, None)
        _announce(generation)
    except Exception:
        # An edit must not fail because the cache is away; cached pages expire within PAGE_CACHE_SECONDS.
        logger.exception("Could not empty the page cache")


def content_changed(sender=None, **kwargs) -> None:
    """Signal receiver for saves, deletes and relation changes of public content."""
    bump_generation()


def _read_generation() -> str | None:
    """The generation as the shared cache holds it (one round trip); ``None`` when the cache is away."""
    value = _cache().get(GENERATION_KEY)
    if value:
        return value
    # First request after a cache flush: agree on one generation among all processes.
    generation = uuid.uuid4().hex
    if _cache().add(GENERATION_KEY, generation, None):
        _announce(generation)
        return generation
    return _cache().get(GENERATION_KEY)


class _Listener:
    """The current generation, known in this process without asking Redis on every request.

    The process subscribes to a Redis channel on which every new generation is published (``_announce``,
    by whichever process made it) and, before each request, reads what arrived on it: a look at a socket,
    no round trip. The subscription is confirmed before the generation is read, so no change can fall in
    between; Redis delivers a change to every subscriber as it answers the process that made it, so a
    change is known everywhere before anybody can have seen the edit. Every ``RECHECK_SECONDS`` the
    generation is read from Redis again all the same. When the subscription fails (Redis away, a broken
    connection) the process reads the generation from Redis for each request, as without a listener,
    and subscribes again after ``RETRY_SECONDS``. Without Redis (one process, memory) there is nothing to
    listen to and the cache is read each time; it is local anyway.
    """

    RECHECK_SECONDS = 10.0
    RETRY_SECONDS = 10.0

    def __init__(self):
        self._lock = threading.Lock()
        self._pid = None
        self._pubsub = None
        self._address = None
        self._generation = None
        self._known_at = 0.0
        self._retry_at = 0.0

    def generation(self) -> str | None:
        """The current generation (``None`` when the cache is away)."""
        with self._lock:
            known = self._poll()
        if known is not None:
            return known
        generation = _read_generation()
        with self._lock:
            # Unless a newer one arrived meanwhile (another thread of this process read the channel).
            if self._pubsub is not None and self._generation is None:
                self._generation, self._known_at = generation, time.monotonic()
        return generation

    def heard(self, generation: str) -> None:
        """This process made ``generation`` the current one."""
        with self._lock:
            if self._pubsub is not None and self._pid == os.getpid():
                self._generation, self._known_at = generation, time.monotonic()

    def _poll(self) -> str | None:
        if self._pid != os.getpid():
            # A forked worker: the subscription (its socket) belongs to the parent.
            self._pid, self._pubsub, self._generation, self._retry_at = os.getpid(), None, None, 0.0
        cache = _cache()
        if not hasattr(cache, "subscribe"):
            return None
        now = time.monotonic()
        if self._pubsub is not None and self._address != cache.address:
            self._drop(0.0)  # the settings name another Redis (tests do)
        try:
            if self._pubsub is None:
                if now < self._retry_at:
                    return None
                self._pubsub, self._generation = cache.subscribe(GENERATION_KEY), None
                self._address = cache.address
            while (message := self._pubsub.get_message(timeout=0)) is not None:
                if message["type"] == "message":
                    self._generation, self._known_at = message["data"].decode(), now
        except Exception:
            logger.warning("Not listening for page cache changes; reading them from Redis", exc_info=True)
            self._drop(now)
            return None
        if self._generation is not None and now - self._known_at > self.RECHECK_SECONDS:
            self._generation = None
        return self._generation

    def _drop(self, now: float) -> None:
        pubsub, self._pubsub, self._generation = self._pubsub, None, None
        self._retry_at = now + self.RETRY_SECONDS
        if pubsub is not None:
            with contextlib.suppress(Exception):  # closing a broken connection may fail too
                pubsub.close()


_listener = _Listener()


class _LocalPages:
    """The pages of the current generation this process served lately, in its memory: a page asked for
    again costs no round trip to Redis. At most ``budget`` bytes, the least recently served dropped first;
    emptied when the generation changes."""

    def __init__(self, budget: int):
        self._lock = threading.Lock()
        self._budget = budget
        self._size = 0
        self._generation = None
        self._entries: OrderedDict[str, tuple] = OrderedDict()

    def get(self, key: str, generation: str):
        with self._lock:
            if generation != self._generation:
                return None
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: tuple) -> None:
        size = len(entry[3])
        if size > self._budget:
            return
        with self._lock:
            if entry[0] != self._generation:
                self._entries.clear()
                self._size, self._generation = 0, entry[0]
            old = self._entries.pop(key, None)
            if old is not None:
                self._size -= len(old[3])
            self._entries[key] = entry
            self._size += size
            while self._size > self._budget:
                _key, dropped = self._entries.popitem(last=False)
                self._size -= len(dropped[3])


_local_pages = _LocalPages(budget=32 * 1024 * 1024)


def request_generation(request) -> str | None:
    """The content generation this request renders from, found once per request; ``None`` when the cache
    is away (nothing is then kept)."""
    if not hasattr(request, "_page_generation"):
        try:
            request._page_generation = _listener.generation()
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
    return _kept_part_key(name, request._part_address)


def values_part_key(request, name: str, values: tuple) -> str | None:
    """Where a part that shows ``values`` and public content alone is kept (whatever the address and the
    visitor, in this request's language and content generation), or ``None`` when it must be rendered."""
    if not settings.PUBLIC_PART_SECONDS:
        return None
    generation = request_generation(request)
    if generation is None:
        return None
    return _kept_part_key(name, "\n".join((repr(values), generation)))


def _kept_part_key(name: str, where: str) -> str:
    """The key of the part ``name`` kept for ``where`` (an address or values, with the content generation)
    in the active language."""
    parts = "\n".join((name, where, translation.get_language() or ""))
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


def _page_key(request) -> str:
    """The key of this request's page, in the language the locale middleware picks (or picked): the
    address's prefix, else the cookie or the browser's."""
    language = translation.get_language_from_request(request, check_path=True)
    parts = "\n".join((request.build_absolute_uri(), language, _text_size(request)))
    return _KEY_PREFIX + hashlib.sha256(parts.encode()).hexdigest()


def _keyable_memo(request) -> bool:
    if not hasattr(request, "_page_keyable"):
        request._page_keyable = _keyable(request)
    return request._page_keyable


@functools.lru_cache(maxsize=1024)
def _view_name(path_info: str) -> str | None:
    """The name of the view an address leads to (``None``: none), remembered for the addresses asked for
    lately: resolving walks the URL patterns, which costs a page from the cache a third of its time."""
    # Resolved in the address's own language: the language active in this thread is the previous request's.
    language = translation.get_language_from_path(path_info) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):
            return resolve(path_info).view_name
    except Resolver404:
        return None


@receiver(setting_changed)
def _urls_changed(*, setting, **kwargs) -> None:
    if setting == "ROOT_URLCONF":
        _view_name.cache_clear()


def _keyable(request) -> bool:
    """Whether this request's page may be kept for other visitors: the query parameters the page reads,
    each once and with a sensible value, on a host name without a port other than the configured one."""
    _domain, port = split_domain_port(request.get_host())
    if port and request.get_host() != settings.PORTAL_DOMAIN:
        return False
    if not request.GET:
        return True
    view_name = _view_name(request.path_info)
    if view_name is None:
        return False
    allowed = QUERY_PARAMETERS.get(view_name, ())
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

        generation = request_generation(request)
        if generation is None:
            # Without the cache the page is still there, only rendered (/health/ reports the cache).
            return self._uncached(request)
        key = None
        if not _carries_state(request):
            key = _page_key(request)
            entry = _local_pages.get(key, generation)
            if entry is None:
                try:
                    entry = _cache().get(key)
                except Exception:
                    logger.warning("Page cache unavailable", exc_info=True)
                if entry and entry[0] == generation:
                    _local_pages.put(key, entry)
            if entry and entry[0] == generation:
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
        entry = (generation, response.status_code, dict(response.headers), response.content)
        if key is None:
            # A visitor whose session holds no login (one begun on the way to logging in): the page is the
            # shared one, and is kept for others. Members' pages never need the key.
            key = _page_key(request)
        try:
            _cache().set(key, entry, settings.PAGE_CACHE_SECONDS)
            _local_pages.put(key, entry)
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
