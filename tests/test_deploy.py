"""What a deployment relies on: production settings, gunicorn's configuration, static files, the health
check, ``sitemap.xml`` and ``robots.txt``."""

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from unittest import mock
from xml.etree import ElementTree

import pytest
from django.urls import reverse

from events.tests.factories import EventFactory
from programs.models import Status
from programs.tests.factories import CategoryFactory, CityFactory, ProgramFactory

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def _production_env(**extra) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "GUNICORN_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="busan_exchange.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="example.org",
    )
    env.update(extra)
    return {key: value for key, value in env.items() if value is not None}


def _run(args, env, timeout=120) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


# --- Production settings ------------------------------------------------------------------------------


def test_check_deploy_is_clean_with_production_settings():
    result = _run([PYTHON, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"], _production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_refuses_to_start_without_a_required_variable(missing):
    result = _run([PYTHON, "manage.py", "check"], _production_env(**{missing: None}))
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set in production." in result.stderr


_PROBE = """
import json
import django
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get("/robots.txt", secure=True, HTTP_HOST="example.org")
insecure = Client().get("/robots.txt", HTTP_HOST="example.org")
health = Client().get("/health/", HTTP_HOST="example.org")
print(json.dumps({
    "headers": dict(response.headers),
    "insecure_status": insecure.status_code,
    "insecure_location": insecure.get("Location"),
    "health_status": health.status_code,
    "settings": {name: getattr(settings, name) for name in [
        "DEBUG", "SESSION_COOKIE_SECURE", "SESSION_COOKIE_NAME", "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_SECURE", "CSRF_COOKIE_NAME", "CSRF_COOKIE_HTTPONLY", "LANGUAGE_COOKIE_SECURE",
        "LANGUAGE_COOKIE_HTTPONLY", "PAGE_CACHE_SECONDS", "PUBLIC_PART_SECONDS", "SESSION_ENGINE",
        "Q_CLUSTER",
    ]},
    "caches": {alias: config["BACKEND"] for alias, config in settings.CACHES.items()},
    "session_cache": getattr(settings, "SESSION_CACHE_ALIAS", None),
}, default=str))
"""


def _probe(**env) -> dict:
    env = _production_env(DATABASE_URL="sqlite://:memory:", **env)
    result = _run([PYTHON, "-c", _PROBE], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_sends_hsts_and_uses_secure_cookies():
    probe = _probe()
    headers = probe["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "upgrade-insecure-requests" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    # Plain HTTP is sent to HTTPS; load balancers may still ask for the health check over HTTP.
    assert probe["insecure_status"] == 301
    assert probe["insecure_location"] == "https://example.org/robots.txt"
    assert probe["health_status"] == 200
    settings = probe["settings"]
    assert settings["DEBUG"] is False
    assert settings["SESSION_COOKIE_SECURE"] and settings["SESSION_COOKIE_HTTPONLY"]
    assert settings["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert settings["CSRF_COOKIE_SECURE"] and settings["CSRF_COOKIE_HTTPONLY"]
    assert settings["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    assert settings["LANGUAGE_COOKIE_SECURE"] and settings["LANGUAGE_COOKIE_HTTPONLY"]


def test_production_keeps_each_kind_of_data_where_losing_it_costs_least():
    local = _probe()
    # Login and rate-limit counters in the database, whatever else is there: never evicted, no Redis needed.
    assert local["caches"]["default"] == "django.core.cache.backends.db.DatabaseCache"
    assert local["caches"]["pages"].endswith("LocMemCache")
    assert local["settings"]["PAGE_CACHE_SECONDS"] == 0
    # Each process would keep its own parts of pages, which an edit in another could not make stale.
    assert local["settings"]["PUBLIC_PART_SECONDS"] == 0
    assert local["settings"]["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"

    shared = _probe(REDIS_URL="redis://127.0.0.1:6379/15", DJANGO_CACHE_KEY_PREFIX="deploy-test")
    assert shared["caches"] == {
        "default": "django.core.cache.backends.db.DatabaseCache",
        "pages": "busan_exchange.cachebackends.FailSoftRedisCache",
        "sessions": "busan_exchange.cachebackends.FailSoftRedisCache",
        # Rendered parts of pages, in each process's memory, made stale by the generation in Redis.
        "parts": "django.core.cache.backends.locmem.LocMemCache",
    }
    assert shared["settings"]["PUBLIC_PART_SECONDS"] > 0
    # Sessions: the database holds them, Redis a copy in front.
    assert shared["settings"]["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    assert shared["session_cache"] == "sessions"
    assert shared["settings"]["PAGE_CACHE_SECONDS"] > 0
    # The workers' statistics are written every few seconds: not into the database.
    assert shared["settings"]["Q_CLUSTER"]["cache"] == "pages"


def _gunicorn_config(**env) -> dict[str, str]:
    result = _run([str(Path(PYTHON).with_name("gunicorn")), "--print-config"], _production_env(**env))
    assert result.returncode == 0, result.stderr
    lines = (line.partition("=") for line in result.stdout.splitlines())
    return {name.strip(): value.strip() for name, _sep, value in lines}


def test_gunicorn_configuration_comes_from_the_environment():
    config = _gunicorn_config(GUNICORN_WORKERS="3", GUNICORN_THREADS="4", GUNICORN_BIND="127.0.0.1:8123")
    assert config["workers"] == "3"
    assert config["threads"] == "4"
    assert config["worker_class"] == "gthread"
    assert config["bind"] == "['127.0.0.1:8123']"


def test_gunicorn_defaults():
    config = _gunicorn_config()
    assert config["workers"] == str(os.cpu_count() + 1)
    assert config["threads"] == "1"
    assert config["worker_class"] == "sync"
    assert config["preload_app"] == "True"
    assert config["accesslog"] == "-"  # standard output
    assert config["control_socket_disable"] == "True"
    assert config["wsgi_app"] == "busan_exchange.wsgi:application"


def test_collectstatic_writes_hashed_and_compressed_files(tmp_path):
    env = _production_env(DJANGO_STATIC_ROOT=str(tmp_path))
    result = _run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], env, timeout=300)
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    for name in ("css/site.css", "js/site.js"):
        hashed = manifest[name]
        assert re.search(r"\.[0-9a-f]{12}\.", hashed), hashed
        assert (tmp_path / hashed).exists()
        assert (tmp_path / (hashed + ".gz")).exists()


# --- Health check -------------------------------------------------------------------------------------


@pytest.fixture
def workers_on_time():
    """As when workers run: the scheduler has moved every periodic job's next run into the future."""
    from datetime import timedelta

    from django.utils import timezone
    from django_q.models import Schedule

    Schedule.objects.update(next_run=timezone.now() + timedelta(minutes=1))


@pytest.mark.django_db
def test_health_answers_ok(client, workers_on_time):
    response = client.get("/health/")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "ok"
    assert data["checks"] == {"database": "ok", "cache": "ok", "mail": "ok", "workers": "ok"}
    assert data["mail"] == {"waiting": 0, "oldest_seconds": 0, "failed": 0}
    assert data["workers"] == {"tasks_waiting": 0, "oldest_task_seconds": 0, "schedule_late_seconds": 0}
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_answers_503_when_the_database_is_down(client):
    with mock.patch("busan_exchange.health.connection") as connection:
        connection.cursor.side_effect = RuntimeError("connection refused")
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["checks"] == {
        "database": "error",
        "cache": "ok",
        "mail": "unknown",
        "workers": "unknown",
    }


@pytest.mark.django_db
def test_health_says_degraded_but_keeps_the_server_in_when_the_cache_loses_what_it_stores(
    client, settings, workers_on_time
):
    settings.CACHES = {**settings.CACHES, "pages": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == "error"


@pytest.mark.django_db
def test_health_reports_a_growing_mail_backlog_and_tasks_nobody_takes(client, workers_on_time, monkeypatch):
    from datetime import timedelta

    from django.core.mail import EmailMessage
    from django.utils import timezone
    from django_q.conf import Conf
    from django_q.models import OrmQ

    from outbox.models import OutgoingMail

    monkeypatch.setattr(Conf, "SYNC", False)  # no worker runs: the mail waits in the outbox
    EmailMessage("Hello", "Text", to=["member@example.org"]).send()
    fresh = client.get("/health/").json()
    assert fresh["status"] == "ok"
    assert fresh["mail"]["waiting"] == 1 and fresh["workers"]["tasks_waiting"] == 1

    OutgoingMail.objects.update(created_at=timezone.now() - timedelta(minutes=20))
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["mail"] == "late"
    assert response.json()["mail"]["oldest_seconds"] >= 20 * 60

    OrmQ.objects.update(lock=timezone.now() - timedelta(minutes=10))
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["checks"]["workers"] == "late"
    assert response.json()["workers"]["oldest_task_seconds"] >= 10 * 60


@pytest.mark.django_db
def test_health_reports_workers_that_stopped(client, workers_on_time):
    from datetime import timedelta

    from django.utils import timezone
    from django_q.models import Schedule

    Schedule.objects.update(next_run=timezone.now() - timedelta(minutes=10))
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["workers"] == "late"
    assert response.json()["workers"]["schedule_late_seconds"] >= 10 * 60


@pytest.mark.django_db
def test_health_is_outside_the_language_prefixes_and_read_only(client):
    assert client.get("/en/health/").status_code == 404
    assert client.post("/health/").status_code in (403, 405)


# --- sitemap.xml and robots.txt -----------------------------------------------------------------------

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def published():
    category = CategoryFactory(slug="diplomacy")
    city = CityFactory(slug="nagasaki")
    program = ProgramFactory(slug="youth", category=category, cities=[city])
    event = EventFactory(slug="forum", program=program)
    ProgramFactory(slug="draft-program", status=Status.DRAFT, category=category)
    ProgramFactory(slug="in-draft-category", category=CategoryFactory(status=Status.DRAFT, slug="hidden"))
    EventFactory(slug="draft-event", status=Status.DRAFT)
    CityFactory(slug="draft-city", status=Status.DRAFT)
    return category, city, program, event


@pytest.mark.django_db
def test_sitemap_lists_every_public_page_in_every_language(client, published, settings):
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    response = client.get("/sitemap.xml", HTTP_HOST="portal.example.org")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 (the site's own response)
    locations = {url.findtext("s:loc", namespaces=NS) for url in root.findall("s:url", NS)}
    paths = ["/", "/programs/", "/events/", "/cities/", "/categories/diplomacy/", "/programs/youth/"]
    paths += ["/events/forum/", "/cities/nagasaki/", "/cooperation/"]
    expected = {
        f"http://portal.example.org/{code}{path}" for code in ("ko", "en", "zh-hans") for path in paths
    }
    assert locations == expected
    # Every entry names all three languages and the language-neutral address.
    for url in root.findall("s:url", NS):
        links = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        assert set(links) == {"ko", "en", "zh-hans", "x-default"}
        loc = url.findtext("s:loc", namespaces=NS)
        assert loc in links.values()


@pytest.mark.django_db
def test_sitemap_is_fresh_after_an_edit(client, published):
    _category, _city, program, _event = published
    assert b"/en/programs/youth/" in client.get("/sitemap.xml").content
    program.status = Status.DRAFT
    program.save()
    assert b"/en/programs/youth/" not in client.get("/sitemap.xml").content


@pytest.mark.django_db
def test_robots_txt_keeps_crawlers_out_of_private_pages(client, settings):
    settings.ALLOWED_HOSTS = ["portal.example.org"]
    response = client.get("/robots.txt", HTTP_HOST="portal.example.org")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[:2] == ["User-agent: *", "Allow: /"]
    disallowed = {line.split(": ", 1)[1] for line in lines if line.startswith("Disallow: ")}
    for code in ("ko", "en", "zh-hans"):
        assert f"/{code}/admin/" in disallowed
        assert f"/{code}/accounts/" in disallowed
    assert "Sitemap: http://portal.example.org/sitemap.xml" in lines
    my_page = reverse("accounts:my-page")
    assert any(my_page.startswith(path) for path in disallowed)
    assert not any(path.startswith(("/ko/programs", "/en/events", "/zh-hans/cities")) for path in disallowed)


def test_the_master_process_compiles_the_templates_before_the_workers_start():
    from django.template import engines

    from busan_exchange.warmup import warm_up

    loader = engines["django"].engine.template_loaders[0]
    loader.reset()
    assert warm_up() == len(list((ROOT / "templates").rglob("*.html")))
    assert {"base.html", "programs/home.html", "includes/_header.html"} <= set(loader.get_template_cache)
    config = (ROOT / "gunicorn.conf.py").read_text()
    assert "def when_ready(server):" in config and "warm_up()" in config
