"""``/health/``: what this app server depends on, for load balancers and for people.

Answers 503 only when the database cannot be reached: without it this server can serve nothing, and another
one might. Everything else is shared by all servers and the site keeps working without it (pages rendered
instead of cached, sessions read from the database, mail waiting in the outbox), so a load balancer must not
take every server out because Redis, the mail server or the workers are in trouble: those answer 200 with
``"status": "degraded"`` and say what is wrong.
"""

import logging
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Min
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_q.models import OrmQ, Schedule

from outbox.services import mail_backlog

logger = logging.getLogger(__name__)

# The caches in front of the database; ``default`` lives in the database itself.
SHARED_CACHES = ("pages", "sessions")


def _check_database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("unexpected answer to SELECT 1")
    return "ok"


def _check_cache() -> str:
    for alias in SHARED_CACHES:
        if alias not in settings.CACHES:
            continue
        cache = caches[alias]
        if hasattr(cache, "ping"):
            cache.ping()
            continue
        key, token = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
        cache.set(key, token, 10)
        try:
            if cache.get(key) != token:
                raise RuntimeError(f"the {alias} cache did not return what was stored")
        finally:
            cache.delete(key)
    return "ok"


def _check_mail(details: dict) -> str:
    backlog = mail_backlog()
    details["mail"] = backlog
    return "late" if backlog["oldest_seconds"] > settings.HEALTH_MAIL_LATE_SECONDS else "ok"


def _check_workers(details: dict) -> str:
    """Whether workers take tasks and the scheduler runs: the oldest task nobody has taken, and how far the
    most overdue periodic job is behind (the scheduler moves each job's next run on as it starts it)."""
    now = timezone.now()
    waiting = OrmQ.objects.filter(lock__lte=now)
    oldest_task = waiting.aggregate(oldest=Min("lock"))["oldest"]
    overdue = Schedule.objects.exclude(repeats=0).aggregate(due=Min("next_run"))["due"]
    seconds = {
        "tasks_waiting": waiting.count(),
        "oldest_task_seconds": int((now - oldest_task).total_seconds()) if oldest_task else 0,
        "schedule_late_seconds": max(0, int((now - overdue).total_seconds())) if overdue else 0,
    }
    details["workers"] = seconds
    late = max(seconds["oldest_task_seconds"], seconds["schedule_late_seconds"])
    return "late" if late > settings.HEALTH_WORKERS_LATE_SECONDS else "ok"


@never_cache
@require_safe
def health(request):
    """``{"status": "ok" | "degraded" | "error", "checks": {...}, ...}``; 503 only for ``"error"``."""
    started = time.perf_counter()
    details: dict = {}
    checks = {}
    for name, check in (
        ("database", _check_database),
        ("cache", _check_cache),
        ("mail", lambda: _check_mail(details)),
        ("workers", lambda: _check_workers(details)),
    ):
        if name in ("mail", "workers") and checks["database"] != "ok":
            checks[name] = "unknown"
            continue
        try:
            checks[name] = check()
        except Exception as error:
            # Load balancers ask every few seconds: one line each time, not a traceback.
            logger.warning("Health check %s failed: %s", name, error)
            checks[name] = "error"
    if checks["database"] != "ok":
        status = "error"
    elif all(result == "ok" for result in checks.values()):
        status = "ok"
    else:
        status = "degraded"
    return JsonResponse(
        {
            "status": status,
            "checks": checks,
            **details,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        },
        status=503 if status == "error" else 200,
    )
