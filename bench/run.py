"""``make bench``: the portal under load, as deployed (gunicorn, production settings, PostgreSQL, Redis).

1. Recreates a PostgreSQL database of its own and loads the seed plus generated programs and events.
2. Starts gunicorn with ``gunicorn.conf.py`` and the production settings, on a free loopback port.
3. Loads every public page in every language, and the health check, with wrk (16 connections): requests
   per second, p50 and p99 latency and throughput relative to the health check; first as visitors get
   them (from the shared page cache), then rendered every time (page cache off).
4. Registers distinct logged-in members for one event, over HTTP, from 16 threads: writes per second.
5. Weighs the home page: HTML, CSS and JS as sent compressed.
6. Loads the staff desk of a call with 5,000 applications (a logged-in superuser, in Korean).

Prints its figures and asserts nothing. Settings by environment: BENCH_DATABASE_URL, BENCH_REDIS_URL,
BENCH_DURATION (seconds per page), BENCH_CONNECTIONS, BENCH_PROGRAMS, BENCH_EVENTS, BENCH_MEMBERS,
BENCH_PARTS (some of ``pages,weight,registrations,rendered,desk``), BENCH_DESK_APPLICATIONS,
GUNICORN_WORKERS, GUNICORN_THREADS.
All traffic stays on 127.0.0.1.
"""

import gzip
import json
import os
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import sys
import threading
import time
import urllib.parse
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SERVER_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/busan_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
CACHE_KEY_PREFIX = "bench"
DURATION = int(os.environ.get("BENCH_DURATION", "4"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
WRITERS = int(os.environ.get("BENCH_WRITERS", "16"))
PAGE_BUDGET = 60 * 1024
PARTS = os.environ.get("BENCH_PARTS", "pages,weight,registrations,rendered,desk").split(",")
RESULTS = ROOT / "bench" / "results"


def say(text: str) -> None:
    print(text, flush=True)


def ensure_wrk() -> str:
    wrk = shutil.which("wrk")
    if wrk:
        return wrk
    say("Installing wrk (Debian package) ...")
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
    wrk = shutil.which("wrk")
    if not wrk:
        subprocess.run(["apt-get", "update", "-qq"], check=True, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)
        wrk = shutil.which("wrk")
    return wrk


def recreate_database() -> None:
    import psycopg2

    url = urllib.parse.urlsplit(SERVER_URL)
    connection = psycopg2.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=urllib.parse.unquote(url.username or "postgres"),
        password=urllib.parse.unquote(url.password or "") or None,
        dbname="postgres",
    )
    connection.autocommit = True
    name = url.path.lstrip("/")
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def clear_cache() -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{CACHE_KEY_PREFIX}:*"))
    if keys:
        client.delete(*keys)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(port: int, **extra) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="busan_exchange.settings.production",
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_CACHE_KEY_PREFIX=CACHE_KEY_PREFIX,
        DATABASE_URL=SERVER_URL,
        REDIS_URL=REDIS_URL,
        GUNICORN_BIND=f"127.0.0.1:{port}",
        # The address the load comes to, as production names its own (pages are cached for that host only).
        PORTAL_DOMAIN=f"127.0.0.1:{port}",
        GUNICORN_ACCESSLOG="",  # a line per request of a load test is no log anybody reads
    )
    env.update(extra)
    return env


SECRET_KEY = secrets.token_urlsafe(50)


