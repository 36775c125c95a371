"""``make bench``: the portal under load as deployed (gunicorn, production settings, PostgreSQL, Redis),
against a bare Django view served the same way (issue 13, "Fast for everyone").

1. Prepares a PostgreSQL database for each content size (``bench/prepare.py``): size 1 is the seed plus 200
   programs, 200 events, 10,000 members and 20,000 registrations, size 10 ten times as much. Each size has
   its database (``busan_bench``, ``busan_bench_10``) and its cache key prefix; with ``BENCH_REUSE=1`` a
   database a previous run prepared at the same size is used again.
2. ``bare``: serves the bare Django site of ``bench/bare/`` (one view answering ``HttpResponse("ok")``,
   ``SecurityMiddleware`` and ``CommonMiddleware`` only) with the portal's ``gunicorn.conf.py`` (same workers,
   threads and worker class) and loads it with wrk. Its requests per second are the denominator of every
   "vs bare" ratio.
3. For each size, starts the portal with ``gunicorn.conf.py`` and the production settings on a free loopback
   port, loads ``/health/`` (the denominator of every "vs health" ratio) and runs the parts:

   - ``pages`` (first size only): every public page in every language, and the open data, as anonymous
     visitors get them (from the shared page cache). Target: >= 0.5 x bare and p99 < 50 ms.
   - ``conditional`` (first size only): a few pages asked again with the ``ETag`` (or ``Last-Modified``) of
     their first answer: the status of one such request, then wrk's req/s and the share of 304 answers.
   - ``weight`` (first size only): the home page's HTML, CSS and JS as sent compressed. Target: < 60 KB.
   - ``member``: the pages as a logged-in member gets them (never page-cached) and the member's own page,
     with the cookies a member's browser sends (the session, and the CSRF cookie set by an earlier page).
     Target: >= 0.1 x bare.
   - ``registrations``: 1,000 logged-in members register for one event over HTTP from 16 threads.
     Target: >= 200 writes/s with no error.
   - ``admin``: the staff's admin lists of registrations and of members, plain, searched and filtered, as a
     logged-in superuser: median and p95 of sequential requests. Target: p95 < 300 ms.
   - ``desk``: the applications desk of a call with 5,000 applications (wrk, as a logged-in superuser).
   - ``rendered`` (a second server, ``DJANGO_PAGE_CACHE_SECONDS=0``): every public page rendered on every
     request, what everyone gets right after an edit. Target: >= 0.1 x bare.

4. Compares the rendered pages (``member`` and ``rendered``) of the smallest and the largest size side by
   side. Target: large >= 0.67 x small (within 1.5x).
5. Prints a summary table in Markdown (for the README) and saves every figure in ``bench/results/``.

Before each part it prints the load average and the share of CPU busy over one second, and warns loudly when
the load average is above 0.5: only figures from an idle machine mean something. It asserts nothing.

Settings by environment: BENCH_SCALE (sizes, default ``1,10``), BENCH_REUSE (``1``: reuse prepared
databases), BENCH_PARTS (some of ``bare,pages,conditional,weight,member,registrations,admin,desk,rendered``;
all by default), BENCH_DURATION (seconds of wrk per page, default 3), BENCH_CONNECTIONS (16), BENCH_WRITERS
(16), BENCH_ADMIN_REQUESTS (20), BENCH_DATABASE_URL (size 1's database; size n adds ``_n`` to the name),
BENCH_REDIS_URL; prepare.py's BENCH_PROGRAMS, BENCH_EVENTS, BENCH_MEMBERS, BENCH_REGISTRATIONS (all at size
1), BENCH_REGISTRANTS, BENCH_CAPACITY, BENCH_DESK_APPLICATIONS; GUNICORN_WORKERS, GUNICORN_THREADS.
All traffic stays on 127.0.0.1.
"""

