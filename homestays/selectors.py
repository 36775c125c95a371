"""Reads about homestays for the host's own page and data download. A host only ever sees their own offer and
the few details of their own guests a household needs."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from accounts.models import User

from .choices import Diet, Language, labels_listed
from .consents import HOMESTAY_CONSENT
from .models import Assignment, HostConsent, HostOffer


def host_offer_of(*, user: User, fields: tuple[str, ...] = ()) -> HostOffer | None:
    """The member's host offer, if any (with only ``fields`` read, when given)."""
    offers = HostOffer.objects.filter(user=user)
    return (offers.only(*fields) if fields else offers).first()


def host_consent_active(*, user: User) -> HostConsent | None:
    """The member's homestay consent in force for the current text, if any."""
    return HostConsent.objects.filter(
        user=user, withdrawn_at__isnull=True, version=HOMESTAY_CONSENT.version
    ).first()


@dataclass(frozen=True)
class HostedGuest:
    """What a household is told about a guest: first name, age, languages, diet and the dates of the stay."""

    first_name: str
    age: int
    languages: str
    diet: str
    starts_on: date
    ends_on: date
    city: str
    upcoming: bool


def hosted_guests(*, user: User, today: date | None = None) -> list[HostedGuest]:
    """The guests placed with the member's household, soonest first; stays that ended a month ago drop off.

    Labels are in the active language.
    """
    today = today or timezone.localdate()
    assignments = (
        Assignment.objects.filter(host__user=user, ends_on__gte=today - timedelta(days=30))
        .select_related("guest__delegation__city")
        .order_by("starts_on", "pk")
    )
    return [
        HostedGuest(
            first_name=a.guest.first_name,
            age=a.guest.age,
            languages=labels_listed(Language, a.guest.languages),
            diet=labels_listed(Diet, a.guest.diet),
            starts_on=a.starts_on,
            ends_on=a.ends_on,
            city=a.guest.delegation.city.name,
            upcoming=a.starts_on > today,
        )
        for a in assignments
    ]


def member_data(*, user: User) -> dict:
    """The member's homestay data for their download: consents, offer and the guests placed with them."""

    def when(value):
        return timezone.localtime(value).isoformat() if value else None

    offer = host_offer_of(user=user)
    return {
        "consents": [
            {
                "version": consent.version,
                "language": consent.language,
                "given_at": when(consent.given_at),
                "withdrawn_at": when(consent.withdrawn_at),
            }
            for consent in HostConsent.objects.filter(user=user).order_by("given_at", "pk")
        ],
        "offer": None
        if offer is None
        else {
            "adults": offer.adults,
            "children": offer.children,
            "district": offer.district,
            "beds": offer.beds,
            "languages": offer.languages,
            "pets": offer.pets,
            "smoking": offer.smoking,
            "diets": offer.diets,
            "guest_preference": offer.guest_preference,
            "available_from": offer.available_from.isoformat(),
            "available_until": offer.available_until.isoformat(),
            "introduction": offer.introduction,
            "phone": offer.phone,
            "status": offer.status,
            "message_from_the_office": offer.review_message,
            "submitted_at": when(offer.submitted_at),
            "reviewed_at": when(offer.reviewed_at),
        },
        "guests": [
            {
                "first_name": a.guest.first_name,
                "age": a.guest.age,
                "languages": a.guest.languages,
                "diet": a.guest.diet,
                "from": a.starts_on.isoformat(),
                "until": a.ends_on.isoformat(),
            }
            for a in Assignment.objects.filter(host__user=user).select_related("guest").order_by("starts_on")
        ],
    }


def member_records(*, user) -> list[tuple[type, list[int]]]:
    """The rows that name the member, as ``(model, ids)``: what the admin's log must stop naming when the
    member leaves."""
    offers = list(HostOffer.objects.filter(user=user).values_list("pk", flat=True))
    consents = list(HostConsent.objects.filter(user=user).values_list("pk", flat=True))
    return [(HostOffer, offers), (HostConsent, consents)]
