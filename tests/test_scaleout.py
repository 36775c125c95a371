"""Two app servers behind one address share everything that matters: sessions, content and the page cache.

Starts two gunicorn instances with the production settings on free ports, sharing a PostgreSQL database
created for the run and Redis (a database number and a key prefix of their own), and talks to them as a
load balancer would pass requests on (same ``Host``, ``X-Forwarded-Proto: https``). Skipped when
PostgreSQL or Redis cannot be reached, unless ``SCALEOUT_REQUIRED`` is set (CI).
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from html.parser import HTMLParser
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path

import pytest

pytestmark = pytest.mark.scaleout

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SERVER_URL = os.environ.get("SCALEOUT_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/busan_scaleout")
REDIS_URL = os.environ.get("SCALEOUT_REDIS_URL", "redis://127.0.0.1:6379/14")
# A database and cache keys of this run's own, so that runs side by side do not disturb each other.
RUN = f"{os.getpid()}_{secrets.token_hex(3)}"
DATABASE_NAME = f"{urllib.parse.urlsplit(SERVER_URL).path.lstrip('/')}_{RUN}"
DATABASE_URL = urllib.parse.urlsplit(SERVER_URL)._replace(path=f"/{DATABASE_NAME}").geturl()
CACHE_KEY_PREFIX = f"scaleout_{RUN}"
HOST = "portal.test"
PASSWORD = "Gwangalli-bridge-2026!"


def _unavailable(reason: str):
    if os.environ.get("SCALEOUT_REQUIRED"):
        pytest.fail(f"The scale-out test needs PostgreSQL and Redis: {reason}")
    pytest.skip(f"PostgreSQL and Redis are needed for the scale-out test: {reason}")


def _admin_connection():
    import psycopg2

    url = urllib.parse.urlsplit(DATABASE_URL)
    connection = psycopg2.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=urllib.parse.unquote(url.username or "postgres"),
        password=urllib.parse.unquote(url.password or "") or None,
        dbname="postgres",
        connect_timeout=3,
    )
    connection.autocommit = True
    return connection, DATABASE_NAME


def _recreate_database():
    try:
        connection, name = _admin_connection()
    except Exception as error:
        _unavailable(f"PostgreSQL at {DATABASE_URL} ({error})")
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def _drop_database():
    connection, name = _admin_connection()
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    connection.close()


def _clear_redis():
    import redis

    try:
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3)
        keys = list(client.scan_iter(f"{CACHE_KEY_PREFIX}:*"))
        if keys:
            client.delete(*keys)
    except Exception as error:
        _unavailable(f"Redis at {REDIS_URL} ({error})")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


_SETUP = """
import json
from allauth.account.models import EmailAddress
from accounts.models import User
from programs.models import Category, Program

def person(email, **extra):
    user = User.objects.create_user(email=email, password=PASSWORD, **extra)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)

person("member@example.org", name="Scale-out member")
person("staff@example.org", is_staff=True, is_superuser=True)
category = Category.objects.create(
    slug="diplomacy", status="published", name_ko="도시외교", name_en="Diplomacy",
)
program = Program.objects.create(
    slug="youth", status="published", category=category, title_ko="청소년 교류", title_en="Youth exchange",
)
print(json.dumps({"program": program.pk}))
"""


class Visitor:
    """A browser as the app servers see it through a TLS-terminating load balancer: one cookie jar,
    whichever server answers."""

    def __init__(self):
        self.cookies: dict[str, str] = {}

    def request(self, port: int, method: str, path: str, form: dict | list | None = None):
        headers = {"Host": HOST, "X-Forwarded-Proto": "https", "Accept-Language": "en"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"https://{HOST}"
            headers["Referer"] = f"https://{HOST}{path}"
        connection = HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie = SimpleCookie()
            cookie.load(header)
            for name, morsel in cookie.items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response, content

    def get(self, port, path):
        return self.request(port, "GET", path)

    def post(self, port, path, form):
        return self.request(port, "POST", path, form)


class _FormParser(HTMLParser):
    """The fields of each ``<form method="post">`` as a browser would submit them."""

    def __init__(self):
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self._fields: list[tuple[str, str]] | None = None
        self._select: str | None = None
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self._fields = []
            self.forms.append(self._fields)
        if self._fields is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self._fields.append((name, attrs.get("value") or ("on" if kind == "checkbox" else "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self._fields.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea, self._text = name, ""

    def handle_data(self, data):
        if self._textarea:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea and self._fields is not None:
            self._fields.append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None
        elif tag == "form":
            self._fields = None


def _form_fields(html: str) -> list[tuple[str, str]]:
    """The fields of the page's main form: the POST form with the most fields."""
    parser = _FormParser()
    parser.feed(html)
    return max(parser.forms, key=len)