import gzip
import json
import math
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import string
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.client import HTTPConnection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BASE_DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/busan_bench")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
CACHE_KEY_PREFIX = "bench"
SCALES = sorted({int(s) for s in os.environ.get("BENCH_SCALE", "1,10").split(",") if s.strip()})
REUSE = os.environ.get("BENCH_REUSE", "").lower() in ("1", "true", "yes")
DURATION = int(os.environ.get("BENCH_DURATION", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
WRITERS = int(os.environ.get("BENCH_WRITERS", "16"))
ADMIN_REQUESTS = int(os.environ.get("BENCH_ADMIN_REQUESTS", "20"))
ALL_PARTS = "bare,pages,conditional,weight,member,registrations,admin,desk,rendered"
PARTS = os.environ.get("BENCH_PARTS", ALL_PARTS).split(",")
RESULTS = ROOT / "bench" / "results"
STATUS_SCRIPT = ROOT / "bench" / "statuses.lua"
IDLE_LOAD = 0.5

# Issue 13's targets.
CACHED_VS_BARE, CACHED_P99_MS = 0.5, 50.0
RENDERED_VS_BARE = 0.1
GROWTH = 1 / 1.5  # the large size's req/s at least this share of the small size's
ADMIN_P95_MS = 300.0
WRITES_PER_SECOND = 200.0
PAGE_BUDGET = 60 * 1024
# Pages asked again with the validators of their first answer.
CONDITIONAL_PAGES = (
    "home [en]",
    "program list [en]",
    "program detail [en]",
    "event detail [en]",
    "search [en]",
    "open data: programs",
)

SECRET_KEY = secrets.token_urlsafe(50)


def say(text: str = "") -> None:
    print(text, flush=True)


# --- The machine --------------------------------------------------------------------------------------------

LOADS: list[dict] = []


def _cpu_times() -> tuple[int, int] | None:
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return None
    return sum(fields), fields[3] + (fields[4] if len(fields) > 4 else 0)  # all, idle + iowait


def cpu_busy(seconds: float = 1.0) -> float | None:
    """The share of all cores busy over ``seconds``, while the bench itself waits."""
    before = _cpu_times()
    time.sleep(seconds)
    after = _cpu_times()
    if before is None or after is None or after[0] == before[0]:
        return None
    return 1 - (after[1] - before[1]) / (after[0] - before[0])


def check_load(part: str) -> dict:
    """Print the load average before a part; warn loudly when the machine is not idle."""
    load = os.getloadavg()[0]
    busy = cpu_busy()
    busy_text = f"{busy:.0%}" if busy is not None else "unknown"
    say(f"\n[{part}] load average {load:.2f} (1 min), CPU busy {busy_text} over the last second")
    if load > IDLE_LOAD:
        if busy is not None and busy < 0.1:
            why = "the CPU is idle now: mostly the bench's own last part, still in the 1-minute average"
        else:
            why = "something else is running on this machine"
        say("!" * 100)
        say(
            f"!!! WARNING: LOAD AVERAGE {load:.2f} > {IDLE_LOAD}: "
            f"the figures of '{part}' are not an idle machine's"
        )
        say(f"!!! ({why})")
        say("!" * 100)
    entry = {"part": part, "load": load, "cpu_busy": busy, "busy_machine": load > IDLE_LOAD}
    LOADS.append(entry)
    return entry


# --- Databases and caches -----------------------------------------------------------------------------------


@dataclass
class Size:
    """One content size: its database, its cache key prefix and what ``prepare.py`` said about it."""

    scale: int
    prepared: dict = field(default_factory=dict)
    prepare_seconds: float = 0.0

    @property
    def label(self) -> str:
        return f"{self.scale}x"

    @property
    def database_url(self) -> str:
        if self.scale == 1:
            return BASE_DATABASE_URL
        url = urllib.parse.urlsplit(BASE_DATABASE_URL)
        return urllib.parse.urlunsplit(url._replace(path=f"{url.path}_{self.scale}"))

    @property
    def database_name(self) -> str:
        return urllib.parse.urlsplit(self.database_url).path.lstrip("/")

    @property
    def cache_prefix(self) -> str:
        return CACHE_KEY_PREFIX if self.scale == 1 else f"{CACHE_KEY_PREFIX}{self.scale}"


def _postgres():
    import psycopg

    url = urllib.parse.urlsplit(BASE_DATABASE_URL)
    connection = psycopg.connect(
        host=url.hostname,
        port=url.port or 5432,
        user=urllib.parse.unquote(url.username or "postgres"),
        password=urllib.parse.unquote(url.password or "") or None,
        dbname="postgres",
        autocommit=True,
    )
    return connection


def database_exists(size: Size) -> bool:
    connection = _postgres()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [size.database_name])
            return cursor.fetchone() is not None
    finally:
        connection.close()


def recreate_database(size: Size) -> None:
    connection = _postgres()
    try:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{size.database_name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{size.database_name}"')
    finally:
        connection.close()


def clear_cache(size: Size) -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(f"{size.cache_prefix}:*"))
    if keys:
        client.delete(*keys)


# --- Processes ----------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(port: int, size: Size | None, **extra) -> dict[str, str]:
    """The production settings' environment at one size (``None``: the bare site, with no database)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))}
    env.update(
        DJANGO_SETTINGS_MODULE="busan_exchange.settings.production",
        DJANGO_SECRET_KEY=SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
        DJANGO_LOG_LEVEL="WARNING",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        # The address the load comes to, as production names its own (pages are cached for that host only).
        PORTAL_DOMAIN=f"127.0.0.1:{port}",
        GUNICORN_ACCESSLOG="",  # a line per request of a load test is no log anybody reads
    )
    if size is not None:
        env.update(
            DJANGO_CACHE_KEY_PREFIX=size.cache_prefix,
            DATABASE_URL=size.database_url,
            REDIS_URL=REDIS_URL,
            BENCH_SCALE=str(size.scale),
        )
    env.update(extra)
    return env


def run(args: list[str], env: dict[str, str], echo: bool = False) -> str:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        say(result.stdout + result.stderr)
        raise SystemExit(f"failed: {' '.join(args)}")
    if echo and result.stderr.strip():
        say(result.stderr.rstrip())
    return result.stdout


class Server:
    """gunicorn with the portal's ``gunicorn.conf.py``: the portal at one size, or (``size=None``) the bare
    site, named on the command line, which takes precedence over the file's ``wsgi_app``."""

    def __init__(self, size: Size | None, **extra_env):
        self.port = free_port()
        self.env = environment(self.port, size, **extra_env)
        self.log = RESULTS / f"gunicorn-{self.port}.log"
        app = [] if size is not None else ["bench.bare.wsgi:application"]
        ready = "/health/" if size is not None else "/"
        self.process = subprocess.Popen(
            [str(Path(PYTHON).with_name("gunicorn")), "-c", "gunicorn.conf.py", *app],
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
                if get(self.port, ready)[0] == 200:
                    return
            except OSError:
                pass
            time.sleep(0.3)
        self.stop()
        raise SystemExit(f"gunicorn did not answer {ready} within 60 s")

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
    """One request; the answer's headers with lower-case names."""
    connection = HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


# --- Load ---------------------------------------------------------------------------------------------------

_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0}


def _ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * _UNITS[unit]


def _failure(reason: str) -> dict:
    """A page that could not be measured: no figures, and why."""
    return {"rps": 0.0, "p50": math.nan, "p99": math.nan, "errors": 0, "failed": reason}


def wrk(
    wrk_bin: str, url: str, headers: dict | None = None, duration: int = DURATION, statuses=False
) -> dict:
    """wrk at ``CONNECTIONS`` connections: req/s, p50 and p99 in ms, errors (answers other than 2xx and 3xx,
    socket errors); with ``statuses``, the answers by status too (``statuses.lua``, which costs wrk a little
    time per answer, so it is used only where a 304 must be told from a 200)."""
    extra = [arg for name, value in (headers or {}).items() for arg in ("-H", f"{name}: {value}")]
    if statuses:
        extra += ["-s", str(STATUS_SCRIPT)]
    # A page slower than wrk's default 2 s timeout would count as a socket error and leave the latencies:
    # wait as long as gunicorn does.
    load = ["-t", "2", "-c", str(CONNECTIONS), "-d", f"{duration}s", "--timeout", "30s", "--latency"]
    command = [wrk_bin, *load, *extra, url]
    result = subprocess.run(command, capture_output=True, text=True)
    out = result.stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    if result.returncode != 0 or not rps:
        return _failure(f"wrk failed: {out + result.stderr}")
    answered = re.search(r"^\s+(\d+) requests in", out, re.MULTILINE)
    if answered and int(answered.group(1)) == 0:
        return _failure(f"no answer in {duration} s")
    # wrk pads some of these lines with a space ("99%    1.82s ").
    percentiles = dict(re.findall(r"^\s+(50|99)%\s+([\d.]+(?:us|ms|s))\s*$", out, re.MULTILINE))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)$", out, re.MULTILINE)
    row = {
        "requests": int(answered.group(1)) if answered else None,
        "rps": float(rps.group(1)),
        "p50": _ms(percentiles["50"]) if "50" in percentiles else math.nan,
        "p99": _ms(percentiles["99"]) if "99" in percentiles else math.nan,
        "errors": int(errors.group(1)) if errors else 0,
    }
    if socket_errors:
        row["socket_errors"] = socket_errors.group(1)
    if len(percentiles) < 2:
        row["output"] = out  # to see why, in the saved figures
    if statuses:
        counted = re.search(r"^statuses: (.*)$", out, re.MULTILINE)
        pairs = (pair.split("=") for pair in (counted.group(1).split() if counted else []))
        row["statuses"] = {int(status): int(count) for status, count in pairs}
    return row


