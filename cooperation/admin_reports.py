"""What staff take out of the cooperation requests: counts per state and city, and a CSV file."""

import csv
import io
from dataclasses import dataclass, field

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from programs.models import City
from registrations.admin_reports import BOM, csv_cell

from .models import CooperationRequest

State = CooperationRequest.State


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def requests_csv(queryset: QuerySet[CooperationRequest]) -> str:
    """The requests as CSV text (with BOM, formulas neutralised), one row each, headers in the active
    language."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(
        [
            gettext("Number"),
            gettext("Received on"),
            gettext("State"),
            gettext("Since"),
            gettext("Consultant"),
            gettext("Organisation"),
            gettext("Type of organisation"),
            gettext("Field of activity"),
            gettext("Size"),
            gettext("Website"),
            gettext("Contact person"),
            gettext("Position"),
            gettext("Email"),
            gettext("Phone"),
            gettext("City sought"),
            gettext("Country or region sought"),
            gettext("Kind of cooperation"),
            gettext("Description"),
            gettext("Preferred consultation times"),
            gettext("Consultation"),
            gettext("Consultations"),
            gettext("Proposed partners"),
            gettext("Matched with"),
            gettext("Reason for closing"),
        ]
    )
    queryset = queryset.select_related("city_sought", "consultant").prefetch_related(
        "proposals__partner", "consultations"
    )
    for request in queryset:
        proposals = list(request.proposals.all())
        writer.writerow(
            [
                csv_cell(value)
                for value in (
                    request.pk,
                    _local(request.created_at),
                    request.get_state_display(),
                    _local(request.state_changed_at),
                    request.consultant or "",
                    request.organization_name,
                    request.get_organization_type_display(),
                    request.field,
                    request.get_size_display(),
                    request.website,
                    request.contact_name,
                    request.contact_position,
                    request.contact_email,
                    request.contact_phone,
                    request.city_sought.name if request.city_sought else "",
                    request.country_sought,
                    request.kind_shown,
                    request.description,
                    request.preferred_times,
                    request.get_preferred_mode_display(),
                    len(request.consultations.all()),
                    "; ".join(str(p.partner) for p in proposals),
                    "; ".join(str(p.partner) for p in proposals if p.is_match),
                    request.closed_reason,
                )
            ]
        )
    return buffer.getvalue()


@dataclass
class OverviewRow:
    place: str
    counts: list[int] = field(default_factory=list)
    total: int = 0
    city: City | None = None


@dataclass
class Overview:
    states: list[tuple[str, str]]
    per_state: list[int]
    rows: list[OverviewRow]
    total: int


def requests_overview() -> Overview:
    """How many requests are in each state, overall and per city (or country) sought. Two queries."""
    states = list(State.choices)
    index = {value: i for i, (value, _label) in enumerate(states)}
    counts = (
        CooperationRequest.objects.values("city_sought_id", "country_sought", "state")
        .annotate(n=Count("pk"))
        # Spellings of one country are merged under the first in this order.
        .order_by("country_sought", "state")
    )
    cities = City.objects.in_bulk()
    rows: dict[tuple, OverviewRow] = {}
    per_state = [0] * len(states)
    for row in counts:
        city = cities.get(row["city_sought_id"])
        key = ("city", city.pk) if city else ("country", row["country_sought"].strip().casefold())
        place = str(city.name) if city else row["country_sought"].strip() or "—"
        entry = rows.setdefault(key, OverviewRow(place=place, counts=[0] * len(states), city=city))
        entry.counts[index[row["state"]]] += row["n"]
        entry.total += row["n"]
        per_state[index[row["state"]]] += row["n"]
    ordered = sorted(rows.values(), key=lambda r: (r.city is None, -r.total, r.place.casefold()))
    return Overview(states=states, per_state=per_state, rows=ordered, total=sum(per_state))
