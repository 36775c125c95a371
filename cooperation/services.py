"""Every change to cooperation requests: filed by members, triaged, consulted and matched by staff.

Each change of state is recorded (who, when, why) and mailed to the requester in their language from inside
the change's transaction, through the outbox.
"""

from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from accounts.mail import member_translation
from accounts.models import User
from audit.services import Action, access_record
from programs.models import City

from . import emails
from .consents import PROVISION_CONSENT, REQUEST_CONSENT
from .exceptions import CooperationError
from .models import Consultation, CooperationRequest, PartnerOrganization, ProposedPartner, StateChange

State = CooperationRequest.State

# A member may have this many requests in progress at once.
MAX_OPEN_REQUESTS = 5
# The contact person's details are erased this long after a request is matched or closed.
CONTACT_RETENTION_DAYS = 3 * 365

TRANSITIONS = {
    State.NEW: {State.ASSIGNED, State.IN_CONSULTATION, State.CLOSED},
    State.ASSIGNED: {State.IN_CONSULTATION, State.CLOSED},
    State.IN_CONSULTATION: {State.MATCH_PROPOSED, State.CLOSED},
    State.MATCH_PROPOSED: {State.MATCHED, State.IN_CONSULTATION, State.CLOSED},
    State.MATCHED: set(),
    State.CLOSED: set(),
}


@dataclass(frozen=True)
class RequestDetails:
    """What the organisation tells the office in its request."""

    organization_name: str
    organization_type: str
    field: str
    size: str
    website: str
    contact_name: str
    contact_position: str
    contact_email: str
    contact_phone: str
    city_sought: City | None
    country_sought: str
    kind: str
    kind_other: str
    description: str
    preferred_times: str
    preferred_mode: str


def request_submit(
    *, user: User, details: RequestDetails, language: str, consent: bool, provision_consent: bool
) -> CooperationRequest:
    """File a member's request. Needs both consents, each recorded with its text version and time: the
    collection and use of the contact details (``consent``), and their provision to the partners abroad the
    request is matched with (``provision_consent``), without which nobody could be introduced. At most
    ``MAX_OPEN_REQUESTS`` in progress per member. The member is told by email that it was received."""
    if not consent:
        raise CooperationError("no_consent")
    if not provision_consent:
        raise CooperationError("no_provision_consent")
    with transaction.atomic():
        # One member's requests are counted and created one at a time.
        User.objects.select_for_update().filter(pk=user.pk).first()
        if CooperationRequest.objects.open().filter(user=user).count() >= MAX_OPEN_REQUESTS:
            raise CooperationError("too_many_open", count=MAX_OPEN_REQUESTS)
        now = timezone.now()
        request = CooperationRequest(
            user=user,
            language=language,
            consent_version=REQUEST_CONSENT.version,
            consented_at=now,
            provision_consent_version=PROVISION_CONSENT.version,
            provision_consented_at=now,
            created_at=now,
            state_changed_at=now,
            **asdict(details),
        )
        if request.city_sought_id:
            request.country_sought = ""
        if request.kind != "other":
            request.kind_other = ""
        request.full_clean()
        request.save()
        StateChange.objects.create(request=request, state=State.NEW, changed_at=now, changed_by=user)
        emails.request_mail_send(request=request, kind="received")
    return request


def _enter(request: CooperationRequest, state: str, *, by: User | None, reason: str = "") -> None:
    now = timezone.now()
    request.state = state
    request.state_changed_at = now
    if state == State.CLOSED:
        request.closed_reason = reason
    request.save()
    StateChange.objects.create(request=request, state=state, changed_at=now, changed_by=by, reason=reason)
    access_record(
        action=Action.CHANGE, model=CooperationRequest, ids=[request.pk], summary=f"state: {state}", actor=by
    )
    emails.request_mail_send(request=request, kind="state_changed")


def request_transition(
    *,
    request: CooperationRequest,
    state: str,
    by: User,
    consultant: User | None = None,
    reason: str = "",
    matched: list[ProposedPartner] | None = None,
) -> CooperationRequest:
    """Staff: move a request on. Allowed steps are in ``TRANSITIONS``:

    - assigned (and in consultation straight from new) needs a ``consultant``, unless one is set already;
    - partners proposed needs at least one proposed partner;
    - matched needs the proposed partners the organisation was matched with (``matched``);
    - both need the requester's consent to be introduced to partners abroad;
    - closed needs a ``reason``, which the requester reads.
    """
    reason = reason.strip()
    with transaction.atomic():
        request = (
            CooperationRequest.objects.select_for_update(of=("self",))
            .select_related("user")
            .get(pk=request.pk)
        )
        if state not in TRANSITIONS[request.state]:
            if not TRANSITIONS[request.state]:
                raise CooperationError("final")
            raise CooperationError(
                "invalid_transition", current=request.get_state_display(), new=State(state).label
            )
        if consultant is not None:
            request.consultant = consultant
        if state in (State.ASSIGNED, State.IN_CONSULTATION) and request.consultant_id is None:
            raise CooperationError("consultant_required")
        if state == State.CLOSED and not reason:
            raise CooperationError("reason_required")
        if state in (State.MATCH_PROPOSED, State.MATCHED) and not request.may_introduce:
            raise CooperationError("no_introduction_consent")
        if state == State.MATCH_PROPOSED and not request.proposals.exists():
            raise CooperationError("proposal_required")
        if state == State.MATCHED:
            chosen = [p.pk for p in matched or [] if p.request_id == request.pk]
            if not chosen:
                raise CooperationError("match_required")
            request.proposals.update(is_match=False)
            request.proposals.filter(pk__in=chosen).update(is_match=True)
        _enter(request, state, by=by, reason=reason)
    return request