def warm(server: Server, page: dict, headers: dict | None = None) -> tuple[int, bytes]:
    """First renders, database connections, the page cache; the last answer's status and body."""
    status, body = 0, b""
    for _ in range(3):
        status, _headers, body = get(server.port, page["path"], headers)
    return status, body


def load_page(wrk_bin: str, server: Server, page: dict, headers: dict | None = None, check=None) -> dict:
    """Load one page with wrk after a warm-up; a page that does not answer 200 is reported, not loaded."""
    status, body = warm(server, page, headers)
    row = {"name": page["name"], "path": page["path"]}
    if status != 200:
        return {**row, **_failure(f"answered {status}")}
    if check is not None and (problem := check(body)):
        row["warning"] = problem
    return {**row, **wrk(wrk_bin, server.url + page["path"], headers)}


def health(wrk_bin: str, server: Server) -> dict:
    check_load("health")
    return {"name": "health", "path": "/health/", **wrk(wrk_bin, server.url + "/health/")}


# --- Reporting ----------------------------------------------------------------------------------------------


@dataclass
class Target:
    text: str
    check: object  # (row, bare req/s) -> bool

    def judge(self, row: dict, bare: float) -> bool:
        return not row.get("failed") and bool(self.check(row, bare))


CACHED = Target(
    f"≥ {CACHED_VS_BARE} × bare, p99 < {CACHED_P99_MS:.0f} ms",
    lambda row, bare: row["rps"] >= CACHED_VS_BARE * bare and row["p99"] < CACHED_P99_MS,
)
RENDERED = Target(f"≥ {RENDERED_VS_BARE} × bare", lambda row, bare: row["rps"] >= RENDERED_VS_BARE * bare)


def annotate(rows: list[dict], bare: float, health_rps: float, target: Target | None) -> None:
    for row in rows:
        row["vs_bare"] = row["rps"] / bare if bare else math.nan
        row["vs_health"] = row["rps"] / health_rps if health_rps else math.nan
        if target is not None and row["name"] != "health":
            row["target"] = target.text
            row["meets"] = target.judge(row, bare)


def _yes(value: bool | None) -> str:
    return "—" if value is None else ("yes" if value else "NO")


def _num(value: float, digits: int = 2) -> str:
    return "—" if value is None or math.isnan(value) else f"{value:.{digits}f}"


def print_rows(title: str, rows: list[dict]) -> None:
    say(f"\n{title}")
    say(
        f"{'page':<28} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'vs bare':>8} {'vs health':>10}  "
        f"{'target':<28} {'meets':<5} {'errors':>6}"
    )
    for row in rows:
        say(
            f"{row['name']:<28} {row['rps']:>8.0f} {_num(row['p50']):>8} {_num(row['p99']):>8} "
            f"{_num(row.get('vs_bare', math.nan)):>8} {_num(row.get('vs_health', math.nan)):>10}  "
            f"{row.get('target', ''):<28} {_yes(row.get('meets')) if 'meets' in row else '':<5} "
            f"{row['errors']:>6}"
            + (f"  {row['failed']}" if row.get("failed") else "")
            + (f"  socket errors: {row['socket_errors']}" if row.get("socket_errors") else "")
            + (f"  WARNING: {row['warning']}" if row.get("warning") else "")
        )
    judged = [row for row in rows if "meets" in row]
    if judged:
        say(f"meets the target: {sum(row['meets'] for row in judged)} of {len(judged)}")


