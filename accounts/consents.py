"""The consent texts shown at sign-up and on the consents page (Personal Information Protection Act).

Each text has a version. Change the version whenever the text changes in substance: a member's consent
records the version they agreed to.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Consent


@dataclass(frozen=True)
class ConsentText:
    kind: str
    version: str
    required: bool
    title: Promise
    purpose: Promise
    items: Promise
    retention: Promise
    refusal: Promise
    agree_label: Promise


REQUIRED_TERMS = ConsentText(
    kind=Consent.Kind.REQUIRED_TERMS,
    version="2026-11-01",
    required=True,
    title=_("Consent to the collection and use of personal information (required)"),
    purpose=_(
        "To run your membership: logging you in, recording your interest in programs and your "
        "registrations for events, and writing to you about them."
    ),
    items=_(
        "Email address, name, preferred language, password (stored only in irreversibly encrypted form), "
        "and the interest and registrations you record."
    ),
    retention=_(
        "Until you delete your account. Your registrations are then kept without anything that identifies "
        "you, for statistics only."
    ),
    refusal=_(
        "You have the right to refuse. If you refuse, you cannot become a member; you can still read "
        "everything on this site."
    ),
    agree_label=_("I agree to the collection and use of my personal information described above (required)."),
)

OPTIONAL_PHONE = ConsentText(
    kind=Consent.Kind.OPTIONAL_PHONE,
    version="2026-12-01",
    required=False,
    title=_(
        "Consent to the collection and use of your phone number, to contact you about your registrations "
        "(optional)"
    ),
    purpose=_(
        "To call you or send you a text message about your interest and registrations: changes to a "
        "program or event, a place that becomes free, reminders."
    ),
    items=_("Phone number."),
    retention=_("Until you withdraw this consent or delete your account; the number is then deleted."),
    refusal=_("You may refuse. Refusing does not affect your membership: we write to you by email instead."),
    agree_label=_("I agree to the collection and use of my phone number described above (optional)."),
)

OPTIONAL_NEWS = ConsentText(
    kind=Consent.Kind.OPTIONAL_NEWS,
    version="2026-12-01",
    required=False,
    title=_("Consent to the use of your email address, to send you news of programs and events (optional)"),
    purpose=_("To send you news of the exchange programs and events of Busan Metropolitan City by email."),
    items=_("Email address and preferred language (those of your account)."),
    retention=_("Until you withdraw this consent or delete your account."),
    refusal=_(
        "You may refuse. Refusing does not affect your membership, nor the emails about your own "
        "registrations."
    ),
    agree_label=_("I agree to receive news of programs and events by email (optional)."),
)

CONSENT_TEXTS = {text.kind: text for text in (REQUIRED_TERMS, OPTIONAL_PHONE, OPTIONAL_NEWS)}

# Until 2026-12-01 phone contact and news by email were one optional consent, text version 2026-11-01.
# Migration accounts/0005 made each such record one of each kind, keeping its version, language and dates:
# the member agreed to both purposes, on that day, in that text.
COMBINED_OPTIONAL_VERSION = "2026-11-01"
