"""``/health/``: whether this app server can reach its database and its cache, for load balancers."""

import logging
import time
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("unexpected answer to SELECT 1")


def _check_cache() -> None:
    key = f"health:{uuid.uuid4().hex}"
    token = uuid.uuid4().hex
    cache.set(key, token, 10)
    try:
        if cache.get(key) != token:
            raise RuntimeError("the cache did not return what was stored")
    finally:
        cache.delete(key)


_CHECKS = {"database": _check_database, "cache": _check_cache}


@never_cache
@require_safe
def health(request):
    """JSON ``{"status": "ok", "checks": {...}}`` with 200, or ``"status": "error"`` with 503."""
    started = time.perf_counter()
    checks = {}
    for name, check in _CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("Health check %s failed", name)
            checks[name] = "error"
        else:
            checks[name] = "ok"
    healthy = all(result == "ok" for result in checks.values())
    return JsonResponse(
        {
            "status": "ok" if healthy else "error",
            "checks": checks,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        },
        status=200 if healthy else 503,
    )