# --- Parts --------------------------------------------------------------------------------------------------


def measure_bare(wrk_bin: str) -> dict:
    check_load("bare")
    server = Server(None)
    try:
        for _ in range(3):
            status, _headers, body = get(server.port, "/")
        if status != 200 or body != b"ok":
            raise SystemExit(f"the bare site answered {status} {body[:200]!r}: see {server.log}")
        row = {
            "name": "bare Django view",
            "path": "/",
            **wrk(wrk_bin, server.url + "/", duration=2 * DURATION),
        }
    finally:
        server.stop()
    say(
        f"Bare Django view (HttpResponse('ok'), SecurityMiddleware and CommonMiddleware, same gunicorn): "
        f"{row['rps']:.0f} req/s, p50 {_num(row['p50'])} ms, p99 {_num(row['p99'])} ms, "
        f"errors {row['errors']}"
    )
    return row


def load_pages(wrk_bin: str, server: Server, pages: list[dict], part: str, headers=None, check=None) -> list:
    check_load(part)
    return [load_page(wrk_bin, server, page, headers, check) for page in pages]


def conditional(wrk_bin: str, server: Server, prepared: dict, bare: float, health_rps: float) -> list[dict]:
    """Pages asked with the validator of their first answer: 304s per second, and their share."""
    check_load("conditional")
    by_name = {page["name"]: page for page in prepared["pages"]}
    rows = []
    say("\nConditional requests (If-None-Match, or If-Modified-Since without an ETag), page cache on:")
    say(
        f"{'page':<28} {'validator':<14} {'status':>6} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} "
        f"{'vs bare':>8} {'vs health':>10} {'304 share':>10}  meets (all 304)"
    )
    for name in CONDITIONAL_PAGES:
        if name not in by_name:
            continue
        page = by_name[name]
        warm(server, page)
        status, headers, _body = get(server.port, page["path"])
        row = {"name": name, "path": page["path"], "first_status": status}
        if headers.get("etag"):
            row["validator"], condition = "ETag", {"If-None-Match": headers["etag"]}
        elif headers.get("last-modified"):
            row["validator"], condition = "Last-Modified", {"If-Modified-Since": headers["last-modified"]}
        else:
            row.update(validator=None, meets=False, note="no ETag")
            say(f"{name:<28} {'no ETag':<14} {status:>6}  (nor Last-Modified: not loaded)")
            rows.append(row)
            continue
        row["condition"] = condition
        row["status"] = get(server.port, page["path"], condition)[0]
        row.update(wrk(wrk_bin, server.url + page["path"], condition, statuses=True))
        answers = sum(row.get("statuses", {}).values())
        row["share_304"] = row.get("statuses", {}).get(304, 0) / answers if answers else 0.0
        row["vs_bare"] = row["rps"] / bare if bare else math.nan
        row["vs_health"] = row["rps"] / health_rps if health_rps else math.nan
        row["meets"] = row["status"] == 304 and row["share_304"] == 1.0
        say(
            f"{name:<28} {row['validator']:<14} {row['status']:>6} {row['rps']:>8.0f} {_num(row['p50']):>8} "
            f"{_num(row['p99']):>8} "
            f"{_num(row['vs_bare']):>8} {_num(row['vs_health']):>10} {row['share_304']:>10.1%}  "
            f"{_yes(row['meets'])}  statuses {row.get('statuses', {})}"
            + (f" {row['failed']}" if "failed" in row else "")
        )
        rows.append(row)
    return rows


def page_weight(server: Server) -> dict:
    check_load("weight")
    status, _headers, html = get(server.port, "/en/")
    weight = {"status": status, "html": len(html), "html_gzip": len(gzip.compress(html, compresslevel=6))}
    weight["assets"] = {}
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html)
    for asset in dict.fromkeys(a.decode() for a in assets):
        asset_status, headers, body = get(server.port, asset, {"Accept-Encoding": "br, gzip"})
        weight["assets"][asset] = {
            "status": asset_status,
            "bytes": len(body),
            "encoding": headers.get("content-encoding", "identity"),
        }
    total = weight["html_gzip"] + sum(a["bytes"] for a in weight["assets"].values())
    weight.update(
        total=total, target=f"< {PAGE_BUDGET // 1024} KB", meets=total < PAGE_BUDGET and status == 200
    )
    say(f"\nHome page weight (compressed as sent): HTML {weight['html_gzip'] / 1024:.1f} KB gzip")
    say(f"  ({weight['html'] / 1024:.1f} KB uncompressed)")
    for asset, info in weight["assets"].items():
        say(f"  {asset}: {info['bytes'] / 1024:.1f} KB {info['encoding']}")
    say(
        f"  total {total / 1024:.1f} KB of a {PAGE_BUDGET // 1024} KB budget ({total / PAGE_BUDGET:.0%}); "
        f"meets: {_yes(weight['meets'])}"
    )
    return weight


def _csrf_secret() -> str:
    """A CSRF cookie as Django sets it: 32 letters and digits (the form sends it back as its token)."""
    return "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))


