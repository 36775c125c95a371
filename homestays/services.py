"""Every change to host offers and placements, made by members on their page and by staff in the admin.

Mail goes out from inside each change's transaction (through the outbox), so it is sent if and only if the
change is committed.
"""

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from accounts.models import User
from audit.services import Action, access_record, admin_log_erase

from . import emails
from .conflicts import placement_conflicts
from .consents import HOMESTAY_CONSENT
from .exceptions import HomestayError
from .models import Assignment, Delegation, Guest, HostConsent, HostOffer

# Guests' details are kept this long after their delegation has left, then deleted by a scheduled job.
GUEST_RETENTION_DAYS = 365


@dataclass(frozen=True)
class HostDetails:
    """What a household tells the office about itself."""

    adults: int
    children: int
    district: str
    beds: int
    languages: list[str]
    pets: list[str]
    smoking: bool
    diets: list[str]
    guest_preference: str
    available_from: date
    available_until: date
    introduction: str
    phone: str


def host_consent_give(*, user: User, language: str, now: datetime | None = None) -> HostConsent:
    """Record the member's consent to the current homestay text; one already in force for it is kept."""
    now = now or timezone.now()
    with transaction.atomic():
        current = HostConsent.objects.select_for_update().filter(user=user, withdrawn_at__isnull=True).first()
        if current and current.version == HOMESTAY_CONSENT.version:
            return current
        if current:
            current.withdrawn_at = now
            current.save(update_fields=["withdrawn_at"])
        return HostConsent.objects.create(
            user=user, version=HOMESTAY_CONSENT.version, language=language, given_at=now
        )


def host_offer_save(*, user: User, details: HostDetails, language: str, consent: bool) -> HostOffer:
    """Create the member's offer to host, or change it. Either way the office reviews it (again).

    Needs the homestay consent in force, or given now (``consent``), for its current text version.
    The first offer is acknowledged by email.
    """
    with transaction.atomic():
        if consent:
            host_consent_give(user=user, language=language)
        active = HostConsent.objects.filter(
            user=user, withdrawn_at__isnull=True, version=HOMESTAY_CONSENT.version
        ).exists()
        if not active:
            raise HomestayError("no_consent")
        offer = HostOffer.objects.select_for_update().filter(user=user).first()
        created = offer is None
        if created:
            offer = HostOffer(user=user)
        for name, value in asdict(details).items():
            setattr(offer, name, value)
        offer.status = HostOffer.Status.SUBMITTED
        offer.submitted_at = timezone.now()
        offer.full_clean()
        offer.save()
        if created:
            emails.offer_mail_send(offer=offer, kind="received")
    return offer


def host_offer_withdraw(*, user: User, now: datetime | None = None) -> None:
    """Withdraw the homestay consent: the offer is deleted at once, as the consent text says.

    Stays still to come keep their guest without a host, so staff see that they must find another
    household; past stays stay on the guest's record without the household.
    """
    now = now or timezone.now()
    with transaction.atomic():
        HostConsent.objects.filter(user=user, withdrawn_at__isnull=True).update(withdrawn_at=now)
        HostOffer.objects.filter(user=user).delete()


def host_offer_review(*, offer: HostOffer, decision: str, message: str, by: User) -> HostOffer:
    """Staff: approve the offer, ask the host for changes, or decline it; the host is told by email.

    Asking for changes and declining need a message for the host.
    """
    if decision not in (
        HostOffer.Status.APPROVED,
        HostOffer.Status.CHANGES_REQUESTED,
        HostOffer.Status.DECLINED,
    ):
        raise HomestayError("invalid_decision")
    message = message.strip()
    if decision != HostOffer.Status.APPROVED and not message:
        raise HomestayError("message_required")
    with transaction.atomic():
        offer = HostOffer.objects.select_for_update(of=("self",)).select_related("user").get(pk=offer.pk)
        offer.status = decision
        offer.review_message = message
        offer.reviewed_at = timezone.now()
        offer.reviewed_by = by
        offer.save(update_fields=["status", "review_message", "reviewed_at", "reviewed_by", "updated_at"])
        access_record(action=Action.CHANGE, model=HostOffer, ids=[offer.pk], summary=f"review: {decision}")
        emails.offer_mail_send(offer=offer, kind=decision)
    return offer


def _tell_host(offer: HostOffer | None, kind: str, guest: Guest, starts_on: date, ends_on: date) -> None:
    if offer is None:
        return
    emails.stay_mail_send(
        offer=offer,
        kind=kind,
        delegation=guest.delegation,
        first_name=guest.first_name,
        starts_on=starts_on,
        ends_on=ends_on,
    )


