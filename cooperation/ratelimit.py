"""Limits on how often the intake form may be sent, per account and per client address, kept in the shared
cache so every app server counts the same attempts. No third-party service is involved."""

from django.conf import settings
from django.core.cache import cache

from accounts.http import client_network

# (attempts, seconds) per account and per client address; settings may override them.
DEFAULT_LIMITS = {"account": (10, 3600), "address": (30, 3600)}


def _limits() -> dict[str, tuple[int, int]]:
    return {**DEFAULT_LIMITS, **getattr(settings, "COOPERATION_INTAKE_LIMITS", {})}


def _keys(request) -> dict[str, str]:
    return {
        "account": f"cooperation:intake:account:{request.user.pk}",
        "address": f"cooperation:intake:address:{client_network(request)}",
    }


def intake_attempt(request) -> bool:
    """Count one sending of the intake form; ``False`` when the account or the address is over its limit."""
    allowed = True
    limits = _limits()
    for scope, key in _keys(request).items():
        attempts, seconds = limits[scope]
        cache.add(key, 0, seconds)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, seconds)
            count = 1
        if count > attempts:
            allowed = False
    return allowed


def retry_after() -> int:
    """Seconds after which a refused sender may try again at the latest: the longest counting window."""
    return max(seconds for _attempts, seconds in _limits().values())