def register(server: Server, prepared: dict, bare: float, health_rps: float) -> dict:
    """Each session registers once for the same event: distinct members, one popular event."""
    check_load("registrations")
    sessions = list(prepared["sessions"])
    path = prepared["register_path"]
    lock = threading.Lock()
    outcome = {"ok": 0, "errors": 0, "statuses": {}}
    latencies: list[float] = []
    origin = server.url

    def writer():
        connection = HTTPConnection("127.0.0.1", server.port, timeout=30)
        while True:
            with lock:
                if not sessions:
                    break
                key = sessions.pop()
            token = _csrf_secret()
            body = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "message": "I would like to come."})
            headers = {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"{prepared['session_cookie']}={key}; {prepared['csrf_cookie']}={token}",
                "Origin": origin,
                "Referer": origin + path,
            }
            started = time.perf_counter()
            try:
                connection.request("POST", path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
            except OSError:
                connection.close()
                connection = HTTPConnection("127.0.0.1", server.port, timeout=30)
                status = "connection error"
            elapsed_ms = (time.perf_counter() - started) * 1000
            with lock:
                latencies.append(elapsed_ms)
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
    latencies.sort()
    outcome["p50"] = statistics.median(latencies) if latencies else math.nan
    outcome["p99"] = latencies[max(0, math.ceil(0.99 * len(latencies)) - 1)] if latencies else math.nan
    outcome["vs_bare"] = outcome["per_second"] / bare if bare else math.nan
    outcome["vs_health"] = outcome["per_second"] / health_rps if health_rps else math.nan
    outcome["target"] = f"≥ {WRITES_PER_SECOND:.0f} writes/s, no error"
    outcome["meets"] = outcome["per_second"] >= WRITES_PER_SECOND and outcome["errors"] == 0
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
        f"{WRITERS} threads = {outcome['per_second']:.0f} writes/s ({outcome['target']}: "
        f"{_yes(outcome['meets'])}), errors: {outcome['errors']} "
        f"{outcome['statuses'] if outcome['errors'] else ''}"
    )
    say(
        f"  p50 {_num(outcome['p50'])} ms, p99 {_num(outcome['p99'])} ms, "
        f"vs bare {_num(outcome['vs_bare'])}, vs health {_num(outcome['vs_health'])}; "
        f"in the database: {outcome['confirmed']} confirmed "
        f"(capacity {prepared['capacity']}), {outcome['waitlisted']} on the waiting list"
    )
    return outcome


def admin_lists(server: Server, prepared: dict, size: Size) -> list[dict]:
    """The admin's lists, one request after another as a member of staff clicks: median and p95 in ms."""
    check_load("admin")
    headers = {"Cookie": f"{prepared['session_cookie']}={prepared['staff_session']}"}
    rows = []
    say(
        f"\nStaff admin lists at size {size.label} "
        f"({ADMIN_REQUESTS} sequential requests each, logged-in superuser):"
    )
    say(f"{'list':<26} {'median ms':>10} {'p95 ms':>8} {'max ms':>8}  {'target':<16} meets  path")
    for page in prepared["admin_lists"]:
        row = {"name": page["name"], "path": page["path"], "target": f"p95 < {ADMIN_P95_MS:.0f} ms"}
        status, _body = warm(server, page, headers)
        if status != 200:
            row.update(failed=f"answered {status}", meets=False)
            say(f"{page['name']:<26} failed: answered {status}  {page['path']}")
            rows.append(row)
            continue
        times, statuses = [], {}
        for _ in range(ADMIN_REQUESTS):
            started = time.perf_counter()
            status, _headers, _body = get(server.port, page["path"], headers)
            times.append((time.perf_counter() - started) * 1000)
            statuses[status] = statuses.get(status, 0) + 1
        times.sort()
        row.update(
            median=statistics.median(times),
            p95=times[max(0, math.ceil(0.95 * len(times)) - 1)],
            max=times[-1],
            statuses=statuses,
        )
        row["meets"] = row["p95"] < ADMIN_P95_MS and set(statuses) == {200}
        say(
            f"{page['name']:<26} {row['median']:>10.0f} {row['p95']:>8.0f} {row['max']:>8.0f}  "
            f"{row['target']:<16} {_yes(row['meets']):<5}  {page['path']}"
            + ("" if set(statuses) == {200} else f"  statuses {statuses}")
        )
        rows.append(row)
    return rows


def staff_desk(wrk_bin: str, server: Server, prepared: dict, bare: float, health_rps: float) -> dict:
    """The applications desk of one call, as a logged-in member of staff sees it (never cached)."""
    check_load("desk")
    desk = prepared["desk"]
    headers = {"Cookie": f"{prepared['session_cookie']}={desk['session']}"}
    row = load_page(wrk_bin, server, {"name": "applications desk", "path": desk["path"]}, headers)
    annotate([row], bare, health_rps, None)
    say(f"\nStaff desk of a call with {desk['applications']} applications (100 a page, wrk):")
    say(
        f"  {row['rps']:.0f} req/s, p50 {_num(row['p50'], 1)} ms, p99 {_num(row['p99'], 1)} ms, "
        f"vs bare {_num(row['vs_bare'])}, vs health {_num(row['vs_health'])}, errors {row['errors']}"
        + (f" {row['failed']}" if row.get("failed") else "")
    )
    return row


def _member_cookies(prepared: dict) -> str:
    """What a logged-in member's browser sends: the session, and the CSRF cookie the first page with a form
    set (every page a member gets has the logout form), which the browser then sends back with every page."""
    session = f"{prepared['session_cookie']}={prepared['member_session']}"
    return f"{session}; {prepared['csrf_cookie']}={_csrf_secret()}"


