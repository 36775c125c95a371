"""Requests filed, triaged, consulted and matched: the rules of each step, its record and its email."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.tests.factories import UserFactory
from accounts.tests.staff import make_user
from cooperation import services
from cooperation.consents import PROVISION_CONSENT, REQUEST_CONSENT
from cooperation.exceptions import CooperationError
from cooperation.models import Consultation, CooperationRequest, ProposedPartner, StateChange
from cooperation.services import RequestDetails
from portal.services import member_delete
from programs.tests.factories import CityFactory

from .factories import CooperationRequestFactory, PartnerOrganizationFactory, ProposedPartnerFactory

pytestmark = pytest.mark.django_db

State = CooperationRequest.State
CONSENTS = {"consent": True, "provision_consent": True}


@pytest.fixture
def staff():
    return make_user("consultant@example.com", name="Consultant Park")


def details(**changes) -> RequestDetails:
    values = {
        "organization_name": "Busan Ocean Tech",
        "organization_type": "company",
        "field": "Marine technology",
        "size": "10-49",
        "website": "https://oceantech.example.org",
        "contact_name": "Lee Minho",
        "contact_position": "Director",
        "contact_email": "minho@example.org",
        "contact_phone": "051-000-0000",
        "city_sought": None,
        "country_sought": "Viet Nam",
        "kind": "trade",
        "kind_other": "",
        "description": "We seek a partner for fish farming sensors.",
        "preferred_times": "Tuesday afternoons",
        "preferred_mode": "online",
    }
    return RequestDetails(**{**values, **changes})


def test_submitting_records_the_request_its_first_step_and_mails_the_member_in_their_language():
    member = UserFactory(language="ko")
    request = services.request_submit(user=member, details=details(), language="en", **CONSENTS)
    assert (request.state, request.user, request.language) == (State.NEW, member, "en")
    assert (request.consent_version, request.provision_consent_version) == (
        REQUEST_CONSENT.version,
        PROVISION_CONSENT.version,
    )
    assert request.consented_at == request.provision_consented_at is not None
    assert list(request.state_changes.values_list("state", flat=True)) == ["new"]
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert f"/ko/my/cooperation/{request.pk}/" in message.body
    assert "Busan Ocean Tech" in message.subject and "접수" in message.subject


@pytest.mark.parametrize(
    ("consents", "code"),
    [
        ({"consent": False, "provision_consent": True}, "no_consent"),
        ({"consent": True, "provision_consent": False}, "no_provision_consent"),
    ],
)
def test_no_request_without_both_consents(consents, code):
    with pytest.raises(CooperationError) as error:
        services.request_submit(user=UserFactory(), details=details(), language="en", **consents)
    assert error.value.code == code
    assert not CooperationRequest.objects.exists() and not mail.outbox


def test_without_the_consent_to_be_introduced_no_partner_is_proposed_or_matched(staff):
    # Requests sent before the consent was asked for: consulting only.
    request = CooperationRequestFactory(
        state=State.IN_CONSULTATION,
        consultant=staff,
        provision_consent_version="",
        provision_consented_at=None,
    )
    assert not request.may_introduce
    with pytest.raises(CooperationError) as error:
        services.proposal_save(
            proposal=ProposedPartner(request=request, partner=PartnerOrganizationFactory()), by=staff
        )
    assert error.value.code == "no_introduction_consent"
    assert "not agreed to the provision" in error.value.message
    # A proposal made before the consent was asked for does not open the way either.
    proposal = ProposedPartnerFactory(request=request)
    with pytest.raises(CooperationError) as error:
        services.request_transition(request=request, state=State.MATCH_PROPOSED, by=staff)
    assert error.value.code == "no_introduction_consent"
    CooperationRequest.objects.filter(pk=request.pk).update(state=State.MATCH_PROPOSED)
    with pytest.raises(CooperationError) as error:
        services.request_transition(request=request, state=State.MATCHED, by=staff, matched=[proposal])
    assert error.value.code == "no_introduction_consent"
    request.refresh_from_db()
    assert request.state == State.MATCH_PROPOSED and not mail.outbox
    assert not request.proposals.filter(is_match=True).exists()
    # Consulting and closing still work.
    services.request_transition(request=request, state=State.CLOSED, by=staff, reason="Consulted only.")


def test_a_request_records_a_provision_consent_whole_or_not_at_all():
    with pytest.raises(IntegrityError), transaction.atomic():
        CooperationRequestFactory(provision_consent_version="")
    with pytest.raises(IntegrityError), transaction.atomic():
        CooperationRequestFactory(provision_consented_at=None)


def test_a_city_sought_makes_the_country_unnecessary_and_other_needs_a_name():
    city = CityFactory()
    request = services.request_submit(
        user=UserFactory(),
        details=details(city_sought=city, kind="other", kind_other="Tourism"),
        language="en",
        **CONSENTS,
    )
    assert (request.city_sought, request.country_sought, request.kind_shown) == (city, "", "Tourism")


def test_at_most_five_requests_in_progress_per_member():
    member = UserFactory()
    for _ in range(5):
        services.request_submit(user=member, details=details(), language="en", **CONSENTS)
    with pytest.raises(CooperationError) as error:
        services.request_submit(user=member, details=details(), language="en", **CONSENTS)
    assert error.value.code == "too_many_open"
    CooperationRequest.objects.filter(user=member).update(state=State.CLOSED, closed_reason="Done")
    services.request_submit(user=member, details=details(), language="en", **CONSENTS)


def test_the_whole_way_to_a_match_each_step_recorded_and_mailed(staff):
    request = CooperationRequestFactory(user=UserFactory(language="zh-hans"))
    services.request_transition(request=request, state=State.ASSIGNED, by=staff, consultant=staff)
    services.consultation_save(
        consultation=Consultation(request=request, held_at=timezone.now(), mode="online", notes="Good fit"),
        by=staff,
    )
    proposal = services.proposal_save(
        proposal=ProposedPartner(request=request, partner=PartnerOrganizationFactory(), note="Same field"),
        by=staff,
    )
    services.proposal_save(
        proposal=ProposedPartner(request=request, partner=PartnerOrganizationFactory()), by=staff
    )
    services.request_transition(request=request, state=State.MATCH_PROPOSED, by=staff)
    services.request_transition(request=request, state=State.MATCHED, by=staff, matched=[proposal])
    request.refresh_from_db()
    assert request.state == State.MATCHED and request.consultant == staff
    assert list(request.state_changes.values_list("state", flat=True)) == [
        "new",
        "assigned",
        "in_consultation",
        "match_proposed",
        "matched",
    ]
    assert list(request.proposals.filter(is_match=True)) == [proposal]
    assert len(mail.outbox) == 4
    assert all(f"/zh-hans/my/cooperation/{request.pk}/" in m.body for m in mail.outbox)
    assert proposal.partner.name_zh_hans in mail.outbox[-1].body


def test_steps_that_are_not_allowed(staff):
    request = CooperationRequestFactory()
    with pytest.raises(CooperationError) as error:
        services.request_transition(request=request, state=State.MATCHED, by=staff)
    assert error.value.code == "invalid_transition"
    with pytest.raises(CooperationError) as error:
        services.request_transition(request=request, state=State.ASSIGNED, by=staff)
    assert error.value.code == "consultant_required"
    services.request_transition(request=request, state=State.IN_CONSULTATION, by=staff, consultant=staff)
    with pytest.raises(CooperationError) as error:
        services.request_transition(request=request, state=State.MATCH_PROPOSED, by=staff)
    assert error.value.code == "proposal_required"
    ProposedPartnerFactory(request=request)
    services.request_transition(request=request, state=State.MATCH_PROPOSED, by=staff)
    with pytest.raises(CooperationError) as error:
        services.request_transition(request=request, state=State.MATCHED, by=staff, matched=[])
    assert error.value.code == "match_required"
    with pytest.raises(CooperationError) as error:
        services.request_transition(request=request, state=State.CLOSED, by=staff, reason="  ")
    assert error.value.code == "reason_required"
    services.request_transition(request=request, state=State.CLOSED, by=staff, reason="The partner withdrew.")
    with pytest.raises(CooperationError) as error:
        services.request_transition(request=request, state=State.IN_CONSULTATION, by=staff)
    assert error.value.code == "final"
    request.refresh_from_db()
    assert request.closed_reason == "The partner withdrew."
    assert request.state_changes.last().reason == "The partner withdrew."
    assert "The partner withdrew." in mail.outbox[-1].body


def test_a_match_may_only_name_the_requests_own_proposals(staff):
    request = CooperationRequestFactory(state=State.MATCH_PROPOSED, consultant=staff)
    ProposedPartnerFactory(request=request)
    foreign = ProposedPartnerFactory()
    with pytest.raises(CooperationError):
        services.request_transition(request=request, state=State.MATCHED, by=staff, matched=[foreign])


def test_inactive_partners_are_not_proposed(staff):
    request = CooperationRequestFactory()
    with pytest.raises(CooperationError) as error:
        services.proposal_save(
            proposal=ProposedPartner(request=request, partner=PartnerOrganizationFactory(active=False)),
            by=staff,
        )
    assert error.value.code == "partner_inactive"


def test_the_requester_withdraws_a_request_in_progress():
    request = CooperationRequestFactory(user=UserFactory(language="ko"))
    services.request_withdraw(request=request, user=request.user)
    request.refresh_from_db()
    assert request.state == State.CLOSED and request.closed_reason
    with pytest.raises(CooperationError):
        services.request_withdraw(request=request, user=request.user)


def test_deleting_the_account_closes_requests_and_keeps_only_the_organisation():
    request = CooperationRequestFactory(contact_phone="010-1111-2222", contact_position="CEO")
    matched = CooperationRequestFactory(user=request.user, state=State.MATCHED)
    member_delete(user=request.user)
    request.refresh_from_db()
    matched.refresh_from_db()
    assert request.state == State.CLOSED and request.user is None
    assert (request.contact_name, request.contact_email, request.contact_phone, request.contact_position) == (
        "",
        "",
        "",
        "",
    )
    assert request.organization_name and request.description
    assert matched.state == State.MATCHED and matched.contact_email == ""
    assert StateChange.objects.filter(request=request, state=State.CLOSED).exists()
    assert mail.outbox == []


def test_contact_details_are_erased_three_years_after_a_request_ends():
    now = timezone.now()
    old = CooperationRequestFactory(
        state=State.CLOSED, closed_reason="Done", state_changed_at=now - timedelta(days=3 * 365 + 1)
    )
    recent = CooperationRequestFactory(state=State.MATCHED, state_changed_at=now - timedelta(days=300))
    open_old = CooperationRequestFactory(state_changed_at=now - timedelta(days=4 * 365))
    assert services.requests_erase_old_contacts(now=now) == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    open_old.refresh_from_db()
    assert old.contact_email == "" and old.user is None
    assert recent.contact_email and open_old.contact_email
