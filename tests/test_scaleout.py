"""Two app servers behind one address share everything that matters: sessions, content, the page cache,
the login limits and the mail queue.

Starts two gunicorn instances with the production settings on free ports, each with a django-q2 worker
(``manage.py qcluster``) beside it, sharing a PostgreSQL database created for the run and Redis (a database
number and a key prefix of their own), and talks to them as the README's nginx would pass requests on (same
``Host``, ``X-Forwarded-Proto: https``, the client's address appended to ``X-Forwarded-For``). The workers
deliver mail to files (Django's file-based backend), so the test can count what was sent. Skipped when
PostgreSQL or Redis cannot be reached, unless ``SCALEOUT_REQUIRED`` is set (CI).
"""

import contextlib
import email
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
# Members who each ask for a password reset: one mail each.
MEMBERS = 16


def _unavailable(reason: str):
    if os.environ.get("SCALEOUT_REQUIRED"):
        pytest.fail(f"The scale-out test needs PostgreSQL and Redis: {reason}")
    pytest.skip(f"PostgreSQL and Redis are needed for the scale-out test: {reason}")


def _admin_connection():
    import psycopg

    url = urllib.parse.urlsplit(DATABASE_URL)
    connection = psycopg.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=urllib.parse.unquote(url.username or "postgres"),
        password=urllib.parse.unquote(url.password or "") or None,
        dbname="postgres",
        connect_timeout=3,
        autocommit=True,
    )
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
for number in range(MEMBERS):
    person(f"reader{number}@example.org", name=f"Reader {number}")
category = Category.objects.create(
    slug="diplomacy", status="published", name_ko="도시외교", name_en="Diplomacy",
)
program = Program.objects.create(
    slug="youth", status="published", category=category, title_ko="청소년 교류", title_en="Youth exchange",
)
print(json.dumps({"program": program.pk}))
"""


class Visitor:
    """A browser at ``address`` as the app servers see it through the README's nginx: one cookie jar,
    whichever server answers."""

    def __init__(self, address: str = "198.51.100.1"):
        self.cookies: dict[str, str] = {}
        self.address = address

    def request(self, port: int, method: str, path: str, form: dict | list | None = None):
        headers = {
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            "Accept-Language": "en",
        }
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


def _start_worker(env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "manage.py", "qcluster"],
        cwd=ROOT,
        env=env,
        stdout=log.open("a"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _stop(process: subprocess.Popen) -> None:
    """As systemd with ``KillMode=mixed`` stops a service: SIGTERM to the main process, which lets its
    workers finish what they hold; whatever is left after a minute is killed."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=60)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()


def _start_server(env: dict, port: int, log: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", "gunicorn.conf.py"],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}"},
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    _wait_until_up(port, process, log)
    return process


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
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        DJANGO_EMAIL_FILE_PATH=str(tmp / "mail"),
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=REDIS_URL,
        DJANGO_CACHE_KEY_PREFIX=CACHE_KEY_PREFIX,
        PORTAL_TRUSTED_PROXY_COUNT="1",
        PORTAL_DOMAIN=HOST,
        PORTAL_WORKERS="2",
        PORTAL_WORKER_POLL_SECONDS="0.2",
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

    processes: list[subprocess.Popen] = []
    workers: dict[str, subprocess.Popen] = {}
    try:
        manage("migrate", "--noinput", "-v", "0")
        manage("collectstatic", "--noinput", "-v", "0")
        setup = manage("shell", "-c", f"PASSWORD = {PASSWORD!r}\nMEMBERS = {MEMBERS}\n" + _SETUP)
        created = json.loads(setup.strip().splitlines()[-1])
        ports = {"a": _free_port(), "b": _free_port()}
        for name, port in ports.items():
            # Each app server with a worker beside it, as production runs them (README, "Workers").
            workers[name] = _start_worker(env, tmp / f"worker-{name}.log")
            processes.append(_start_server(env, port, tmp / f"gunicorn-{name}.log"))

        def restart_worker(name: str) -> None:
            _stop(workers[name])
            workers[name] = _start_worker(env, tmp / f"worker-{name}.log")

        def stop_worker(name: str) -> None:
            _stop(workers[name])

        yield {
            **ports,
            **created,
            "env": env,
            "tmp": tmp,
            "mail": tmp / "mail",
            "stop_worker": stop_worker,
            "restart_worker": restart_worker,
        }
    finally:
        for process in [*processes, *workers.values()]:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in [*processes, *workers.values()]:
            _stop(process)
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


def _sent_mail(folder: Path) -> list[email.message.Message]:
    """Every message the workers handed to the (file-based) mail server."""
    messages = []
    for path in sorted(folder.glob("*.log")) if folder.exists() else []:
        for chunk in path.read_text().split("-" * 79 + "\n"):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk.encode()))
    return messages