def _log_in(visitor: Visitor, port: int, path: str, form: dict):
    response, html = visitor.get(port, path)
    assert response.status == 200, html[:500]
    fields = dict(_form_fields(html))
    response, html = visitor.post(port, path, {**fields, **form})
    assert response.status == 302, html[:2000]
    return response


def _wait_until_up(port: int, process: subprocess.Popen, log: Path):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn on port {port} stopped:\n{log.read_text()[-3000:]}")
        try:
            connection = HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/health/", headers={"Host": HOST})
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"gunicorn on port {port} did not answer /health/ within 60 s:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    _clear_redis()
    _recreate_database()
    tmp = tmp_path_factory.mktemp("scaleout")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "GUNICORN_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="busan_exchange.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=f"{HOST},127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_STATIC_ROOT=str(tmp / "static"),
        DJANGO_MEDIA_ROOT=str(tmp / "media"),
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=REDIS_URL,
        DJANGO_CACHE_KEY_PREFIX=CACHE_KEY_PREFIX,
        GUNICORN_WORKERS="1",
        GUNICORN_THREADS="2",
    )

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    processes = []
    try:
        manage("migrate", "--noinput", "-v", "0")
        manage("collectstatic", "--noinput", "-v", "0")
        setup = manage("shell", "-c", f"PASSWORD = {PASSWORD!r}\n" + _SETUP)
        created = json.loads(setup.strip().splitlines()[-1])
        ports = [_free_port(), _free_port()]
        for port in ports:
            log = tmp / f"gunicorn-{port}.log"
            process = subprocess.Popen(
                [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py"],
                cwd=ROOT,
                env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                stdout=log.open("w"),
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            processes.append((process, log))
        for port, (process, log) in zip(ports, processes, strict=True):
            _wait_until_up(port, process, log)
        yield {"a": ports[0], "b": ports[1], **created}
    finally:
        for process, _log in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process, _log in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        _drop_database()
        _clear_redis()


def test_both_instances_are_healthy_and_distinct(servers):
    for port in (servers["a"], servers["b"]):
        response, body = Visitor().get(port, "/health/")
        assert response.status == 200
        assert json.loads(body)["status"] == "ok"
    assert servers["a"] != servers["b"]


def test_member_logged_in_through_one_is_logged_in_through_the_other(servers):
    a, b = servers["a"], servers["b"]
    visitor = Visitor()
    response, _html = visitor.get(b, "/en/accounts/email/")
    assert response.status == 302  # not logged in yet

    response = _log_in(
        visitor, a, "/en/accounts/login/", {"login": "member@example.org", "password": PASSWORD}
    )
    assert "__Host-sessionid" in visitor.cookies

    response, html = visitor.get(b, "/en/accounts/email/")
    assert response.status == 200
    assert "member@example.org" in html
    # Logged-in pages are the member's own, never from the shared page cache.
    response, html = visitor.get(b, "/en/programs/youth/")
    assert response.status == 200
    assert response.getheader("X-Page-Cache") is None
    assert "private" in response.getheader("Cache-Control")

    # Logging out through B ends the session for A too.
    response, html = visitor.get(b, "/en/accounts/logout/")
    fields = dict(_form_fields(html))
    response, _html = visitor.post(b, "/en/accounts/logout/", fields)
    assert response.status == 302
    response, _html = visitor.get(a, "/en/accounts/email/")
    assert response.status == 302


def test_content_edited_through_one_is_fresh_through_the_other(servers):
    a, b = servers["a"], servers["b"]
    page = "/en/programs/youth/"
    anonymous = Visitor()
    # Both instances share one page cache: what A rendered, B serves.
    response, html = anonymous.get(a, page)
    assert response.status == 200 and "Youth exchange" in html
    response, html = anonymous.get(b, page)
    assert response.getheader("X-Page-Cache") == "hit"
    assert "Youth exchange" in html

    staff = Visitor()
    _log_in(staff, a, "/en/admin/login/", {"username": "staff@example.org", "password": PASSWORD})
    change = f"/en/admin/programs/program/{servers['program']}/change/"
    response, html = staff.get(a, change)
    assert response.status == 200, html[:500]
    fields = [(k, v) for k, v in _form_fields(html) if k != "title_en"]
    fields += [("title_en", "Youth exchange with Fukuoka"), ("_save", "Save")]
    response, html = staff.post(a, change, fields)
    assert response.status == 302, [line for line in html.splitlines() if "error" in line.lower()][:20]

    for port in (b, a):
        response, html = anonymous.get(port, page)
        assert response.status == 200
        assert "Youth exchange with Fukuoka" in html
    response, html = anonymous.get(b, "/en/programs/")
    assert "Youth exchange with Fukuoka" in html
