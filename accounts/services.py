"""Changes to members' accounts: consents, profile and deletion."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from audit.services import Action, access_record

from .consents import CONSENT_TEXTS
from .exceptions import AccountError
from .models import Consent, User


def consent_give(
    *, user: User, kind: str, language: str, now: datetime | None = None, actor: User | None = None
) -> Consent:
    """Record that the member agrees to the current version of the ``kind`` text, shown in ``language``.

    A consent already in force for the same version is kept as it is; one for an older version is closed
    and a new row records the new version. ``actor``: who gives it, when not the one logged in (sign-up).
    """
    text = CONSENT_TEXTS[kind]
    now = now or timezone.now()
    with transaction.atomic():
        current = Consent.objects.active().select_for_update().filter(user=user, kind=kind).first()
        if current and current.version == text.version:
            return current
        if current:
            current.withdrawn_at = now
            current.save(update_fields=["withdrawn_at"])
        note = f"consent given: {kind} {text.version}"
        access_record(action=Action.CHANGE, model=User, ids=[user.pk], summary=note, actor=actor)
        return Consent.objects.create(
            user=user, kind=kind, version=text.version, language=language, given_at=now
        )


def consent_withdraw(*, user: User, kind: str, now: datetime | None = None) -> Consent | None:
    """Withdraw the member's optional consent; what was collected under it (the phone number) is erased.

    The required consent cannot be withdrawn on its own: deleting the account is how a member withdraws it.
    """
    if CONSENT_TEXTS[kind].required:
        raise AccountError(gettext("The required consent can only be withdrawn by deleting your account."))
    with transaction.atomic():
        current = Consent.objects.active().select_for_update().filter(user=user, kind=kind).first()
        if current is None:
            return None
        current.withdrawn_at = now or timezone.now()
        current.save(update_fields=["withdrawn_at"])
        note = f"consent withdrawn: {kind}"
        if kind == Consent.Kind.OPTIONAL_MARKETING and user.phone:
            user.phone = ""
            user.save(update_fields=["phone"])
            note += ", phone erased"
        access_record(action=Action.CHANGE, model=User, ids=[user.pk], summary=note)
    return current


def consents_record_signup(*, user: User, optional: bool, language: str) -> None:
    """Record the consents given on the sign-up form: the required one always, the optional one if ticked."""
    with transaction.atomic():
        now = timezone.now()
        # Nobody is logged in yet: the new member is the one acting.
        access_record(action=Action.CREATE, model=User, ids=[user.pk], summary="signed up", actor=user)
        consent_give(user=user, kind=Consent.Kind.REQUIRED_TERMS, language=language, now=now, actor=user)
        if optional:
            consent_give(
                user=user, kind=Consent.Kind.OPTIONAL_MARKETING, language=language, now=now, actor=user
            )


def profile_update(*, user: User, name: str, language: str, phone: str = "") -> User:
    """Save the member's name, preferred language and phone (a phone only with the optional consent)."""
    with transaction.atomic():
        has_optional = (
            Consent.objects.active().filter(user=user, kind=Consent.Kind.OPTIONAL_MARKETING).exists()
        )
        if phone and not has_optional:
            raise AccountError(gettext("To keep a phone number, first give the optional consent."))
        new = {"name": name, "language": language, "phone": phone}
        # Compared with what is stored: a form may already have set the new values on ``user``.
        before = User.objects.values(*new).get(pk=user.pk)
        changed = [field for field, value in new.items() if before[field] != value]
        for field, value in new.items():
            setattr(user, field, value)
        user.save(update_fields=["name", "language", "phone"])
        if changed:
            access_record(
                action=Action.CHANGE, model=User, ids=[user.pk], summary="fields: " + ", ".join(changed)
            )
    return user


def user_delete(*, user: User) -> None:
    """Delete the account itself: consents and email addresses go with it.

    What the member did elsewhere on the site is released first by ``portal.services.member_delete``.
    """
    with transaction.atomic():
        access_record(action=Action.DELETE, model=User, ids=[user.pk], summary="account deleted")
        user.delete()
