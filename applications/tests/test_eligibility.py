"""Every eligibility rule: age on the reference date, residence, school level, the guardian's consent."""

from datetime import date

import pytest
from django.utils import translation

from accounts.districts import District
from applications.choices import Residence, SchoolLevel
from applications.eligibility import age_on, applicant_check, rules_check

from .factories import CallFactory, ChildFactory

pytestmark = pytest.mark.django_db


def facts(**overrides):
    base = {
        "age": 15,
        "school_level": SchoolLevel.HIGH,
        "district": District.HAEUNDAE,
        "school_in_busan": False,
    }
    return {**base, **overrides}


def test_age_is_counted_in_full_years_on_the_reference_date():
    assert age_on(date(2012, 7, 20), date(2027, 7, 20)) == 15
    assert age_on(date(2012, 7, 21), date(2027, 7, 20)) == 14
    assert age_on(date(2012, 2, 29), date(2027, 2, 28)) == 14


def test_age_range_is_inclusive_and_reasons_name_the_date_and_limit():
    call = CallFactory(
        min_age=13, max_age=17, trip_starts_on=date(2027, 7, 20), trip_ends_on=date(2027, 7, 29)
    )
    with translation.override("en"):
        assert rules_check(call, **facts(age=13)).eligible
        assert rules_check(call, **facts(age=17)).eligible
        young = rules_check(call, **facts(age=12))
        old = rules_check(call, **facts(age=18))
    assert young.reasons == ["Too young: 12 years old on July 20, 2027, and the minimum age is 13."]
    assert old.reasons == ["Too old: 18 years old on July 20, 2027, and the maximum age is 17."]


def test_age_is_counted_on_the_chosen_date_when_set():
    call = CallFactory(min_age=14, max_age=None, age_on=date(2027, 1, 1))
    child = ChildFactory(birth_date=date(2013, 3, 1))  # 13 on 1 January 2027, 14 on the trip
    assert not applicant_check(call, child).eligible


def test_residence_rules():
    lives_in_busan = CallFactory(residence=Residence.BUSAN, school_levels=[])
    busan_or_school = CallFactory(residence=Residence.BUSAN_OR_SCHOOL, school_levels=[])
    anyone = CallFactory(residence=Residence.ANY, school_levels=[])
    outside_with_school = facts(district=District.OUTSIDE, school_in_busan=True)
    outside = facts(district=District.OUTSIDE, school_in_busan=False)
    with translation.override("en"):
        assert rules_check(lives_in_busan, **outside_with_school).reasons == ["Does not live in Busan."]
        assert rules_check(busan_or_school, **outside_with_school).eligible
        assert rules_check(busan_or_school, **outside).reasons == [
            "Neither lives in Busan nor attends a school in Busan."
        ]
        assert rules_check(anyone, **outside).eligible
        assert rules_check(lives_in_busan, **facts(district=District.GIJANG)).eligible


def test_school_levels_and_reasons_in_the_members_language():
    call = CallFactory(school_levels=[SchoolLevel.MIDDLE, SchoolLevel.HIGH])
    assert rules_check(call, **facts(school_level=SchoolLevel.MIDDLE)).eligible
    with translation.override("en"):
        assert rules_check(call, **facts(school_level=SchoolLevel.UNIVERSITY)).reasons == [
            "This call is for Middle school, High school, not University."
        ]
    with translation.override("ko"):
        (reason,) = rules_check(call, **facts(school_level=SchoolLevel.UNIVERSITY)).reasons
    assert "중학교" in reason and "대학교" in reason
    assert rules_check(CallFactory(school_levels=[]), **facts(school_level=SchoolLevel.ADULT)).eligible


def test_several_reasons_at_once():
    call = CallFactory(residence=Residence.BUSAN)
    result = rules_check(call, **facts(age=20, school_level=SchoolLevel.ADULT, district=District.OUTSIDE))
    assert len(result.reasons) == 3


def test_a_child_under_14_needs_the_guardians_consent():
    call = CallFactory(min_age=10, max_age=17, school_levels=[])
    child = ChildFactory(birth_date=date.today().replace(year=date.today().year - 11))
    with translation.override("en"):
        assert applicant_check(call, child).reasons == [
            "The legal guardian's consent for a child under 14 has not been given."
        ]
