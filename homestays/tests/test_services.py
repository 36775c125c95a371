"""Host offers, their review, placements and their emails, withdrawal, and keeping guests' data no longer than
needed."""

from datetime import timedelta

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.utils import timezone

from accounts.tests.factories import UserFactory
from accounts.tests.staff import make_user
from homestays import services
from homestays.consents import HOMESTAY_CONSENT
from homestays.exceptions import HomestayError
from homestays.models import Assignment, Guest, HostConsent, HostOffer
from homestays.services import HostDetails

from .factories import AssignmentFactory, DelegationFactory, GuestFactory, HostOfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return make_user("coordinator@example.com")


def details(**changes) -> HostDetails:
    today = timezone.localdate()
    values = {
        "adults": 2,
        "children": 0,
        "district": "suyeong",
        "beds": 1,
        "languages": ["ko", "zh"],
        "pets": [],
        "smoking": False,
        "diets": ["halal"],
        "guest_preference": "any",
        "available_from": today,
        "available_until": today + timedelta(days=60),
        "introduction": "We live near Gwangalli beach.",
        "phone": "010-2222-3333",
    }
    return HostDetails(**{**values, **changes})


def test_an_offer_needs_the_homestay_consent():
    member = UserFactory()
    with pytest.raises(HomestayError) as error:
        services.host_offer_save(user=member, details=details(), language="en", consent=False)
    assert error.value.code == "no_consent"
    assert not HostOffer.objects.exists()


def test_an_offer_records_its_consent_and_is_acknowledged_in_the_members_language():
    member = UserFactory(language="zh-hans")
    offer = services.host_offer_save(user=member, details=details(), language="ko", consent=True)
    assert offer.status == HostOffer.Status.SUBMITTED
    consent = HostConsent.objects.get(user=member)
    assert (consent.version, consent.language, consent.withdrawn_at) == (HOMESTAY_CONSENT.version, "ko", None)
    assert consent.given_at is not None
    (message,) = mail.outbox
    assert message.to == [member.email]
    assert "寄宿家庭" in message.subject or "接待" in message.subject
    assert "/zh-hans/my/homestay/" in message.body


def test_changing_an_approved_offer_sends_it_back_to_review_without_a_second_consent():
    offer = HostOfferFactory()
    changed = services.host_offer_save(user=offer.user, details=details(beds=3), language="en", consent=False)
    assert (changed.pk, changed.beds, changed.status) == (offer.pk, 3, HostOffer.Status.SUBMITTED)
    assert HostConsent.objects.filter(user=offer.user).count() == 1
    assert mail.outbox == []


def test_review_decisions_are_mailed_to_the_host_in_their_language(staff):
    offer = HostOfferFactory(status="submitted", user=UserFactory(language="ko"))
    services.host_offer_review(
        offer=offer, decision="changes_requested", message="사진을 추가해 주십시오.", by=staff
    )
    offer.refresh_from_db()
    assert (offer.status, offer.review_message, offer.reviewed_by) == (
        "changes_requested",
        "사진을 추가해 주십시오.",
        staff,
    )
    assert offer.reviewed_at is not None
    (message,) = mail.outbox
    assert "사진을 추가해 주십시오." in message.body
    assert "/ko/my/homestay/" in message.body
    assert "변경" in message.subject or "수정" in message.subject


def test_asking_for_changes_or_declining_needs_a_message(staff):
    offer = HostOfferFactory(status="submitted")
    for decision in ("changes_requested", "declined"):
        with pytest.raises(HomestayError) as error:
            services.host_offer_review(offer=offer, decision=decision, message="  ", by=staff)
        assert error.value.code == "message_required"
    services.host_offer_review(offer=offer, decision="approved", message="", by=staff)
    offer.refresh_from_db()
    assert offer.status == "approved"


def test_a_placement_that_breaks_a_rule_is_refused_without_a_reason(staff):
    guest = GuestFactory(animal_allergies=["dog"])
    host = HostOfferFactory(pets=["dog"])
    delegation = guest.delegation
    with pytest.raises(HomestayError) as error:
        services.assignment_save(
            guest=guest, host=host, starts_on=delegation.arrives_on, ends_on=delegation.departs_on, by=staff
        )
    assert (error.value.code, error.value.flags) == ("conflicts", ["pet_allergy"])
    assert not Assignment.objects.exists()
    assert mail.outbox == []


def test_an_override_records_the_flags_who_when_and_why(staff):
    guest = GuestFactory(animal_allergies=["dog"])
    host = HostOfferFactory(pets=["dog"])
    delegation = guest.delegation
    before = timezone.now()
    assignment = services.assignment_save(
        guest=guest,
        host=host,
        starts_on=delegation.arrives_on,
        ends_on=delegation.departs_on,
        override_reason="The dog stays with the grandparents that week.",
        by=staff,
    )
    assignment.refresh_from_db()
    assert assignment.override_flags == ["pet_allergy"]
    assert assignment.override_reason == "The dog stays with the grandparents that week."
    assert assignment.overridden_by == staff
    assert assignment.overridden_at >= before


def test_a_placement_without_conflicts_keeps_no_override(staff):
    guest = GuestFactory()
    host = HostOfferFactory()
    assignment = services.assignment_save(
        guest=guest,
        host=host,
        starts_on=guest.delegation.arrives_on,
        ends_on=guest.delegation.departs_on,
        override_reason="Not needed",
        by=staff,
    )
    assert (assignment.override_flags, assignment.override_reason, assignment.overridden_by) == ([], "", None)


