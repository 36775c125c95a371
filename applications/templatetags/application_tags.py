"""What call pages show of a call's rules, in the visitor's language."""

from django import template
from django.utils.formats import date_format
from django.utils.translation import gettext

from ..choices import Residence
from ..eligibility import age_range_text, school_levels_text
from ..selectors import answer_display

register = template.Library()


@register.simple_tag
def call_rules(call) -> list[str]:
    """The call's eligibility rules as sentences: age on the reference date, residence, school levels."""
    rules = []
    ages = age_range_text(call)
    if ages:
        rules.append(
            gettext("Age: %(ages)s on %(date)s.")
            % {"ages": ages, "date": date_format(call.age_reference_date, "DATE_FORMAT")}
        )
    if call.residence != Residence.ANY:
        rules.append(gettext("Residence: %(rule)s.") % {"rule": Residence(call.residence).label})
    if call.school_levels:
        rules.append(
            gettext("School level: %(levels)s.") % {"levels": school_levels_text(call.school_levels)}
        )
    if not rules:
        rules.append(gettext("Anyone may apply."))
    return rules


@register.simple_tag
def answer_text(answer) -> str:
    """An answer as text in the active language (the chosen options' wording, yes or no ...)."""
    return answer_display(answer)
