"""Failed logins slow down guessing without locking anybody out: the same rules for the site and the admin.

Every login attempt is counted before the password is checked, per account (the login typed) and per client
address; a successful login takes its own count back. A few failures are free; after that each scope must
wait before its next attempt, twice as long after each further failure, up to a longest wait (never a lock
that lasts). Counts leak away with time, so an office behind one address with the odd mistyped password
never builds up a wait.

A browser that has logged in to an account before holds a signed *device cookie* for it (OWASP "device
cookies"). Its attempts at that account count against the device alone, so an attacker who keeps an account
waiting does not keep its owner (or staff) out; a device that fails too often is held on its own.

Counters live in the ``default`` cache, which production keeps in the database: they outlive a Redis restart
and are never evicted to make room for pages. Keys hold hashes, never an email address or an IP address.
"""

import hashlib
import secrets
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.crypto import salted_hmac

from .http import client_network


@dataclass(frozen=True)
class Rule:
    """``free`` failures, then ``first_wait`` seconds doubling per further failure up to ``longest_wait``;
    one failure leaks away every ``leak`` seconds."""

    free: int
    first_wait: int
    longest_wait: int
    leak: int

    def wait(self, count: float) -> float:
        excess = int(count + 0.5) - self.free
        if excess < 0:
            return 0
        return min(self.first_wait * 2**excess, self.longest_wait)


ACCOUNT = Rule(free=5, first_wait=60, longest_wait=15 * 60, leak=60 * 60)
ADDRESS = Rule(free=20, first_wait=60, longest_wait=60 * 60, leak=3 * 60)
DEVICE = Rule(free=10, first_wait=60, longest_wait=15 * 60, leak=60 * 60)

DEVICE_COOKIE_AGE = 365 * 24 * 60 * 60
_DEVICE_SALT = "accounts.login-device"
_DEVICE_ACCOUNTS_KEPT = 5
_LOCK_SECONDS = 5
_LOCK_WAIT = 1.0


def _now() -> float:
    return time.time()


class LoginHeld(Exception):
    """Too many failed attempts: the next one is welcome in ``retry_after`` seconds."""

    def __init__(self, retry_after: float):
        super().__init__(retry_after)
        self.retry_after = retry_after


@dataclass
class _Counter:
    key: str
    rule: Rule
    # On success an account's or a device's failures are forgotten; an address only takes back this attempt.
    shared: bool = False
    count: float = 0.0
    last: float = 0.0

    def load(self, now: float) -> None:
        count, last = cache.get(self.key) or (0.0, now)
        self.count = max(0.0, count - (now - last) / self.rule.leak)
        self.last = last

    def retry_after(self, now: float) -> float:
        return max(0.0, self.last + self.rule.wait(self.count) - now)

    def save(self, now: float) -> None:
        if self.count <= 0:
            cache.delete(self.key)
            return
        # Kept until it has leaked away completely.
        cache.set(self.key, (self.count, now), int(self.count * self.rule.leak) + 60)
        self.last = now


@dataclass
class Attempt:
    """One login attempt, counted; ``login_succeeded`` takes the count back."""

    login: str
    counters: list[_Counter] = field(default_factory=list)
    device: str | None = None


def _digest(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:40]


def _login_name(login: str) -> str:
    return (login or "").strip().lower()


def _account_mark(login: str) -> str:
    return salted_hmac(_DEVICE_SALT, _login_name(login)).hexdigest()[:32]


def _device_cookie(request) -> dict:
    value = request.COOKIES.get(settings.LOGIN_DEVICE_COOKIE_NAME)
    if not value:
        return {}
    try:
        data = signing.loads(value, salt=_DEVICE_SALT, max_age=DEVICE_COOKIE_AGE)
    except signing.BadSignature:
        return {}
    return data if isinstance(data, dict) else {}


def _trusted_device(request, login: str) -> str | None:
    """The device's own id when this browser has logged in to ``login`` before."""
    data = _device_cookie(request)
    if _account_mark(login) in data.get("accounts", []) and isinstance(data.get("id"), str):
        return data["id"]
    return None


@contextmanager
def _locked(keys: list[str]) -> Iterator[bool]:
    """Hold the cache locks of ``keys`` (in a fixed order); ``False`` if one cannot be had within a second."""
    with ExitStack() as stack:
        for key in sorted(keys):
            lock = f"{key}:lock"
            deadline = time.monotonic() + _LOCK_WAIT
            while not cache.add(lock, True, _LOCK_SECONDS):
                if time.monotonic() > deadline:
                    yield False
                    return
                time.sleep(0.01)
            stack.callback(cache.delete, lock)
        yield True


def login_attempt_begin(request, *, login: str) -> Attempt:
    """Count an attempt to log in as ``login`` from this request's device and address.

    Raises ``LoginHeld`` (and counts nothing) while the account, the address or the trusted device must
    still wait after earlier failures.
    """
    name = _login_name(login)
    device = _trusted_device(request, name)
    if device:
        # The account's and address's waits are for strangers: this browser has logged in here before.
        counters = [_Counter(f"login:device:{_digest(device)}", DEVICE)]
    else:
        counters = [
            _Counter(f"login:account:{_digest(name)}", ACCOUNT),
            _Counter(f"login:address:{_digest(client_network(request))}", ADDRESS, shared=True),
        ]
    now = _now()
    with _locked([counter.key for counter in counters]) as locked:
        if not locked:
            # Someone is hammering the same account right now: let them queue.
            raise LoginHeld(1)
        for counter in counters:
            counter.load(now)
        wait = max(counter.retry_after(now) for counter in counters)
        if wait > 0:
            raise LoginHeld(wait)
        for counter in counters:
            counter.count += 1
            counter.save(now)
    return Attempt(login=name, counters=counters, device=device)


def login_succeeded(request, attempt: Attempt) -> None:
    """The password was right: forget the account's (or device's) failures, take back the address's count,
    and mark the browser as a device that may log in to this account while strangers are made to wait."""
    now = _now()
    with _locked([counter.key for counter in attempt.counters]):
        for counter in attempt.counters:
            counter.load(now)
            counter.count = counter.count - 1 if counter.shared else 0
            counter.save(now)
    data = _device_cookie(request)
    accounts = [mark for mark in data.get("accounts", []) if mark != _account_mark(attempt.login)]
    accounts = [_account_mark(attempt.login), *accounts][:_DEVICE_ACCOUNTS_KEPT]
    request.login_device_cookie = signing.dumps(
        {"id": data.get("id") or secrets.token_urlsafe(16), "accounts": accounts}, salt=_DEVICE_SALT
    )


def login_failures_forget(*, login: str) -> None:
    """After a password reset: the account's owner proved who they are, its wait ends."""
    cache.delete(f"login:account:{_digest(_login_name(login))}")


def set_device_cookie(request, response) -> None:
    """Send the device cookie a successful login prepared (``login_succeeded``), if any."""
    value = getattr(request, "login_device_cookie", None)
    if value:
        response.set_cookie(
            settings.LOGIN_DEVICE_COOKIE_NAME,
            value,
            max_age=DEVICE_COOKIE_AGE,
            secure=settings.SESSION_COOKIE_SECURE or request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
