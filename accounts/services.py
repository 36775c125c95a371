"""Changes to members' accounts: consents, profile and deletion; the privacy policy's versions; clearing
expired sessions and login counts."""

from datetime import datetime

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.cache import caches
from django.core.cache.backends.db import DatabaseCache
from django.db import connections, router, transaction
from django.utils import timezone
from django.utils.translation import gettext

from audit.services import Action, access_record

from . import selectors
from .consents import CONSENT_TEXTS
from .exceptions import AccountError
from .models import Consent, PrivacyPolicy, User


def consent_give(
    *, user: User, kind: str, language: str, now: datetime | None = None, actor: User | None = None
) -> Consent:
    """Record that the member agrees to the current version of the ``kind`` text, shown in ``language``,
    under the privacy policy in force.

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
            user=user,
            kind=kind,
            version=text.version,
            language=language,
            given_at=now,
            policy=selectors.privacy_policy_in_force(on=timezone.localdate(now)),
        )


def consent_withdraw(*, user: User, kind: str, now: datetime | None = None) -> Consent | None:
    """Withdraw one of the member's optional consents; what was collected only under it is erased (the
    phone number with the phone consent).

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
        if kind == Consent.Kind.OPTIONAL_PHONE and user.phone:
            user.phone = ""
            user.save(update_fields=["phone"])
            note += ", phone erased"
        access_record(action=Action.CHANGE, model=User, ids=[user.pk], summary=note)
    return current


def consents_record_signup(*, user: User, phone: bool, news: bool, language: str) -> None:
    """Record the consents given on the sign-up form: the required one always, each optional one if ticked."""
    with transaction.atomic():
        now = timezone.now()
        # Nobody is logged in yet: the new member is the one acting.
        access_record(action=Action.CREATE, model=User, ids=[user.pk], summary="signed up", actor=user)
        consent_give(user=user, kind=Consent.Kind.REQUIRED_TERMS, language=language, now=now, actor=user)
        if phone:
            consent_give(user=user, kind=Consent.Kind.OPTIONAL_PHONE, language=language, now=now, actor=user)
        if news:
            consent_give(user=user, kind=Consent.Kind.OPTIONAL_NEWS, language=language, now=now, actor=user)


def profile_update(*, user: User, name: str, language: str, phone: str = "") -> User:
    """Save the member's name, preferred language and phone (a phone only with the phone consent)."""
    with transaction.atomic():
        has_phone_consent = (
            Consent.objects.active().filter(user=user, kind=Consent.Kind.OPTIONAL_PHONE).exists()
        )
        if phone and not has_phone_consent:
            raise AccountError(gettext("To keep a phone number, first give the consent for it."))
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


def privacy_policy_publish(*, policy: PrivacyPolicy, now: datetime | None = None) -> PrivacyPolicy:
    """Publish a draft version of the privacy policy. From then on it is never changed: a change is a new
    version (``privacy_policy_new_version``).

    Refused for a version already published, one without its Korean text, or one taking effect before the
    version in force today (history is not rewritten).
    """
    now = now or timezone.now()
    with transaction.atomic():
        policy = PrivacyPolicy.objects.select_for_update().get(pk=policy.pk)
        if policy.is_published:
            raise AccountError(
                gettext("Version %(version)s is already published.") % {"version": policy.version}
            )
        if not policy.body_ko:
            raise AccountError(gettext("Write the Korean text before publishing."))
        in_force = selectors.privacy_policy_in_force(on=timezone.localdate(now))
        if in_force and policy.effective_on < in_force.effective_on:
            raise AccountError(
                gettext("A new version cannot take effect before the version in force (%(date)s).")
                % {"date": in_force.effective_on.isoformat()}
            )
        policy.status = PrivacyPolicy.Status.PUBLISHED
        policy.published_at = now
        policy.save(update_fields=["status", "published_at", "updated_at"])
    return policy


def privacy_policy_new_version(*, source: PrivacyPolicy, version: str, effective_on) -> PrivacyPolicy:
    """A draft copy of ``source`` (its text in every language) under a new version number, to edit."""
    if PrivacyPolicy.objects.filter(version=version).exists():
        raise AccountError(gettext("Version %(version)s exists already.") % {"version": version})
    fields = [
        f.attname for f in PrivacyPolicy._meta.concrete_fields if f.attname.startswith(("body", "changes"))
    ]
    with transaction.atomic():
        draft = PrivacyPolicy(version=version, effective_on=effective_on, status=PrivacyPolicy.Status.DRAFT)
        for name in fields:
            setattr(draft, name, "" if name.startswith("changes") else getattr(source, name))
        draft.save()
    return draft


def login_data_purge(*, now: datetime | None = None) -> int:
    """Delete what has expired but the framework leaves in the database: sessions past their end (Django
    deletes them only when asked) and entries of the database cache (failed-login counts that leaked away,
    allauth's rate limits), which Django deletes only once the table is full. The privacy policy says
    counts expire and sessions end: the daily job makes them go. Returns how many rows were deleted."""
    now = now or timezone.now()
    deleted, _ = Session.objects.filter(expire_date__lt=now).delete()
    cache = caches["default"]
    if isinstance(cache, DatabaseCache):
        db = router.db_for_write(cache.cache_model_class)
        connection = connections[db]
        quote = connection.ops.quote_name
        # As Django's own cull does; the table's name is the settings', quoted, never anybody's input.
        table = quote(settings.CACHES["default"]["LOCATION"])
        sql = f"DELETE FROM {table} WHERE {quote('expires')} < %s"  # noqa: S608
        with transaction.atomic(using=db), connection.cursor() as cursor:
            cursor.execute(sql, [connection.ops.adapt_datetimefield_value(now.replace(microsecond=0))])
            deleted += cursor.rowcount
    return deleted
