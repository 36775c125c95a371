"""The conflict flags staff see before placing a guest with a household."""

from datetime import timedelta

import pytest
from django.utils.translation import override

from homestays.conflicts import host_options, placement_conflicts

from .factories import AssignmentFactory, DelegationFactory, GuestFactory, HostOfferFactory

pytestmark = pytest.mark.django_db


def flags(guest, host, starts_on=None, ends_on=None):
    delegation = guest.delegation
    conflicts = placement_conflicts(
        guest=guest,
        host=host,
        starts_on=starts_on or delegation.arrives_on,
        ends_on=ends_on or delegation.departs_on,
    )
    return {conflict.flag for conflict in conflicts}


def place(guest, host):
    return AssignmentFactory(guest=guest, host=host)


def test_a_guest_who_fits_breaks_no_rule():
    assert flags(GuestFactory(), HostOfferFactory()) == set()


def test_more_guests_than_beds_at_once():
    host = HostOfferFactory(beds=1)
    delegation = DelegationFactory()
    place(GuestFactory(delegation=delegation), host)
    assert flags(GuestFactory(delegation=delegation), host) == {"beds"}


def test_beds_count_guests_present_on_the_same_night_only():
    host = HostOfferFactory(beds=1)
    first = DelegationFactory()
    place(GuestFactory(delegation=first), host)
    # Arrives the day the first guest leaves: the bed is free again that night.
    later = DelegationFactory(arrives_on=first.departs_on, departs_on=first.departs_on + timedelta(days=3))
    assert flags(GuestFactory(delegation=later), host) == set()
    overlapping = DelegationFactory(
        arrives_on=first.departs_on - timedelta(days=1), departs_on=first.departs_on + timedelta(days=3)
    )
    assert flags(GuestFactory(delegation=overlapping), host) == {"beds"}


def test_dates_outside_the_households_availability():
    delegation = DelegationFactory()
    host = HostOfferFactory(available_until=delegation.departs_on - timedelta(days=1))
    assert flags(GuestFactory(delegation=delegation), host) == {"dates"}
    host = HostOfferFactory(available_from=delegation.arrives_on + timedelta(days=1))
    assert flags(GuestFactory(delegation=delegation), host) == {"dates"}
    # A shorter stay inside the availability is fine.
    guest = GuestFactory(delegation=delegation)
    assert flags(guest, host, starts_on=host.available_from, ends_on=delegation.departs_on) == set()


def test_allergy_against_a_pet_of_the_household():
    host = HostOfferFactory(pets=["cat"])
    assert flags(GuestFactory(animal_allergies=["cat"]), host) == {"pet_allergy"}
    assert flags(GuestFactory(animal_allergies=["dog"]), host) == set()


def test_no_common_language():
    host = HostOfferFactory(languages=["ko"])
    assert flags(GuestFactory(languages=["id", "en"]), host) == {"language"}
    assert flags(GuestFactory(languages=["id", "ko"]), host) == set()


def test_a_diet_the_household_cannot_meet():
    assert flags(GuestFactory(diet=["halal"]), HostOfferFactory(diets=["vegetarian"])) == {"diet"}
    # A household that cooks halal meets "no pork"; one that cooks vegan meets vegetarian.
    assert flags(GuestFactory(diet=["no_pork"]), HostOfferFactory(diets=["halal"])) == set()
    assert flags(GuestFactory(diet=["vegetarian"]), HostOfferFactory(diets=["vegan"])) == set()


def test_the_households_guest_preference():
    host = HostOfferFactory(guest_preference="female")
    assert flags(GuestFactory(gender="male"), host) == {"guest_preference"}
    assert flags(GuestFactory(gender="female"), host) == set()


def test_same_gender_placement_rule_of_the_exchange():
    host = HostOfferFactory(beds=3)
    delegation = DelegationFactory(rule_same_gender=True)
    place(GuestFactory(delegation=delegation, gender="female"), host)
    assert flags(GuestFactory(delegation=delegation, gender="male"), host) == {"same_gender"}
    assert flags(GuestFactory(delegation=delegation, gender="female"), host) == set()
    # Without the rule, mixing is the household's own choice.
    other = DelegationFactory(arrives_on=delegation.arrives_on, departs_on=delegation.departs_on)
    assert flags(GuestFactory(delegation=other, gender="male"), host) == set()


def test_non_smoking_rule_of_the_exchange():
    host = HostOfferFactory(smoking=True)
    assert flags(GuestFactory(delegation=DelegationFactory(rule_non_smoking=True)), host) == {"non_smoking"}
    assert flags(GuestFactory(), host) == set()


def test_at_most_so_many_guests_of_the_delegation_per_household():
    host = HostOfferFactory(beds=4)
    delegation = DelegationFactory(rule_max_guests_per_host=1)
    place(GuestFactory(delegation=delegation), host)
    assert flags(GuestFactory(delegation=delegation), host) == {"max_guests"}


def test_a_placement_does_not_conflict_with_itself():
    host = HostOfferFactory(beds=1)
    guest = GuestFactory()
    place(guest, host)
    assert flags(guest, host) == set()


def test_flags_explain_themselves_in_the_staff_language():
    host = HostOfferFactory(languages=["ko"], pets=["dog"])
    guest = GuestFactory(languages=["id"], animal_allergies=["dog"])
    delegation = guest.delegation
    with override("ko"):
        conflicts = placement_conflicts(
            guest=guest, host=host, starts_on=delegation.arrives_on, ends_on=delegation.departs_on
        )
        texts = [str(conflict) for conflict in conflicts]
    assert any("인도네시아어" in text and "한국어" in text for text in texts), texts
    assert any("개" in text for text in texts), texts


def test_host_options_list_every_approved_household_fewest_flags_first():
    guest = GuestFactory(animal_allergies=["cat"])
    with_cat = HostOfferFactory(pets=["cat"])
    fits = HostOfferFactory()
    HostOfferFactory(status="submitted")
    options = host_options(
        guest=guest, starts_on=guest.delegation.arrives_on, ends_on=guest.delegation.departs_on
    )
    assert [option.host for option in options] == [fits, with_cat]
    assert [conflict.flag for conflict in options[1].conflicts] == ["pet_allergy"]
    assert options[0].beds_free == 2
