"""The production cache layout against a real Redis that stops, restarts and fills up.

Each test starts a Redis server of its own (``redis-server`` on a free port, in a temporary folder), so it
can stop and start it without disturbing anyone; the settings are production's: counters in the database
cache, pages and session copies in Redis through ``FailSoftRedisCache``, sessions in the database.
"""

import shutil
import socket
import subprocess
import time

import pytest
from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from accounts.tests.factories import PASSWORD, UserFactory
from busan_exchange import cachebackends, pagecache
from events.tests.factories import EventFactory
from programs.tests.factories import CategoryFactory, ProgramFactory
from registrations.models import Registration

pytestmark = pytest.mark.django_db

REDIS_SERVER = shutil.which("redis-server")


def url(name, *args):
    with override("en"):
        return reverse(name, args=args)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    """A private ``redis-server``: ``stop()`` (optionally saving its data to disk) and ``start()`` again."""

    def __init__(self, folder, *extra: str):
        self.port = _free_port()
        self.folder = folder
        self.extra = extra
        self.process = None
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def client(self):
        import redis

        return redis.Redis(port=self.port, socket_timeout=2)

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
             "--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no", *self.extra],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if self.client().ping():
                    return
            except Exception:  # noqa: S110 (still starting)
                pass
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self, *, save: bool = False):
        if save:
            self.client().save()
        self.process.terminate()
        self.process.wait(10)


@pytest.fixture
def redis_server(tmp_path):
    if not REDIS_SERVER:
        pytest.skip("redis-server is not installed")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.stop()


@pytest.fixture
def clock(monkeypatch):
    """The cache's clock for its back-off, moved forward by hand."""

    class Clock:
        now = 1000.0

        def advance(self, seconds):
            self.now += seconds

    clock = Clock()
    monkeypatch.setattr(cachebackends, "_clock", lambda: clock.now)
    monkeypatch.setattr(cachebackends, "_states", {})
    return clock


def production_caches(settings, location: str) -> None:
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": settings.PORTAL_CACHE_TABLE,
            "OPTIONS": {"MAX_ENTRIES": 50_000, "CULL_FREQUENCY": 10**12},
        },
        "pages": {
            "BACKEND": "busan_exchange.cachebackends.FailSoftRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "test",
        },
        "sessions": {
            "BACKEND": "busan_exchange.cachebackends.FailSoftRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "test:sessions",
            "OPTIONS": {"PURGE_ON_RECOVERY": True},
        },
        "parts": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "parts"},
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    settings.SESSION_CACHE_ALIAS = "sessions"


@pytest.fixture
def production(settings, redis_server, clock):
    production_caches(settings, redis_server.url)
    return redis_server


@pytest.fixture
def content():
    program = ProgramFactory(category=CategoryFactory())
    event = EventFactory(program=program, capacity=10)
    return program, event


def log_in(client, member) -> int:
    return client.post(url("account_login"), {"login": member.email, "password": PASSWORD}).status_code


def test_with_redis_stopped_the_site_works_and_says_so(production, content, client, clock):
    program, event = content
    member = UserFactory()
    production.stop()

    assert client.get(program.get_absolute_url()).status_code == 200
    assert log_in(client, member) == 302
    assert client.get(url("accounts:my-page")).status_code == 200
    response = client.post(url("registrations:event-register", event.slug), {"message": "See you there"})
    assert response.status_code == 302
    registration = Registration.objects.get(user=member, event=event)
    assert registration.status == Registration.Status.CONFIRMED
    assert client.post(url("registrations:withdraw", registration.pk), {"confirm": "yes"}).status_code == 302

    health = client.get("/health/")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    assert health.json()["checks"]["cache"] == "error"
    assert health.json()["checks"]["database"] == "ok"


def test_login_limits_hold_while_redis_is_away_and_after_it_restarts(production, client):
    member = UserFactory()
    for _ in range(5):
        assert (
            client.post(url("account_login"), {"login": member.email, "password": "guess"}).status_code == 200
        )
    production.stop()
    assert log_in(client, member) == 429
    production.start()  # empty: everything Redis held is gone
    assert log_in(client, member) == 429


def test_sessions_survive_a_redis_restart(production, client, clock):
    member = UserFactory()
    assert log_in(client, member) == 302
    assert any(key.startswith(b"test:sessions:") for key in production.client().scan_iter("*"))

    production.stop()
    assert client.get(url("accounts:my-page")).status_code == 200
    production.start()
    clock.advance(60)
    assert client.get(url("accounts:my-page")).status_code == 200


def test_a_logout_while_redis_is_away_stays_a_logout(production, clock):
    """Redis keeps its copy of the session on disk while the member logs out without it: the old copy must
    not log them back in once Redis is back."""
    member = UserFactory()
    browser = Client()
    assert log_in(browser, member) == 302
    stolen_cookie = browser.cookies["sessionid"].value

    production.stop(save=True)
    assert browser.post(url("account_logout")).status_code == 302
    production.start()
    clock.advance(60)

    thief = Client()
    thief.cookies["sessionid"] = stolen_cookie
    assert thief.get(url("accounts:my-page")).status_code == 302
    # The copies are read afresh from the database: a member still logged in stays logged in.
    other = Client()
    assert log_in(other, UserFactory()) == 302
    assert other.get(url("accounts:my-page")).status_code == 200