def run(args: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        say(result.stdout + result.stderr)
        raise SystemExit(f"failed: {' '.join(args)}")
    return result.stdout


class Server:
    def __init__(self, **extra_env):
        self.port = free_port()
        self.env = environment(self.port, **extra_env)
        self.log = RESULTS / f"gunicorn-{self.port}.log"
        self.process = subprocess.Popen(
            [str(Path(PYTHON).with_name("gunicorn")), "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn stopped:\n{self.log.read_text()[-3000:]}")
            try:
                if get(self.port, "/health/")[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise SystemExit("gunicorn did not answer /health/ within 60 s")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def get(port: int, path: str, headers: dict | None = None) -> tuple[int, dict, bytes]:
    connection = HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * _UNITS[unit]


def wrk(wrk_bin: str, url: str, headers: dict | None = None) -> dict:
    extra = [arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")]
    result = subprocess.run(
        [wrk_bin, "-t", "2", "-c", str(CONNECTIONS), "-d", f"{DURATION}s", "--latency", *extra, url],
        capture_output=True,
        text=True,
        check=True,
    )
    out = result.stdout
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+(?:us|ms|s))$", out, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)$", out, re.MULTILINE)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": _ms(percentiles["50"]) if "50" in percentiles else float("nan"),
        "p99": _ms(percentiles["99"]) if "99" in percentiles else float("nan"),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
        "output": out if not percentiles else "",
    }


def load_pages(wrk_bin: str, server: Server, pages: list[dict], title: str) -> list[dict]:
    for page in pages:  # warm up: first renders, database connections, the page cache
        for _ in range(3):
            status, _headers, _body = get(server.port, page["path"])
            assert status == 200, (page, status)
    health = wrk(wrk_bin, server.url + "/health/")
    rows = [{"name": "health", **health}]
    for page in pages:
        rows.append({"name": page["name"], **wrk(wrk_bin, server.url + page["path"])})
    say(f"\n{title}")
    say(f"{'page':<28} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'vs health':>10} {'errors':>7}")
    for row in rows:
        row["ratio"] = row["rps"] / health["rps"] if health["rps"] else 0.0
        say(
            f"{row['name']:<28} {row['rps']:>9.0f} {row['p50']:>8.2f} {row['p99']:>8.2f} "
            f"{row['ratio']:>9.0%} {row['errors']:>7}"
        )
    worst = min(rows[1:], key=lambda r: r["ratio"])
    slowest = max(rows, key=lambda r: r["p99"])
    say(
        f"lowest ratio: {worst['name']} {worst['ratio']:.0%} (target >= 50%); "
        f"highest p99: {slowest['name']} {slowest['p99']:.1f} ms (target < 50 ms)"
    )
    return rows


def register(server: Server, prepared: dict) -> dict:
    """Each session registers once for the same event: distinct members, one popular event."""
    sessions = list(prepared["sessions"])
    path = prepared["register_path"]
    lock = threading.Lock()
    outcome = {"ok": 0, "errors": 0, "statuses": {}}
    origin = server.url

    def writer():
        connection = HTTPConnection("127.0.0.1", server.port, timeout=30)
        alphabet = string.ascii_letters + string.digits
        while True:
            with lock:
                if not sessions:
                    break
                key = sessions.pop()
            token = "".join(secrets.choice(alphabet) for _ in range(32))
            body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "message": "I would like to come."})
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"{prepared['session_cookie']}={key}; {prepared['csrf_cookie']}={token}",
                "Origin": origin,
                "Referer": origin + path,
            }
            try:
                connection.request("POST", path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except OSError:
                connection.close()
                connection = HTTPConnection("127.0.0.1", server.port, timeout=30)
                status = "connection error"
            with lock:
                outcome["statuses"][status] = outcome["statuses"].get(status, 0) + 1
                if status == 302:
                    outcome["ok"] += 1
                else:
                    outcome["errors"] += 1
        connection.close()

    threads = [threading.Thread(target=writer) for _ in range(WRITERS)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    outcome["seconds"] = elapsed
    outcome["per_second"] = outcome["ok"] / elapsed
    counted = run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "-c",
            "from registrations.models import Registration as R; "
            "print(R.objects.filter(event__slug='bench-popular-event', status='confirmed').count(), "
            "R.objects.filter(event__slug='bench-popular-event', status='waitlisted').count())",
        ],
        server.env,
    ).split()
    outcome["confirmed"], outcome["waitlisted"] = int(counted[-2]), int(counted[-1])
    say(
        f"\nRegistrations: {outcome['ok']} members registered for one event in {elapsed:.1f} s from "
        f"{WRITERS} threads = {outcome['per_second']:.0f} writes/s (target >= 100), "
        f"errors: {outcome['errors']} {outcome['statuses'] if outcome['errors'] else ''}"
    )
    say(
        f"  in the database: {outcome['confirmed']} confirmed (capacity {prepared['capacity']}), "
        f"{outcome['waitlisted']} on the waiting list"
    )
    return outcome


