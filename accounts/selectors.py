"""Reads about members: their consents, the privacy policy and the data they can download."""

from datetime import date

from allauth.account.models import EmailAddress
from django.utils import timezone

from .models import Consent, PrivacyPolicy, User


def consent_active(*, user: User, kind: str) -> Consent | None:
    """The member's consent of ``kind`` in force, if any."""
    return Consent.objects.active().filter(user=user, kind=kind).first()


def consent_history(*, user: User):
    """Every consent the member gave, newest first, with the privacy policy version it was given under."""
    return Consent.objects.filter(user=user).select_related("policy").order_by("-given_at", "-pk")


def privacy_policy_in_force(*, on: date | None = None) -> PrivacyPolicy | None:
    """The version of the privacy policy in force on the day ``on`` (today in Korea by default)."""
    return PrivacyPolicy.objects.in_force(on or timezone.localdate()).first()


def privacy_policy_announced(*, on: date | None = None) -> PrivacyPolicy | None:
    """A published version that takes effect later than ``on``, announced ahead as the law asks."""
    return PrivacyPolicy.objects.announced(on or timezone.localdate()).first()


def privacy_policy_versions() -> list[PrivacyPolicy]:
    """Every published version, the newest first: the policy's history of changes."""
    return list(PrivacyPolicy.objects.published().order_by("-effective_on", "-published_at", "-pk"))


def privacy_policy_get(*, version: str) -> PrivacyPolicy | None:
    return PrivacyPolicy.objects.published().filter(version=version).first()


def _korean_time(value):
    """A moment as ISO 8601 in Korean time, as the site shows it."""
    return timezone.localtime(value).isoformat() if value else None


def member_data(*, user: User) -> dict:
    """The member's account: profile, email addresses and consents, as the data download shows them."""
    return {
        "profile": {
            "email": user.email,
            "name": user.name,
            "preferred_language": user.language,
            "phone": user.phone,
            "date_joined": _korean_time(user.date_joined),
            "last_login": _korean_time(user.last_login),
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
                "given_at": _korean_time(consent.given_at),
                "withdrawn_at": _korean_time(consent.withdrawn_at),
                "privacy_policy_version": consent.policy.version if consent.policy else None,
            }
            for consent in Consent.objects.filter(user=user)
            .select_related("policy")
            .order_by("given_at", "pk")
        ],
    }
