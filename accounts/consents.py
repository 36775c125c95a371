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

OPTIONAL_MARKETING = ConsentText(
    kind=Consent.Kind.OPTIONAL_MARKETING,
    version="2026-11-01",
    required=False,
    title=_("Consent to optional items (optional)"),
    purpose=_(
        "To call or text you about your registrations, and to send you news of programs and events by email."
    ),
    items=_("Phone number (if you give one); your email address, for news."),
    retention=_("Until you withdraw this consent or delete your account."),
    refusal=_("You may refuse. Refusing does not affect your membership."),
    agree_label=_("I agree to the optional items described above (optional)."),
)

CONSENT_TEXTS = {text.kind: text for text in (REQUIRED_TERMS, OPTIONAL_MARKETING)}
