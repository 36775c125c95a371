"""Helpers about the request itself, shared by every app: where a visitor may be sent back to, and the
language cookie."""

from django.conf import settings
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, fallback: str = "/") -> str:
    """The ``next`` parameter if it points into this site, else ``fallback``."""
    target = request.GET.get("next") or request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return fallback


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
