"""Who may apply to a call: the age on a reference date, the residence and the school level.

The same rules decide what a member sees before applying, what the server accepts on submission, and the
flags on the staff desk (there from the facts recorded with each application).
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from accounts.districts import District

from .choices import Residence, SchoolLevel
from .consents import CHILD_CONSENT_AGE


def age_on(birth_date: date, day: date) -> int:
    """Full years of age on ``day`` (the Korean "만 나이")."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))


@dataclass
class Eligibility:
    reasons: list[str] = field(default_factory=list)

    @property
    def eligible(self) -> bool:
        return not self.reasons


def rules_check(
    call, *, age: int | None, school_level: str, district: str, school_in_busan: bool
) -> Eligibility:
    """Check the facts about an applicant against ``call``'s rules; the reasons are in the active language."""
    result = Eligibility()
    when = date_format(call.age_reference_date, "DATE_FORMAT")
    if age is not None and call.min_age is not None and age < call.min_age:
        result.reasons.append(
            gettext("Too young: %(age)s years old on %(date)s, and the minimum age is %(min)s.")
            % {"age": age, "date": when, "min": call.min_age}
        )
    if age is not None and call.max_age is not None and age > call.max_age:
        result.reasons.append(
            gettext("Too old: %(age)s years old on %(date)s, and the maximum age is %(max)s.")
            % {"age": age, "date": when, "max": call.max_age}
        )
    in_busan = district != District.OUTSIDE
    if call.residence == Residence.BUSAN and not in_busan:
        result.reasons.append(gettext("Does not live in Busan."))
    elif call.residence == Residence.BUSAN_OR_SCHOOL and not (in_busan or school_in_busan):
        result.reasons.append(gettext("Neither lives in Busan nor attends a school in Busan."))
    if call.school_levels and school_level not in call.school_levels:
        result.reasons.append(
            gettext("This call is for %(levels)s, not %(level)s.")
            % {"levels": school_levels_text(call.school_levels), "level": SchoolLevel(school_level).label}
        )
    return result


def school_levels_text(levels) -> str:
    labels = [str(SchoolLevel(level).label) for level in SchoolLevel.values if level in levels]
    return gettext(", ").join(labels)


def applicant_check(call, applicant) -> Eligibility:
    """Whether ``applicant`` (as their details are now) may apply to ``call``, and if not, why."""
    age = age_on(applicant.birth_date, call.age_reference_date)
    result = rules_check(
        call,
        age=age,
        school_level=applicant.school_level,
        district=applicant.district,
        school_in_busan=applicant.school_in_busan,
    )
    if applicant.is_child and needs_guardian_consent(applicant) and not applicant.guardian_consent_at:
        result.reasons.append(
            gettext("The legal guardian's consent for a child under 14 has not been given.")
        )
    return result


def needs_guardian_consent(applicant, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return age_on(applicant.birth_date, today) < CHILD_CONSENT_AGE


def age_range_text(call):
    """ "10 to 15 years old", "10 years old and over", "up to 15 years old", or None for no age limit."""
    if call.min_age is not None and call.max_age is not None:
        return gettext("%(min)s to %(max)s years old") % {"min": call.min_age, "max": call.max_age}
    if call.min_age is not None:
        return gettext("%(min)s years old and over") % {"min": call.min_age}
    if call.max_age is not None:
        return gettext("up to %(max)s years old") % {"max": call.max_age}
    return None
