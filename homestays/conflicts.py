"""What is wrong with placing a guest with a household: the flags staff see before they save a placement.

The rules are pure functions of the guest, the household and the other guests staying there at the same time,
so the admin can check one placement, or every approved household for one guest, with the same code.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext

from .choices import Diet, GuestPreference, Language, Pet, labels_listed, listed
from .models import Assignment, Guest, HostOffer

Flag = Assignment.Flag

# A household that can cook for the first can cook for the second too.
_DIET_COVERS = {Diet.VEGAN: {Diet.VEGETARIAN, Diet.LACTOSE_FREE}, Diet.HALAL: {Diet.NO_PORK}}


@dataclass(frozen=True)
class Conflict:
    flag: str
    detail: str

    @property
    def label(self) -> str:
        return str(Flag(self.flag).label)

    def __str__(self):
        return f"{self.label}: {self.detail}"


def _nights(starts_on: date, ends_on: date) -> list[date]:
    return [starts_on + timedelta(days=n) for n in range((ends_on - starts_on).days)]


def _most_at_once(stays: Iterable[tuple[date, date]], starts_on: date, ends_on: date) -> int:
    """The most of ``stays`` that share one night between ``starts_on`` and ``ends_on``."""
    stays = list(stays)
    return max(
        (sum(1 for start, end in stays if start <= night < end) for night in _nights(starts_on, ends_on)),
        default=0,
    )


def _diets_met(host: HostOffer) -> set[str]:
    met = set(host.diets)
    for diet in list(met):
        met |= _DIET_COVERS.get(diet, set())
    return met


def _day(value: date) -> str:
    return date_format(value, "DATE_FORMAT")


def check(
    *, guest: Guest, host: HostOffer, starts_on: date, ends_on: date, others: Iterable[Assignment]
) -> list[Conflict]:
    """Every rule the stay of ``guest`` with ``host`` breaks. ``others`` are the other guests' placements
    with this household that overlap the stay (their ``guest`` and its delegation loaded)."""
    others = [o for o in others if o.guest_id != guest.pk and o.starts_on < ends_on and o.ends_on > starts_on]
    delegation = guest.delegation
    conflicts = []

    at_once = _most_at_once(((o.starts_on, o.ends_on) for o in others), starts_on, ends_on) + 1
    if at_once > host.beds:
        conflicts.append(
            Conflict(
                Flag.BEDS,
                ngettext(
                    "The household has %(beds)d bed for guests and would have %(guests)d guests at once.",
                    "The household has %(beds)d beds for guests and would have %(guests)d guests at once.",
                    host.beds,
                )
                % {"beds": host.beds, "guests": at_once},
            )
        )
    if starts_on < host.available_from or ends_on > host.available_until:
        conflicts.append(
            Conflict(
                Flag.DATES,
                gettext("The household is available from %(start)s to %(end)s.")
                % {"start": _day(host.available_from), "end": _day(host.available_until)},
            )
        )
    animals = set(guest.animal_allergies) & set(host.pets)
    if animals:
        conflicts.append(
            Conflict(
                Flag.PET_ALLERGY,
                gettext("The guest is allergic to animals the household keeps: %(animals)s.")
                % {"animals": labels_listed(Pet, animals)},
            )
        )
    if not set(guest.languages) & set(host.languages):
        conflicts.append(
            Conflict(
                Flag.LANGUAGE,
                gettext("The guest speaks %(guest)s; the household speaks %(host)s.")
                % {
                    "guest": labels_listed(Language, guest.languages) or "—",
                    "host": labels_listed(Language, host.languages) or "—",
                },
            )
        )
    unmet = set(guest.diet) - _diets_met(host)
    if unmet:
        conflicts.append(
            Conflict(
                Flag.DIET,
                gettext("The household did not say it can cook: %(diets)s.")
                % {"diets": labels_listed(Diet, unmet)},
            )
        )
    if host.guest_preference != GuestPreference.ANY and guest.gender != host.guest_preference:
        conflicts.append(
            Conflict(
                Flag.GUEST_PREFERENCE,
                gettext("The household asked for: %(preference)s.")
                % {"preference": host.get_guest_preference_display()},
            )
        )
    if delegation.rule_same_gender:
        mixed = sorted(str(o.guest) for o in others if o.guest.gender != guest.gender)
        if mixed:
            conflicts.append(
                Conflict(
                    Flag.SAME_GENDER,
                    gettext("This delegation places guests of one gender together; %(names)s would stay too.")
                    % {"names": listed(mixed)},
                )
            )
    if delegation.rule_non_smoking and host.smoking:
        conflicts.append(
            Conflict(
                Flag.NON_SMOKING, gettext("This delegation places guests in non-smoking households only.")
            )
        )
    limit = delegation.rule_max_guests_per_host
    if limit:
        same_delegation = sum(1 for o in others if o.guest.delegation_id == delegation.pk) + 1
        if same_delegation > limit:
            conflicts.append(
                Conflict(
                    Flag.MAX_GUESTS,
                    ngettext(
                        "This delegation places at most %(limit)d guest per household; this would make "
                        "%(count)d.",
                        "This delegation places at most %(limit)d guests per household; this would make "
                        "%(count)d.",
                        limit,
                    )
                    % {"limit": limit, "count": same_delegation},
                )
            )
    return conflicts


def _overlapping(hosts, starts_on: date, ends_on: date):
    return (
        Assignment.objects.filter(host__in=hosts)
        .filter(Q(starts_on__lt=ends_on) & Q(ends_on__gt=starts_on))
        .select_related("guest__delegation")
    )


def placement_conflicts(
    *, guest: Guest, host: HostOffer, starts_on: date, ends_on: date, lock: bool = False
) -> list[Conflict]:
    """The rules the stay would break, read from the database. ``lock`` holds the household's row until the
    transaction ends, so two placements with the same household cannot both take its last bed."""
    if lock:
        host = HostOffer.objects.select_for_update().get(pk=host.pk)
    others = _overlapping([host], starts_on, ends_on)
    return check(guest=guest, host=host, starts_on=starts_on, ends_on=ends_on, others=others)


@dataclass
class HostOption:
    host: HostOffer
    conflicts: list[Conflict]
    guests_at_once: int

    @property
    def beds_free(self) -> int:
        return max(self.host.beds - self.guests_at_once, 0)


def host_options(*, guest: Guest, starts_on: date, ends_on: date) -> list[HostOption]:
    """Every approved household for ``guest``'s stay, those with the fewest conflicts first (two queries)."""
    hosts = list(HostOffer.objects.approved().select_related("user"))
    by_host: dict[int, list[Assignment]] = {}
    for assignment in _overlapping(hosts, starts_on, ends_on).exclude(guest=guest):
        by_host.setdefault(assignment.host_id, []).append(assignment)
    options = []
    for host in hosts:
        others = by_host.get(host.pk, [])
        conflicts = check(guest=guest, host=host, starts_on=starts_on, ends_on=ends_on, others=others)
        at_once = _most_at_once(((o.starts_on, o.ends_on) for o in others), starts_on, ends_on)
        options.append(HostOption(host=host, conflicts=conflicts, guests_at_once=at_once))
    options.sort(key=lambda option: (len(option.conflicts), -option.beds_free, str(option.host)))
    return options
