"""What staff take out of the registrations: a CSV file for spreadsheets and a monthly overview."""

import csv
import io
import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db.models import Count, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext, pgettext

from accounts.exports import BOM, csv_cell
from events.models import Event
from programs.models import Program

from .models import Registration

__all__ = ["BOM", "csv_cell", "registrations_csv", "registrations_overview"]


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def registrations_csv(queryset: QuerySet[Registration]) -> str:
    """The registrations as CSV text (with BOM), one row each, headers in the current language."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(
        [
            gettext("Number"),
            gettext("Type"),
            gettext("Program or event"),
            gettext("Email"),
            pgettext("a person's name", "Name"),
            gettext("Preferred language"),
            gettext("Status"),
            gettext("Message"),
            gettext("Registered"),
            gettext("Updated"),
        ]
    )
    for registration in queryset.select_related("user", "program", "event"):
        user = registration.user
        writer.writerow(
            [
                csv_cell(value)
                for value in (
                    registration.pk,
                    gettext("Program") if registration.program_id else gettext("Event"),
                    registration.target,
                    user.email if user else gettext("(account deleted)"),
                    user.name if user else "",
                    user.get_language_display() if user else "",
                    registration.get_status_display(),
                    registration.message,
                    _local(registration.created_at),
                    _local(registration.updated_at),
                )
            ]
        )
    return buffer.getvalue()


@dataclass
class OverviewRow:
    kind: str
    item: Program | Event
    cells: list[tuple[int, int]] = field(default_factory=list)  # (count, bar length 0..10) per month
    total: int = 0


@dataclass
class Overview:
    months: list[date]
    rows: list[OverviewRow]


def _months_back(today: date, count: int) -> list[date]:
    months = []
    year, month = today.year, today.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(months))


def registrations_overview(*, months: int = 12, now=None) -> Overview:
    """Registrations made per program and event in each of the last ``months`` months (local time).

    Three queries, whatever the number of items: the counts, then the programs and events named in them.
    """
    today = timezone.localdate(now or timezone.now())
    month_list = _months_back(today, months)
    start = timezone.make_aware(datetime(month_list[0].year, month_list[0].month, 1))
    counts = (
        Registration.objects.filter(created_at__gte=start)
        .annotate(month=TruncMonth("created_at"))
        .values("program_id", "event_id", "month")
        .annotate(n=Count("pk"))
        .order_by()
    )
    by_item: dict[tuple[str, int], dict[date, int]] = defaultdict(dict)
    for row in counts:
        key = ("program", row["program_id"]) if row["program_id"] else ("event", row["event_id"])
        month = row["month"]
        month = timezone.localtime(month).date() if isinstance(month, datetime) else month
        by_item[key][month.replace(day=1)] = row["n"]
    programs = Program.objects.in_bulk([pk for kind, pk in by_item if kind == "program"])
    events = Event.objects.in_bulk([pk for kind, pk in by_item if kind == "event"])
    peak = max((n for per_month in by_item.values() for n in per_month.values()), default=0)
    rows = []
    for (kind, pk), per_month in by_item.items():
        item = (programs if kind == "program" else events).get(pk)
        if item is None:
            continue
        cells = [(per_month.get(m, 0), math.ceil(10 * per_month.get(m, 0) / peak)) for m in month_list]
        rows.append(OverviewRow(kind=kind, item=item, cells=cells, total=sum(n for n, _bar in cells)))
    rows.sort(key=lambda r: (r.kind != "program", str(r.item).casefold()))
    return Overview(months=month_list, rows=rows)