def assignment_save(
    *,
    guest: Guest,
    host: HostOffer,
    starts_on: date,
    ends_on: date,
    override_reason: str = "",
    by: User,
) -> Assignment:
    """Staff: place ``guest`` with ``host`` for the stay, or change the guest's placement.

    Refused when the host is not approved or the stay falls outside the delegation's visit. A stay that
    breaks a rule (see ``homestays.conflicts``) is refused with the flags unless ``override_reason`` is
    given; then the flags, the reason, who and when are recorded with the placement. The household is told
    by email: a new guest, a changed stay, or (for the household that loses the guest) a cancelled one.
    """
    override_reason = override_reason.strip()
    delegation: Delegation = guest.delegation
    if ends_on <= starts_on:
        raise HomestayError("bad_dates")
    if starts_on < delegation.arrives_on or ends_on > delegation.departs_on:
        raise HomestayError("outside_visit")
    with transaction.atomic():
        # The household's row stays locked until the end: two placements cannot both take its last bed.
        host = HostOffer.objects.select_for_update().get(pk=host.pk)
        if host.status != HostOffer.Status.APPROVED:
            raise HomestayError("not_approved")
        conflicts = placement_conflicts(guest=guest, host=host, starts_on=starts_on, ends_on=ends_on)
        flags = [conflict.flag for conflict in conflicts]
        if flags and not override_reason:
            raise HomestayError("conflicts", flags=flags)

        assignment = Assignment.objects.select_for_update().filter(guest=guest).first()
        previous = None
        if assignment is None:
            assignment = Assignment(guest=guest)
        else:
            previous = (assignment.host, assignment.starts_on, assignment.ends_on)
        assignment.host = host
        assignment.starts_on = starts_on
        assignment.ends_on = ends_on
        assignment.assigned_by = by
        if not flags:
            assignment.override_flags, assignment.override_reason = [], ""
            assignment.overridden_by, assignment.overridden_at = None, None
        elif (set(flags), override_reason) != (set(assignment.override_flags), assignment.override_reason):
            assignment.override_flags, assignment.override_reason = flags, override_reason
            assignment.overridden_by, assignment.overridden_at = by, timezone.now()
        assignment.save()
        note = "placed" + (f", flags overridden: {', '.join(flags)}" if flags else "")
        access_record(action=Action.CHANGE, model=Assignment, ids=[assignment.pk], summary=note)

        if previous is None or previous[0] is None:
            _tell_host(host, "assigned", guest, starts_on, ends_on)
        elif previous[0].pk != host.pk:
            old_host, old_start, old_end = previous
            _tell_host(old_host, "cancelled", guest, old_start, old_end)
            _tell_host(host, "assigned", guest, starts_on, ends_on)
        elif previous[1:] != (starts_on, ends_on):
            _tell_host(host, "changed", guest, starts_on, ends_on)
    return assignment


def assignment_cancel(*, assignment: Assignment) -> None:
    """Staff: take a guest's placement away; a household still to host the guest is told by email."""
    with transaction.atomic():
        assignment = (
            Assignment.objects.select_for_update(of=("self",))
            .select_related("host__user", "guest__delegation__city")
            .get(pk=assignment.pk)
        )
        if assignment.ends_on > timezone.localdate():
            _tell_host(
                assignment.host, "cancelled", assignment.guest, assignment.starts_on, assignment.ends_on
            )
        access_record(
            action=Action.DELETE, model=Assignment, ids=[assignment.pk], summary="placement cancelled"
        )
        assignment.delete()


def guest_delete(*, guest: Guest) -> None:
    """Staff: remove a guest (they no longer come); their household is told if the stay was still to come."""
    with transaction.atomic():
        assignment = Assignment.objects.filter(guest=guest).first()
        if assignment is not None:
            assignment_cancel(assignment=assignment)
        guest.delete()


def delegation_delete(*, delegation: Delegation) -> None:
    """Staff: remove a delegation with its guests; households expecting them are told."""
    with transaction.atomic():
        for guest in delegation.guests.all():
            guest_delete(guest=guest)
        delegation.delete()


def guests_create(*, delegation: Delegation, guests: list[Guest]) -> list[Guest]:
    """Staff: add guests (already validated, e.g. from an imported file) to a delegation, all or none."""
    with transaction.atomic():
        for guest in guests:
            guest.delegation = delegation
            guest.full_clean()
        created = Guest.objects.bulk_create(guests)
        access_record(
            action=Action.CREATE, model=Guest, ids=[guest.pk for guest in created], summary="guests added"
        )
        return created


def guests_purge(*, today: date | None = None) -> int:
    """Delete the guests (and their placements) of delegations that left more than
    ``GUEST_RETENTION_DAYS`` ago, and their names from the admin's log (staff who added or placed them left
    them there); returns how many. Run daily by the task engine."""
    today = today or timezone.localdate()
    with transaction.atomic():
        old = Guest.objects.filter(delegation__departs_on__lt=today - timedelta(days=GUEST_RETENTION_DAYS))
        placements = dict(Assignment.objects.filter(guest__in=old).values_list("guest_id", "pk"))
        for guest in old:
            admin_log_erase(
                model=Guest,
                object_id=guest.pk,
                texts=[str(guest)],
                records=[(Assignment, [placements[guest.pk]] if guest.pk in placements else [])],
            )
        count = old.count()
        old.delete()
    return count


def host_data_delete_for_member(*, user: User) -> None:
    """Before a member's account is deleted: their offer goes as if they had withdrawn their consent."""
    host_offer_withdraw(user=user)