def test_a_dead_redis_costs_one_attempt_per_back_off(production, clock, caplog):
    pages = caches["pages"]
    pages.set("greeting", "hello")
    production.stop()
    with caplog.at_level("ERROR", logger="busan_exchange.cachebackends"):
        for _ in range(50):
            assert pages.get("greeting") is None
            pages.set("greeting", "hello again")
    assert len([r for r in caplog.records if "cannot be reached" in r.message]) == 1
    production.start()
    # Within the back-off the process does not even try ...
    pages.set("greeting", "not yet")
    assert production.client().get("test:1:greeting") is None
    # ... after it, the cache works again.
    clock.advance(11)
    pages.set("greeting", "back")
    assert pages.get("greeting") == "back"


def test_a_full_redis_that_refuses_writes_breaks_nothing(settings, tmp_path, clock, content):
    if not REDIS_SERVER:
        pytest.skip("redis-server is not installed")
    full = RedisServer(tmp_path, "--maxmemory", "2mb", "--maxmemory-policy", "noeviction")
    full.start()
    try:
        production_caches(settings, full.url)
        client = full.client()
        with pytest.raises(Exception, match="maxmemory"):
            for number in range(100):
                client.set(f"ballast:{number}", b"x" * 100_000)
        program, _event = content
        browser = Client()
        assert browser.get(program.get_absolute_url()).status_code == 200
        assert log_in(browser, UserFactory()) == 302
        assert browser.get(url("accounts:my-page")).status_code == 200
    finally:
        full.stop()


@pytest.fixture
def fresh_process(monkeypatch):
    """This process as a server starts: listening for nothing yet, no page kept in its memory."""
    monkeypatch.setattr(pagecache, "_listener", pagecache._Listener())
    monkeypatch.setattr(pagecache, "_local_pages", pagecache._LocalPages(budget=1024 * 1024))


def _commands(redis_server) -> int:
    """How many commands Redis answered so far (counting this one, and the INFO it sends)."""
    return redis_server.client().info("stats")["total_commands_processed"]


def _edit_on_another_server(program, title: str, *, announce: bool = True) -> None:
    """What an edit through another server does here: the row changes (no signal in this process) and the
    other server makes a new generation, announced on the channel."""
    type(program).objects.filter(pk=program.pk).update(title_en=title)
    generation = f"made-elsewhere-{title}"
    caches["pages"].set(pagecache.GENERATION_KEY, generation, None)
    if announce:
        caches["pages"].publish(pagecache.GENERATION_KEY, generation)


def test_pages_kept_in_memory_show_an_edit_on_another_server_at_once(production, fresh_process, content):
    program, _event = content
    page = program.get_absolute_url()
    visitor = Client()
    assert visitor.get(page)["X-Page-Cache"] == "miss"
    # Asked again, the page comes from this process's memory: not one command reaches Redis.
    counting = _commands(production) - _commands(production)
    before = _commands(production)
    response = visitor.get(page)
    assert response["X-Page-Cache"] == "hit"
    assert _commands(production) - before == -counting

    _edit_on_another_server(program, "Harbour friends")
    response = visitor.get(page)
    assert response["X-Page-Cache"] == "miss"
    assert "Harbour friends" in response.content.decode()
    assert visitor.get(page)["X-Page-Cache"] == "hit"


def test_an_edit_in_this_process_shows_at_once(production, fresh_process, content):
    program, _event = content
    page = program.get_absolute_url()
    visitor = Client()
    visitor.get(page)
    assert visitor.get(page)["X-Page-Cache"] == "hit"
    program.title_en = "Harbour friends"
    program.save()
    assert "Harbour friends" in visitor.get(page).content.decode()


def test_without_the_channel_each_request_asks_redis(production, fresh_process, content, monkeypatch):
    def refused(self, channel):
        raise ConnectionError("no subscriptions here")

    monkeypatch.setattr(cachebackends.FailSoftRedisCache, "subscribe", refused)
    program, _event = content
    page = program.get_absolute_url()
    visitor = Client()
    visitor.get(page)
    assert visitor.get(page)["X-Page-Cache"] == "hit"
    # Not announced: only asking Redis finds it.
    _edit_on_another_server(program, "Harbour friends", announce=False)
    assert "Harbour friends" in visitor.get(page).content.decode()


def test_a_redis_restart_breaks_the_channel_not_the_pages(production, fresh_process, content, clock):
    program, _event = content
    page = program.get_absolute_url()
    visitor = Client()
    visitor.get(page)
    assert visitor.get(page)["X-Page-Cache"] == "hit"
    production.stop()
    production.start()  # empty: the generation and the pages are gone, the subscription broken
    type(program).objects.filter(pk=program.pk).update(title_en="Harbour friends")
    clock.advance(11)  # the cache's back-off after the failure
    response = visitor.get(page)
    assert response.status_code == 200
    assert "Harbour friends" in response.content.decode()