def test_only_approved_hosts_and_stays_within_the_visit(staff):
    guest = GuestFactory()
    delegation = guest.delegation
    with pytest.raises(HomestayError) as error:
        services.assignment_save(
            guest=guest,
            host=HostOfferFactory(status="submitted"),
            starts_on=delegation.arrives_on,
            ends_on=delegation.departs_on,
            by=staff,
        )
    assert error.value.code == "not_approved"
    with pytest.raises(HomestayError) as error:
        services.assignment_save(
            guest=guest,
            host=HostOfferFactory(),
            starts_on=delegation.arrives_on - timedelta(days=1),
            ends_on=delegation.departs_on,
            by=staff,
        )
    assert error.value.code == "outside_visit"


def test_the_host_is_mailed_when_a_guest_is_placed_changed_or_moved(staff):
    guest = GuestFactory(first_name="Budi")
    delegation = guest.delegation
    first = HostOfferFactory(user=UserFactory(language="ko"))
    second = HostOfferFactory(user=UserFactory(language="zh-hans"))

    services.assignment_save(
        guest=guest, host=first, starts_on=delegation.arrives_on, ends_on=delegation.departs_on, by=staff
    )
    (assigned,) = mail.outbox
    assert assigned.to == [first.user.email]
    assert "Budi" in assigned.body and "/ko/my/homestay/" in assigned.body

    # The same household, another departure date: "changed".
    mail.outbox.clear()
    services.assignment_save(
        guest=guest,
        host=first,
        starts_on=delegation.arrives_on,
        ends_on=delegation.departs_on - timedelta(days=1),
        by=staff,
    )
    (changed,) = mail.outbox
    assert changed.to == [first.user.email] and changed.subject != assigned.subject

    # Saved again unchanged: nobody is mailed.
    mail.outbox.clear()
    services.assignment_save(
        guest=guest,
        host=first,
        starts_on=delegation.arrives_on,
        ends_on=delegation.departs_on - timedelta(days=1),
        by=staff,
    )
    assert mail.outbox == []

    # Moved to another household: the first is told it is cancelled, the second that a guest comes.
    services.assignment_save(
        guest=guest, host=second, starts_on=delegation.arrives_on, ends_on=delegation.departs_on, by=staff
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([first.user.email, second.user.email])
    to_second = next(m for m in mail.outbox if m.to == [second.user.email])
    assert "/zh-hans/my/homestay/" in to_second.body
    assert Assignment.objects.get(guest=guest).host == second


def test_cancelling_a_placement_tells_the_household(staff):
    assignment = AssignmentFactory()
    services.assignment_cancel(assignment=assignment)
    assert not Assignment.objects.exists()
    (message,) = mail.outbox
    assert message.to == [assignment.host.user.email]


def test_deleting_a_delegation_tells_every_household_expecting_a_guest(staff):
    delegation = DelegationFactory()
    hosts = [AssignmentFactory(guest=GuestFactory(delegation=delegation)).host for _ in range(2)]
    services.delegation_delete(delegation=delegation)
    assert not Guest.objects.exists()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(h.user.email for h in hosts)


def test_withdrawing_deletes_the_offer_and_leaves_guests_to_place_again():
    assignment = AssignmentFactory()
    past = AssignmentFactory(
        host=assignment.host,
        guest=GuestFactory(
            delegation=DelegationFactory(
                arrives_on=timezone.localdate() - timedelta(days=40),
                departs_on=timezone.localdate() - timedelta(days=35),
            )
        ),
    )
    user = assignment.host.user
    services.host_offer_withdraw(user=user)
    assert not HostOffer.objects.filter(user=user).exists()
    consent = HostConsent.objects.get(user=user)
    assert consent.withdrawn_at is not None
    assignment.refresh_from_db()
    past.refresh_from_db()
    assert assignment.host is None and past.host is None
    assert list(Guest.objects.without_host()) == [assignment.guest]


def test_giving_the_consent_again_after_withdrawing_adds_a_row():
    offer = HostOfferFactory()
    services.host_offer_withdraw(user=offer.user)
    services.host_offer_save(user=offer.user, details=details(), language="en", consent=True)
    assert HostConsent.objects.filter(user=offer.user).count() == 2
    assert HostConsent.objects.filter(user=offer.user, withdrawn_at__isnull=True).count() == 1


def test_guests_are_deleted_a_year_after_their_visit():
    today = timezone.localdate()
    old = DelegationFactory(arrives_on=today - timedelta(days=380), departs_on=today - timedelta(days=370))
    recent = DelegationFactory(arrives_on=today - timedelta(days=30), departs_on=today - timedelta(days=20))
    placement = AssignmentFactory(
        guest=GuestFactory(delegation=old, first_name="Budi", family_name="Santoso")
    )
    kept = GuestFactory(delegation=recent, first_name="Sari", family_name="Wijaya")
    # Staff added and placed them in the admin, whose log names them.
    staff = UserFactory(is_staff=True)
    for obj, message in (
        (placement.guest, "[]"),
        (placement, "[]"),
        (old, '[{"added": {"name": "guest", "object": "Budi Santoso"}}]'),
        (kept, "[]"),
    ):
        LogEntry.objects.create(
            user=staff,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            object_repr=str(obj)[:200],
            action_flag=CHANGE,
            change_message=message,
        )
    assert services.guests_purge(today=today) == 1
    assert list(Guest.objects.all()) == [kept]
    assert Assignment.objects.count() == 0
    log = " ".join(f"{e.object_repr} {e.change_message}" for e in LogEntry.objects.all())
    assert "Budi" not in log and "Santoso" not in log
    assert "Sari Wijaya" in log  # a guest still to come keeps her name
