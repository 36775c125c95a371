"""Tests: fast hashing, mail kept in memory, plain static storage (live_server cannot serve hashed names)."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import CACHES, Q_CLUSTER, STORAGES

DEBUG = False
SECRET_KEY = "test-key-not-secret"  # noqa: S105 (tests only)
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Mail still goes through the outbox; the worker's part runs at once, in the test's own thread (django-q2's
# sync mode), and delivers to django.core.mail.outbox. Tests of the queue itself turn sync mode off.
OUTBOX_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
Q_CLUSTER = {**Q_CLUSTER, "sync": True}
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Applicants' uploads from tests go to a throwaway folder, never into the checkout's private-media/.
PORTAL_PRIVATE_MEDIA_ROOT = Path(tempfile.gettempdir()) / "busan-exchange-test-private-media"
# Counters in memory, emptied before each test (conftest.py); tests/test_caches.py runs the production layout,
# counters in the database.
CACHES = {
    **CACHES,
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test"},
}
