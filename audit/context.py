"""Who is acting, and from where, for the code that records it: set once per request (by the accounts
middleware) instead of passing the request through every service. Outside a request (workers, commands)
nobody is acting: entries are then the system's."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass(frozen=True)
class Actor:
    # Read when an entry is written: a request may log in or out along the way.
    user: Callable[[], object]
    address: str | None


_current: ContextVar[Actor | None] = ContextVar("audit_actor", default=None)


@contextmanager
def acting(*, user: Callable[[], object], address: str | None) -> Iterator[None]:
    """Within the block, entries are recorded as made by ``user()`` from ``address``."""
    token = _current.set(Actor(user=user, address=address))
    try:
        yield
    finally:
        _current.reset(token)


def current() -> tuple[object | None, str | None]:
    """The acting user (``None`` outside a request or when not logged in) and their address."""
    actor = _current.get()
    if actor is None:
        return None, None
    user = actor.user()
    if user is None or not getattr(user, "is_authenticated", False):
        return None, actor.address
    return user, actor.address