def _member_check(prepared: dict):
    logout = prepared["logout_path"].encode()

    def check(body: bytes) -> str | None:
        return None if logout in body else "the page has no logout button: is the member still logged in?"

    return check


def run_size(wrk_bin: str, size: Size, first: bool, bare: float) -> dict:
    """Every part at one content size."""
    prepared = size.prepared
    out: dict = {
        "counts": prepared["counts"],
        "prepare_seconds": size.prepare_seconds,
        "reused": prepared.get("reused", False),
    }
    say(f"\n{'=' * 40} Size {size.label}: database {size.database_name} {'=' * 40}")
    server_parts = {"pages", "conditional", "weight"} if first else set()
    server_parts |= {"member", "registrations", "admin", "desk"}
    if server_parts & set(PARTS):
        server = Server(size)
        say(f"gunicorn: {_gunicorn_shape(server)}")
        try:
            row = health(wrk_bin, server)
            annotate([row], bare, row["rps"], None)
            out["health"] = row
            print_rows(f"Health check ({size.label}):", [row])
            health_rps = row["rps"]
            if first and "pages" in PARTS:
                rows = load_pages(wrk_bin, server, prepared["pages"], "pages")
                annotate(rows, bare, health_rps, CACHED)
                print_rows(
                    f"Public pages as visitors get them, from the shared page cache ({size.label}):", rows
                )
                out["cached"] = rows
            if first and "conditional" in PARTS:
                out["conditional"] = conditional(wrk_bin, server, prepared, bare, health_rps)
            if first and "weight" in PARTS:
                out["weight"] = page_weight(server)
            if "member" in PARTS:
                headers = {"Cookie": _member_cookies(prepared)}
                rows = load_pages(
                    wrk_bin, server, prepared["member_pages"], "member", headers, _member_check(prepared)
                )
                annotate(rows, bare, health_rps, RENDERED)
                print_rows(f"Pages as a logged-in member gets them, never page-cached ({size.label}):", rows)
                out["member"] = rows
            if "registrations" in PARTS:
                out["registrations"] = register(server, prepared, bare, health_rps)
            if "admin" in PARTS:
                out["admin"] = admin_lists(server, prepared, size)
            if "desk" in PARTS:
                out["desk"] = staff_desk(wrk_bin, server, prepared, bare, health_rps)
        finally:
            server.stop()
    if "rendered" in PARTS:
        server = Server(size, DJANGO_PAGE_CACHE_SECONDS="0")
        try:
            row = health(wrk_bin, server)
            annotate([row], bare, row["rps"], None)
            out["rendered_health"] = row
            rows = load_pages(wrk_bin, server, prepared["pages"], "rendered")
            annotate(rows, bare, row["rps"], RENDERED)
            print_rows(
                f"Public pages rendered on every request, page cache off ({size.label}):", [row, *rows]
            )
            out["rendered"] = rows
        finally:
            server.stop()
    return out


def growth(sizes: list[Size], results: dict) -> list[dict]:
    """The rendered pages at the smallest and the largest size, side by side."""
    if len(sizes) < 2:
        return []
    small, large = sizes[0], sizes[-1]
    a, b = results["sizes"][small.label], results["sizes"][large.label]
    rows = []
    for part, title in (("member", "logged-in member"), ("rendered", "page cache off")):
        if part not in a or part not in b:
            continue
        large_rows = {row["name"]: row for row in b[part]}
        for row in a[part]:
            other = large_rows.get(row["name"])
            if other is None:
                continue
            ratio = other["rps"] / row["rps"] if row["rps"] else math.nan
            rows.append(
                {
                    "part": part,
                    "kind": title,
                    "name": row["name"],
                    "small_rps": row["rps"],
                    "large_rps": other["rps"],
                    "small_p99": row["p99"],
                    "large_p99": other["p99"],
                    "ratio": ratio,
                    "large_vs_bare": other.get("vs_bare", math.nan),
                    "meets": not math.isnan(ratio) and ratio >= GROWTH,
                }
            )
    if rows:
        s, g = small.label, large.label
        say(f"\nCost as work grows: rendered pages at size {s} and {g} (target: {g} ≥ {GROWTH:.2f} × {s}):")
        say(
            f"{'page':<28} {'kind':<17} {s + ' req/s':>10} {g + ' req/s':>10} {g + '/' + s:>8} "
            f"{s + ' p99':>8} {g + ' p99':>8}  meets"
        )
        for row in rows:
            say(
                f"{row['name']:<28} {row['kind']:<17} {row['small_rps']:>10.0f} {row['large_rps']:>10.0f} "
                f"{_num(row['ratio']):>8} {_num(row['small_p99'], 1):>8} {_num(row['large_p99'], 1):>8}  "
                f"{_yes(row['meets'])}"
            )
        say(f"meets the target: {sum(row['meets'] for row in rows)} of {len(rows)}")
    return rows


# --- Summary ------------------------------------------------------------------------------------------------


def _group_row(what: str, rows: list[dict], target: str) -> dict | None:
    """One line for a group of pages: its lowest req/s and its highest p99, and how many meet the target."""
    rows = [row for row in rows if row.get("name") != "health"]
    if not rows:
        return None
    lowest = min(rows, key=lambda row: row["rps"])
    highest = max(rows, key=lambda row: -1 if math.isnan(row["p99"]) else row["p99"])
    met = sum(bool(row.get("meets")) for row in rows)
    return {
        "what": f"{what}, {_pages(len(rows))} (lowest: {lowest['name']}; highest p99: {highest['name']})",
        "rps": f"{lowest['rps']:.0f}",
        "vs_bare": _num(lowest.get("vs_bare", math.nan)),
        "vs_health": _num(lowest.get("vs_health", math.nan)),
        "p99": _ms_text(highest["p99"]),
        "target": target,
        "meets": f"{'yes' if met == len(rows) else 'NO'} ({met} of {len(rows)})",
    }


