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
database, so the SQL is kept per process, in the dialect of the first connection that builds it. Rows are
read as the ORM reads them: its converters make each column's value, and ``objects()`` makes model instances
with ``Model.from_db`` and the ORM's own populators of ``select_related()`` relations (no annotations).
"""

import threading
from collections.abc import Callable
from typing import Any

from django.db import connections
from django.db.models import Model, QuerySet
from django.db.models.query import get_related_populators

# Far from any id or constant a query of the portal carries.
_MARKER_BASE = -7_340_019_001


class Prepared:
    """A query whose SQL the ORM builds once; ``build(**markers)`` returns the queryset."""

    def __init__(self, build: Callable[..., QuerySet], *names: str):
        self._build = build
        self._names = names
        self._lock = threading.Lock()
        self._prepared: _Built | None = None

    def _prepare(self) -> "_Built":
        if self._prepared is None:
            with self._lock:
                if self._prepared is None:
                    markers = {name: _MARKER_BASE - n for n, name in enumerate(self._names)}
                    queryset = self._build(**markers)
                    compiler = queryset.query.get_compiler(using=queryset.db)
                    sql, params = compiler.as_sql()
                    names = {marker: name for name, marker in markers.items()}
                    slots = [(names.get(value), value) for value in params]
                    missing = set(self._names) - {name for name, _value in slots}
                    if missing:
                        raise ValueError(f"These values are not parameters of the query: {sorted(missing)}")
                    self._prepared = _Built(queryset, compiler, sql, slots)
        return self._prepared

    def _params(self, slots, values: dict[str, Any]) -> list[Any]:
        if set(values) != set(self._names):
            raise TypeError(f"Give exactly these values: {', '.join(self._names)}")
        return [values[name] if name is not None else value for name, value in slots]

    def _fetch(self, built: "_Built", values: dict[str, Any]) -> list[tuple]:
        connection = connections[built.db]
        with connection.cursor() as cursor:
            cursor.execute(built.sql, self._params(built.slots, values))
            rows = cursor.fetchall()
        if built.converters:
            rows = [_converted(row, built.converters, connection) for row in rows]
        return rows

    def objects(self, **values) -> list[Model]:
        """The rows as model instances (for a queryset of model instances), with their ``select_related()``
        relations."""
        built = self._prepare()
        if built.columns is None:
            raise TypeError("objects() reads a queryset of model instances, without annotations")
        model, db, columns, start, end = built.queryset.model, built.db, built.columns, built.start, built.end
        found = []
        for row in self._fetch(built, values):
            instance = model.from_db(db, columns, row[start:end])
            for populator in built.related:
                populator.populate(row, instance)
            found.append(instance)
        return found

    def rows(self, **values) -> list[tuple]:
        """The rows as tuples (for a ``values_list()`` queryset, aggregates included)."""
        return self._fetch(self._prepare(), values)


class _Built:
    """What a prepared query keeps: its SQL, where each value goes, and how rows become model instances."""

    def __init__(self, queryset: QuerySet, compiler, sql: str, slots: list[tuple[str | None, Any]]):
        self.queryset = queryset
        self.db = queryset.db
        self.sql = sql
        self.slots = slots
        # As the ORM's ModelIterable and results_iter(): the converters of the database backend and of the
        # fields for every column, where the model's columns are, and the populators of related models.
        select = [column for column, _sql, _alias in compiler.select]
        self.converters = compiler.get_converters(select)
        klass_info = compiler.klass_info
        self.columns = self.related = None
        if klass_info is not None and not compiler.annotation_col_map:
            fields = klass_info["select_fields"]
            self.start, self.end = fields[0], fields[-1] + 1
            self.columns = [column.target.attname for column in select[self.start : self.end]]
            self.related = get_related_populators(klass_info, compiler.select, self.db)


def _converted(row: tuple, converters: dict, connection) -> tuple:
    """A row with the converters applied to its columns, as ``SQLCompiler.apply_converters`` does, but with
    this thread's connection: the kept compiler holds the connection of the thread that built it."""
    row = list(row)
    for position, (functions, expression) in converters.items():
        value = row[position]
        for function in functions:
            value = function(value, expression, connection)
        row[position] = value
    return tuple(row)
