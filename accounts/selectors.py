"""Reads about members: their consents and the data they can download."""

from allauth.account.models import EmailAddress

from .models import Consent, User


def consent_active(*, user: User, kind: str) -> Consent | None:
    """The member's consent of ``kind`` in force, if any."""
    return Consent.objects.active().filter(user=user, kind=kind).first()


def consent_history(*, user: User):
    """Every consent the member gave, newest first."""
    return Consent.objects.filter(user=user).order_by("-given_at", "-pk")


def member_data(*, user: User) -> dict:
    """The member's account: profile, email addresses and consents, as the data download shows them."""

    def when(value):
        return value.isoformat() if value else None

    return {
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
    }