def request_consultant_set(*, request: CooperationRequest, consultant: User) -> CooperationRequest:
    """Staff: hand a request in progress to another consultant (no state change, no email)."""
    with transaction.atomic():
        request = CooperationRequest.objects.select_for_update().get(pk=request.pk)
        if request.state in CooperationRequest.FINAL_STATES:
            raise CooperationError("final")
        request.consultant = consultant
        request.save(update_fields=["consultant", "updated_at"])
    return request


def request_withdraw(*, request: CooperationRequest, user: User) -> CooperationRequest:
    """The requester withdraws a request in progress: it is closed, with that as its reason."""
    with transaction.atomic():
        request = CooperationRequest.objects.select_for_update().get(pk=request.pk, user=user)
        if request.state in CooperationRequest.FINAL_STATES:
            raise CooperationError("final")
        with member_translation(user):
            reason = gettext("Withdrawn by the organisation.")
        _enter(request, State.CLOSED, by=user, reason=reason)
    return request


def consultation_save(*, consultation: Consultation, by: User) -> Consultation:
    """Staff: record a consultation (or correct one). Recording the first one on a new or assigned request
    moves it into consultation, with ``by`` as its consultant if it had none."""
    with transaction.atomic():
        request = CooperationRequest.objects.select_for_update().get(pk=consultation.request_id)
        if consultation.pk is None:
            consultation.recorded_by = by
        consultation.full_clean()
        consultation.save()
        if request.state in (State.NEW, State.ASSIGNED):
            if request.consultant_id is None:
                request.consultant = by
            _enter(request, State.IN_CONSULTATION, by=by)
    return consultation


def consultation_delete(*, consultation: Consultation) -> None:
    with transaction.atomic():
        consultation.delete()


def proposal_save(*, proposal: ProposedPartner, by: User) -> ProposedPartner:
    """Staff: propose a partner from the directory for a request (or change the note for the requester).
    Only for a request whose requester agreed to be introduced to partners abroad."""
    with transaction.atomic():
        request = CooperationRequest.objects.select_for_update().get(pk=proposal.request_id)
        if request.state in CooperationRequest.FINAL_STATES:
            raise CooperationError("final")
        if proposal.pk is None:
            if not request.may_introduce:
                raise CooperationError("no_introduction_consent")
            if not PartnerOrganization.objects.active().filter(pk=proposal.partner_id).exists():
                raise CooperationError("partner_inactive")
            proposal.proposed_by = by
            proposal.proposed_at = timezone.now()
        proposal.full_clean()
        proposal.save()
    return proposal


def proposal_delete(*, proposal: ProposedPartner) -> None:
    with transaction.atomic():
        request = CooperationRequest.objects.select_for_update().get(pk=proposal.request_id)
        if request.state in CooperationRequest.FINAL_STATES:
            raise CooperationError("final")
        proposal.delete()


def _erase_contact(queryset) -> int:
    return queryset.update(
        user=None,
        contact_name="",
        contact_position="",
        contact_email="",
        contact_phone="",
        preferred_times="",
    )


def requests_release_for_deleted_member(*, user: User) -> None:
    """Before a member's account is deleted: requests in progress are closed, and every request keeps only
    the organisation's part, without the contact person, for statistics."""
    with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
        # Written for staff, in the office's language: the member is gone.
        reason = gettext("The member deleted their account.")
        for request in CooperationRequest.objects.open().filter(user=user):
            # No mail: the account (and its address) is about to go.
            request.state = State.CLOSED
            request.closed_reason = reason
            request.state_changed_at = timezone.now()
            request.save()
            StateChange.objects.create(request=request, state=State.CLOSED, reason=request.closed_reason)
        _erase_contact(CooperationRequest.objects.filter(user=user))


def requests_erase_old_contacts(*, now: datetime | None = None) -> int:
    """Erase the contact details of requests matched or closed more than ``CONTACT_RETENTION_DAYS`` ago, as
    the consent text says; returns how many. Run daily by the task engine."""
    now = now or timezone.now()
    old = CooperationRequest.objects.filter(
        state__in=CooperationRequest.FINAL_STATES,
        state_changed_at__lt=now - timedelta(days=CONTACT_RETENTION_DAYS),
    ).exclude(contact_email="")
    with transaction.atomic():
        return _erase_contact(old)