def _wait_for_outbox(port: int, *, expected: int, folder: Path) -> dict:
    """Until the outbox holds nothing to send and ``expected`` messages were written (or a minute passed)."""
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        _response, body = Visitor().get(port, "/health/")
        health = json.loads(body)
        if health["mail"]["waiting"] == 0 and len(_sent_mail(folder)) >= expected:
            return health
        time.sleep(0.5)
    return health


def _ask_for_reset(port: int, number: int) -> None:
    visitor = Visitor(address=f"203.0.113.{number + 10}")
    response, html = visitor.get(port, "/en/accounts/password/reset/")
    assert response.status == 200
    fields = dict(_form_fields(html))
    response, _html = visitor.post(
        port, "/en/accounts/password/reset/", {**fields, "email": f"reader{number}@example.org"}
    )
    assert response.status == 302


def test_workers_beside_both_servers_send_every_mail_exactly_once(servers):
    a, b = servers["a"], servers["b"]
    half = MEMBERS // 2
    for number in range(half):
        _ask_for_reset(a if number % 2 else b, number)
    # A worker restarts while mail is being sent (a deployment, say): nothing is lost or sent twice.
    servers["restart_worker"]("a")
    for number in range(half, MEMBERS - 2):
        _ask_for_reset(a if number % 2 else b, number)
    # With one worker stopped, the other takes all the mail.
    servers["stop_worker"]("b")
    for number in range(MEMBERS - 2, MEMBERS):
        _ask_for_reset(b, number)
    servers["restart_worker"]("b")

    health = _wait_for_outbox(a, expected=MEMBERS, folder=servers["mail"])
    assert health["mail"] == {"waiting": 0, "oldest_seconds": 0, "failed": 0}
    time.sleep(3)  # any late second delivery would show up now
    sent = _sent_mail(servers["mail"])
    recipients = sorted(message["To"] for message in sent)
    assert recipients == sorted(f"reader{number}@example.org" for number in range(MEMBERS))
    assert len({message["Message-ID"] for message in sent}) == MEMBERS
    for message in sent:
        # In the member's language (Korean), linking to the configured address, not to the app server.
        body = message.get_payload(decode=True).decode()
        assert f"https://{HOST}/ko/accounts/password/reset/key/" in body


def test_login_limits_see_each_client_through_the_proxy(servers):
    a, b = servers["a"], servers["b"]
    attacker = Visitor(address="203.0.113.66")
    for attempt in range(6):
        response, html = attacker.get(a if attempt % 2 else b, "/en/accounts/login/")
        fields = dict(_form_fields(html))
        response, _html = attacker.post(
            a if attempt % 2 else b,
            "/en/accounts/login/",
            {**fields, "login": "reader0@example.org", "password": "guess"},
        )
    # Held on both servers: the counts are shared.
    assert response.status == 429
    assert int(response.getheader("Retry-After")) > 0
    # Other clients, through either server, are not.
    for port, address in ((a, "198.51.100.31"), (b, "198.51.100.32")):
        _log_in(
            Visitor(address=address),
            port,
            "/en/accounts/login/",
            {"login": "reader1@example.org", "password": PASSWORD},
        )


def test_sessions_survive_losing_everything_in_redis(servers):
    a, b = servers["a"], servers["b"]
    visitor = Visitor()
    _log_in(visitor, a, "/en/accounts/login/", {"login": "member@example.org", "password": PASSWORD})
    _clear_redis()  # a Redis restart without persistence
    response, html = visitor.get(b, "/en/accounts/email/")
    assert response.status == 200
    assert "member@example.org" in html


def test_a_server_whose_redis_is_down_keeps_serving(servers):
    env = {**servers["env"], "REDIS_URL": f"redis://127.0.0.1:{_free_port()}/0"}  # nobody listens there
    port = _free_port()
    server = _start_server(env, port, servers["tmp"] / "gunicorn-no-redis.log")
    try:
        response, body = Visitor().get(port, "/health/")
        assert response.status == 200
        health = json.loads(body)
        assert health["status"] == "degraded"
        assert health["checks"]["cache"] == "error"
        assert health["checks"]["database"] == "ok"
        response, html = Visitor().get(port, "/en/programs/youth/")
        assert response.status == 200
        visitor = Visitor(address="198.51.100.40")
        _log_in(visitor, port, "/en/accounts/login/", {"login": "member@example.org", "password": PASSWORD})
        response, html = visitor.get(port, "/en/accounts/email/")
        assert response.status == 200 and "member@example.org" in html
    finally:
        _stop(server)