def _pages(count: int) -> str:
    return f"{count} page" if count == 1 else f"{count} pages"


def _ms_text(value: float) -> str:
    return "—" if value is None or math.isnan(value) else f"{value:.1f} ms"


def _single_row(what: str, row: dict, target: str = "—") -> dict:
    return {
        "what": what,
        "rps": f"{row['rps']:.0f}",
        "vs_bare": _num(row.get("vs_bare", math.nan)),
        "vs_health": _num(row.get("vs_health", math.nan)),
        "p99": _ms_text(row["p99"]),
        "target": target,
        "meets": _yes(row["meets"]) if "meets" in row else "—",
    }


def summary(results: dict, sizes: list[Size]) -> list[dict]:
    bare = results.get("bare", {}).get("rps", 0.0)
    lines: list[dict | None] = []
    if "bare" in results:
        first = results["sizes"].get(sizes[0].label, {}) if sizes else {}
        health_rps = first.get("health", {}).get("rps", 0.0)
        row = {**results["bare"], "vs_bare": 1.0, "vs_health": bare / health_rps if health_rps else math.nan}
        lines.append(_single_row('bare Django view (`HttpResponse("ok")`)', row))
    for size in sizes:
        out = results["sizes"].get(size.label, {})
        label = size.label
        if "health" in out:
            lines.append(_single_row(f"health check ({label})", out["health"]))
        if "cached" in out:
            lines.append(_group_row(f"page cache, anonymous ({label})", out["cached"], CACHED.text))
        if "conditional" in out:
            answered = [row for row in out["conditional"] if row.get("validator")]
            missing = [row["name"] for row in out["conditional"] if not row.get("validator")]
            if answered:
                lowest = min(answered, key=lambda row: row["rps"])
                lowest_share = min(row["share_304"] for row in answered)
                line = _single_row(
                    f"304 to If-None-Match, {_pages(len(answered))} "
                    f"(lowest: {lowest['name']}; lowest 304 share {lowest_share:.0%})",
                    {**lowest, "meets": all(row["meets"] for row in answered)},
                    "all answers 304",
                )
                lines.append(line)
            if missing:
                lines.append(
                    {
                        "what": f"304: no ETag on {', '.join(missing)}",
                        **dict.fromkeys(("rps", "vs_bare", "vs_health", "p99"), "—"),
                        "target": "an ETag",
                        "meets": f"NO ({len(missing)} of {len(out['conditional'])} pages)",
                    }
                )
        if "member" in out:
            my_page = [row for row in out["member"] if row["name"].startswith("my page")]
            others = [row for row in out["member"] if not row["name"].startswith("my page")]
            lines.append(_group_row(f"rendered for a logged-in member ({label})", others, RENDERED.text))
            for row in my_page:
                lines.append(_single_row(f"my page, logged-in member ({label})", row, RENDERED.text))
        if "rendered" in out:
            lines.append(_group_row(f"rendered, page cache off ({label})", out["rendered"], RENDERED.text))
        if "registrations" in out:
            writes = out["registrations"]
            lines.append(
                {
                    "what": f"registration writes over HTTP, {WRITERS} threads ({label}), "
                    f"{writes['errors']} errors",
                    "rps": f"{writes['per_second']:.0f}",
                    "vs_bare": _num(writes["vs_bare"]),
                    "vs_health": _num(writes["vs_health"]),
                    "p99": _ms_text(writes["p99"]),
                    "target": writes["target"],
                    "meets": _yes(writes["meets"]),
                }
            )
        for row in out.get("admin", []):
            lines.append(
                {
                    "what": f"admin list: {row['name']} ({label}; median {_num(row.get('median'), 0)} ms)",
                    "rps": "—",
                    "vs_bare": "—",
                    "vs_health": "—",
                    "p99": f"p95 {_num(row['p95'], 0)} ms" if "p95" in row else row.get("failed", "—"),
                    "target": row["target"],
                    "meets": _yes(row["meets"]),
                }
            )
        if "desk" in out:
            lines.append(_single_row(f"applications desk, 5,000 applications ({label})", out["desk"]))
        if "weight" in out:
            weight = out["weight"]
            lines.append(
                {
                    "what": f"home page weight, compressed: {weight['total'] / 1024:.1f} KB",
                    **dict.fromkeys(("rps", "vs_bare", "vs_health", "p99"), "—"),
                    "target": weight["target"],
                    "meets": _yes(weight["meets"]),
                }
            )
    if results.get("growth"):
        rows = results["growth"]
        small, large = sizes[0].label, sizes[-1].label
        for part in ("member", "rendered"):
            group = [row for row in rows if row["part"] == part]
            if not group:
                continue
            worst = min(group, key=lambda row: -1 if math.isnan(row["ratio"]) else row["ratio"])
            met = sum(row["meets"] for row in group)
            lines.append(
                {
                    "what": f"{worst['kind']} at {large} vs {small}: lowest {large}/{small} "
                    f"{_num(worst['ratio'])} ({worst['name']}), {_pages(len(group))}",
                    "rps": f"{worst['large_rps']:.0f}",
                    "vs_bare": _num(worst["large_vs_bare"]),
                    "vs_health": "—",
                    "p99": _ms_text(worst["large_p99"]),
                    "target": f"{large} ≥ {GROWTH:.2f} × {small}",
                    "meets": f"{'yes' if met == len(group) else 'NO'} ({met} of {len(group)})",
                }
            )
    lines = [line for line in lines if line]
    say("\nSummary (Markdown; req/s and p99 are the group's lowest and highest; ratios are of the lowest):\n")
    say("| what | req/s | vs bare | vs health | p99 | target | meets |")
    say("|---|---:|---:|---:|---:|---|---|")
    for line in lines:
        cells = [line[key] for key in ("what", "rps", "vs_bare", "vs_health", "p99", "target", "meets")]
        say("| " + " | ".join(cells) + " |")
    return lines


