"""Queries built by the ORM once per process and then run many times with other values.

Building a query (the filters resolved, the SQL compiled) costs the ORM about three times what running the
same SQL costs it. For the few queries that run on every request of a hot path (the account of a logged-in
visitor, a member's registration on each program or event page, the lock and the count at each registration)
the SQL is built once, on first use, by the ORM itself, and then run with each request's values:

    registration_of = Prepared(
        lambda member, item: Registration.objects.filter(user_id=member, event_id=item).order_by()[:1],
        "member", "item",
    )
    registration_of.objects(member=user.pk, item=event.pk)  # [<Registration ...>] or []

The queryset is built with a marker integer for each named value; the marker is found again among the
parameters of the SQL, and every other parameter (a status, say) is kept as built. Each process speaks to one
database, so the SQL is kept per process, in the dialect of the first connection that builds it.
"""

import threading
from collections.abc import Callable
from typing import Any

from django.db import connections
from django.db.models import Model, QuerySet

# Far from any id or constant a query of the portal carries.
_MARKER_BASE = -7_340_019_001


class Prepared:
    """A query whose SQL the ORM builds once; ``build(**markers)`` returns the queryset."""

    def __init__(self, build: Callable[..., QuerySet], *names: str):
        self._build = build
        self._names = names
        self._lock = threading.Lock()
        self._prepared: tuple[QuerySet, str, list[tuple[str | None, Any]]] | None = None

    def _prepare(self) -> tuple[QuerySet, str, list[tuple[str | None, Any]]]:
        if self._prepared is None:
            with self._lock:
                if self._prepared is None:
                    markers = {name: _MARKER_BASE - n for n, name in enumerate(self._names)}
                    queryset = self._build(**markers)
                    sql, params = queryset.query.sql_with_params()
                    names = {marker: name for name, marker in markers.items()}
                    slots = [(names.get(value), value) for value in params]
                    missing = set(self._names) - {name for name, _value in slots}
                    if missing:
                        raise ValueError(f"These values are not parameters of the query: {sorted(missing)}")
                    self._prepared = (queryset, sql, slots)
        return self._prepared

    def _params(self, slots, values: dict[str, Any]) -> list[Any]:
        if set(values) != set(self._names):
            raise TypeError(f"Give exactly these values: {', '.join(self._names)}")
        return [values[name] if name is not None else value for name, value in slots]

    def objects(self, **values) -> list[Model]:
        """The rows as model instances (for a queryset of model instances)."""
        queryset, sql, slots = self._prepare()
        return list(queryset.model._default_manager.raw(sql, self._params(slots, values), using=queryset.db))

    def rows(self, **values) -> list[tuple]:
        """The rows as tuples (for a ``values_list()`` queryset, aggregates included)."""
        queryset, sql, slots = self._prepare()
        with connections[queryset.db].cursor() as cursor:
            cursor.execute(sql, self._params(slots, values))
            return cursor.fetchall()
