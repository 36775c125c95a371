"""Helpers about the request itself, shared by every app: where a visitor may be sent back to, which address
they come from, the page that says "too many attempts", and the language cookie."""

import ipaddress
import math

from django.conf import settings
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme

# What a 429 tells the client to wait when the limit does not say: allauth's limits we keep are per minute.
DEFAULT_RETRY_AFTER = 60


def safe_next(request, fallback: str = "/") -> str:
    """The ``next`` parameter if it points into this site, else ``fallback``."""
    target = request.GET.get("next") or request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


def _clean_address(value: str | None) -> str | None:
    """``value`` as a normalised IP address (a port or IPv6 brackets removed), or ``None`` if it is none."""
    value = (value or "").strip()
    if not value:
        return None
    host, port = split_domain_port(value)
    if port and host:
        value = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def _forwarded_address(request) -> str | None:
    """The address the outermost trusted proxy saw, from ``X-Forwarded-For``.

    Each of the ``PORTAL_TRUSTED_PROXY_COUNT`` proxies appends the address it received the request from, so
    the entry that many places from the end is the client's; anything before it is what the client claimed.
    A shorter header (a request that came past fewer proxies) holds only entries our proxies wrote: the first
    of them is the farthest address known.
    """
    count = settings.PORTAL_TRUSTED_PROXY_COUNT
    if count <= 0:
        return None
    entries = [entry.strip() for entry in request.headers.get("X-Forwarded-For", "").split(",")]
    entries = [entry for entry in entries if entry]
    if not entries:
        return None
    return entries[-count] if len(entries) >= count else entries[0]


def client_ip(request) -> str:
    """The address of the visitor's device, as far as the site can trust it.

    Behind the documented reverse proxy it comes from the header the proxy writes
    (``PORTAL_CLIENT_IP_HEADER``, or ``X-Forwarded-For`` read with ``PORTAL_TRUSTED_PROXY_COUNT``); with
    neither configured, headers are ignored and the connection's own address is used, so a client can never
    choose its address. A missing or malformed header falls back to the connection's address: this never
    fails.
    """
    header = settings.PORTAL_CLIENT_IP_HEADER
    claimed = request.headers.get(header) if header else _forwarded_address(request)
    return _clean_address(claimed) or _clean_address(request.META.get("REMOTE_ADDR")) or "0.0.0.0"  # noqa: S104


def client_network(request) -> str:
    """``client_ip`` for counting requests: an IPv6 address stands for its /64 network, which one home or
    office usually holds whole (a device may pick any address in it)."""
    address = ipaddress.ip_address(client_ip(request))
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False).network_address)
    return str(address)


def too_many_requests(request, *, retry_after: float | None = None, login_held: bool = False) -> HttpResponse:
    """``429 Too Many Requests`` in the site's layout, with ``Retry-After`` (seconds, rounded up)."""
    seconds = max(1, math.ceil(retry_after if retry_after is not None else DEFAULT_RETRY_AFTER))
    response = render(
        request,
        "429.html",
        {"retry_minutes": math.ceil(seconds / 60), "login_held": login_held},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response


def handler429(request, *args, **kwargs) -> HttpResponse:
    """What allauth answers when one of its own limits (sign-up, password reset ...) is reached."""
    return too_many_requests(request)


def language_cookie_set(request, response, language: str) -> None:
    """Remember ``language`` in the cookie Django's LocaleMiddleware and the bare address ``/`` read."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE or request.is_secure(),
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
    )
