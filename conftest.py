"""Fixtures shared by every app's tests."""

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _mail_through_the_outbox(settings):
    """Django's test set-up swaps in the in-memory mail backend; the site's own sends through the outbox
    (which delivers to the in-memory one, ``django.core.mail.outbox``)."""
    settings.EMAIL_BACKEND = "outbox.backends.QueuedEmailBackend"


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with empty caches (rate limits, cached pages, session copies)."""
    for cache in caches.all(initialized_only=False):
        cache.clear()
    yield
    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture(autouse=True)
def _no_registration_guesses(monkeypatch):
    """Each test starts without the guesses of which mail an item's next registration gets (kept in the
    process, ``registrations.services``): an earlier test's item may have had the same id."""
    from registrations import services

    monkeypatch.setattr(services, "_likely_kind", {})


@pytest.fixture
def task_worker(monkeypatch):
    """Tasks wait in the queue (as in production) until the test calls ``task_worker()``, which runs them
    through django-q2's own broker, worker and monitor, in this process; returns how many it ran.

    Without this fixture tests run in django-q2's sync mode, where each task runs as it is enqueued.
    """
    from multiprocessing import Value

    from django_q import monitor as q_monitor
    from django_q import worker as q_worker
    from django_q.brokers import get_broker
    from django_q.conf import Conf
    from django_q.queues import Queue
    from django_q.signing import SignedPackage

    monkeypatch.setattr(Conf, "SYNC", False)
    monkeypatch.setattr(Conf, "POLL", 0)
    # The test's own database transaction must stay open: the worker would otherwise drop the connection.
    monkeypatch.setattr(q_worker, "close_old_django_connections", lambda: None)
    monkeypatch.setattr(q_monitor, "close_old_django_connections", lambda: None)

    def run() -> int:
        broker = get_broker()
        done = 0
        while tasks := broker.dequeue():
            for ack_id, payload in tasks:
                task = SignedPackage.loads(payload)
                task["ack_id"] = ack_id
                task_queue, result_queue = Queue(), Queue()
                task_queue.put(task)
                task_queue.put("STOP")
                q_worker.worker(task_queue, result_queue, Value("f", -1))
                result_queue.put("STOP")
                q_monitor.monitor(result_queue, broker)
                done += 1
        return done

    return run