def page_weight(server: Server) -> dict:
    status, _headers, html = get(server.port, "/en/")
    assert status == 200
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    weight = {"html": len(html), "html_gzip": len(gzip.compress(html, compresslevel=6)), "assets": {}}
    for asset in dict.fromkeys(a.decode() for a in assets):
        status, headers, body = get(server.port, asset, {"Accept-Encoding": "br, gzip"})
        assert status == 200, asset
        weight["assets"][asset] = {
            "bytes": len(body),
            "encoding": headers.get("Content-Encoding", "identity"),
        }
    total = weight["html_gzip"] + sum(a["bytes"] for a in weight["assets"].values())
    weight["total"] = total
    say(f"\nHome page weight (compressed as sent): HTML {weight['html_gzip'] / 1024:.1f} KB gzip")
    say(f"  ({weight['html'] / 1024:.1f} KB uncompressed)")
    for asset, info in weight["assets"].items():
        say(f"  {asset}: {info['bytes'] / 1024:.1f} KB {info['encoding']}")
    say(f"  total {total / 1024:.1f} KB of a {PAGE_BUDGET // 1024} KB budget ({total / PAGE_BUDGET:.0%})")
    return weight


def staff_desk(wrk_bin: str, server: Server, prepared: dict) -> dict:
    """The applications desk of one call, as a logged-in member of staff sees it (never cached)."""
    desk = prepared["desk"]
    headers = {"Cookie": f"{prepared['session_cookie']}={desk['session']}"}
    for _ in range(3):
        status, _headers, _body = get(server.port, desk["path"], headers)
        assert status == 200, ("staff desk", status)
    row = wrk(wrk_bin, server.url + desk["path"], headers)
    say(f"\nStaff desk of a call with {desk['applications']} applications (100 a page):")
    say(f"  {row['rps']:.0f} req/s, p50 {row['p50']:.1f} ms, p99 {row['p99']:.1f} ms, errors {row['errors']}")
    return row


def main() -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    wrk_bin = ensure_wrk()
    setup_env = environment(0)
    say(f"Database {SERVER_URL}, cache {REDIS_URL}; {CONNECTIONS} connections, {DURATION} s per page")
    recreate_database()
    clear_cache()
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], setup_env)
    run([PYTHON, "scripts/compile_messages.py"], setup_env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], setup_env)
    run([PYTHON, "manage.py", "load_seed", "-v", "0"], setup_env)
    prepared = json.loads(run([PYTHON, "bench/prepare.py"], setup_env).strip().splitlines()[-1])
    counts = prepared["counts"]
    say(
        f"Content: {counts['programs']} programs, {counts['events']} events, {counts['cities']} cities; "
        f"{len(prepared['sessions'])} logged-in members"
    )
    results = {}
    server = Server()
    say(f"gunicorn: {_gunicorn_shape(server)}; load average before: {os.getloadavg()[0]:.1f}")
    try:
        if "pages" in PARTS:
            results["cached"] = load_pages(
                wrk_bin, server, prepared["pages"], "Public pages as visitors get them (shared page cache):"
            )
        if "weight" in PARTS:
            results["weight"] = page_weight(server)
        if "registrations" in PARTS:
            results["registrations"] = register(server, prepared)
        if "desk" in PARTS:
            results["desk"] = staff_desk(wrk_bin, server, prepared)
    finally:
        server.stop()
    if "rendered" in PARTS:
        server = Server(DJANGO_PAGE_CACHE_SECONDS="0")
        try:
            results["rendered"] = load_pages(
                wrk_bin, server, prepared["pages"], "Public pages rendered on every request (page cache off):"
            )
        finally:
            server.stop()
    clear_cache()  # the members' sessions and cached pages; the database stays for a look afterwards
    out = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(results, indent=2, default=str))
    say(f"\nFigures saved to {out.relative_to(ROOT)}")


def _gunicorn_shape(server: Server) -> str:
    env = server.env
    workers = env.get("GUNICORN_WORKERS") or f"{os.cpu_count() + 1} (cores + 1)"
    return f"workers={workers}, threads={env.get('GUNICORN_THREADS', '1')}"


if __name__ == "__main__":
    main()
