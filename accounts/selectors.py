"""Reads about members: their consents and the data they can download."""

from allauth.account.models import EmailAddress
from django.utils import timezone

from .models import Consent, User


def consent_active(*, user: User, kind: str) -> Consent | None:
    """The member's consent of ``kind`` in force, if any."""
    return Consent.objects.active().filter(user=user, kind=kind).first()


def consent_history(*, user: User):
    """Every consent the member gave, newest first."""
    return Consent.objects.filter(user=user).order_by("-given_at", "-pk")


def member_data(*, user: User) -> dict:
    """Everything the portal holds about the member, for them to download (and nobody else's)."""
    from registrations.selectors import member_registrations

    def when(value):
        return value.isoformat() if value else None

    return {
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "email": user.email,
            "name": user.name,
            "preferred_language": user.language,
            "phone": user.phone,
            "date_joined": when(user.date_joined),
            "last_login": when(user.last_login),
        },
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in EmailAddress.objects.filter(user=user).order_by("pk")
        ],
        "consents": [
            {
                "kind": consent.kind,
                "version": consent.version,
                "language": consent.language,
                "given_at": when(consent.given_at),
                "withdrawn_at": when(consent.withdrawn_at),
            }
            for consent in Consent.objects.filter(user=user).order_by("given_at", "pk")
        ],
        "registrations": [
            {
                "type": "program" if registration.program_id else "event",
                "slug": registration.target.slug,
                "title": registration.target.title,
                "status": registration.status,
                "message": registration.message,
                "registered_at": when(registration.created_at),
                "updated_at": when(registration.updated_at),
            }
            for registration in member_registrations(user=user)
        ],
    }