# --- Main ---------------------------------------------------------------------------------------------------


def ensure_wrk() -> str:
    wrk_bin = shutil.which("wrk")
    if wrk_bin:
        return wrk_bin
    say("Installing wrk (Debian package) ...")
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, capture_output=True)
    wrk_bin = shutil.which("wrk")
    if not wrk_bin:
        subprocess.run(["apt-get", "update", "-qq"], check=True, capture_output=True)
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=True, capture_output=True)
        wrk_bin = shutil.which("wrk")
    return wrk_bin


def prepare(size: Size) -> None:
    """The size's database, reused when asked and possible, else made afresh; then fresh sessions."""
    env = environment(0, size)
    started = time.perf_counter()
    clear_cache(size)
    if REUSE and database_exists(size):
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], env)
        prepared = json.loads(run([PYTHON, "bench/prepare.py", "--reuse"], env).strip().splitlines()[-1])
        if prepared.get("reusable", True):
            size.prepared, size.prepare_seconds = prepared, time.perf_counter() - started
            say(f"Size {size.label}: reusing {size.database_name} ({size.prepare_seconds:.0f} s to reset it)")
            return
        say(f"Size {size.label}: {size.database_name} does not hold this size's content; preparing it afresh")
    say(f"Size {size.label}: preparing {size.database_name} ...")
    recreate_database(size)
    run([PYTHON, "manage.py", "migrate", "--noinput", "-v", "0"], env)
    run([PYTHON, "manage.py", "load_seed", "-v", "0"], env)
    size.prepared = json.loads(run([PYTHON, "bench/prepare.py"], env, echo=True).strip().splitlines()[-1])
    size.prepare_seconds = time.perf_counter() - started
    say(f"Size {size.label}: prepared in {size.prepare_seconds:.0f} s (database, migrations, seed, content)")


def main() -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    wrk_bin = ensure_wrk()
    sizes = [Size(scale) for scale in SCALES]
    say(
        f"Sizes {', '.join(s.label for s in sizes)}; cache {REDIS_URL}; {CONNECTIONS} connections, "
        f"{DURATION} s per page; parts: {','.join(PARTS)}; {os.cpu_count()} cores"
    )
    started = time.perf_counter()
    results: dict = {
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
        "settings": {
            "duration": DURATION,
            "connections": CONNECTIONS,
            "writers": WRITERS,
            "admin_requests": ADMIN_REQUESTS,
            "parts": PARTS,
            "scales": SCALES,
            "cores": os.cpu_count(),
        },
        "loads": LOADS,
        "sizes": {},
    }
    check_load("start")
    first_env = environment(0, sizes[0])
    run([PYTHON, "scripts/compile_messages.py"], first_env)
    run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v", "0"], first_env)
    for size in sizes:
        prepare(size)
        counts = size.prepared["counts"]
        say(
            f"  content: {counts['published programs']} programs, {counts['published events']} events, "
            f"{counts['cities']} cities, {counts['users']} users, "
            f"{counts['all registrations']} registrations, "
            f"{counts['applications']} applications on the desk"
        )
    results["prepare_seconds"] = {size.label: size.prepare_seconds for size in sizes}
    bare = 0.0
    try:
        if "bare" in PARTS:
            results["bare"] = measure_bare(wrk_bin)
            bare = results["bare"]["rps"]
        for n, size in enumerate(sizes):
            results["sizes"][size.label] = run_size(wrk_bin, size, n == 0, bare)
        results["growth"] = growth(sizes, results)
        results["summary"] = summary(results, sizes)
    finally:
        # The members' sessions and the cached pages go; the databases stay, for a look or a rerun.
        for size in sizes:
            clear_cache(size)
        results["seconds"] = time.perf_counter() - started
        busy = [entry["part"] for entry in LOADS if entry["busy_machine"]]
        if busy:
            say(
                f"\n!!! {len(busy)} of {len(LOADS)} parts started with a load average above {IDLE_LOAD} "
                f"({', '.join(dict.fromkeys(busy))}): "
                "run again on an idle machine for figures that mean something"
            )
        out = RESULTS / f"bench-{time.strftime('%Y%m%d-%H%M%S')}.json"
        out.write_text(json.dumps(_plain(results), indent=2, default=str))
        say(f"\nFigures saved to {out.relative_to(ROOT)} ({results['seconds'] / 60:.1f} minutes in all)")


def _plain(value):
    """The figures as strict JSON: a figure that could not be measured (NaN) is null."""
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value


def _gunicorn_shape(server: Server) -> str:
    env = server.env
    workers = env.get("GUNICORN_WORKERS") or f"{os.cpu_count() + 1} (cores + 1)"
    return f"workers={workers}, threads={env.get('GUNICORN_THREADS', '1')}"


if __name__ == "__main__":
    main()
