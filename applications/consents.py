"""The legal guardian's consent for a child under 14 (Personal Information Protection Act, art. 22-2).

When the text changes, raise the version: consents already given keep the version they were given for.
"""

from django.utils.translation import gettext_lazy as _

CHILD_CONSENT_VERSION = "2026-12"
CHILD_CONSENT_AGE = 14

CHILD_CONSENT_TEXT = _(
    "I am this child's legal guardian. I consent to the Busan International Exchange office collecting and "
    "using the child's name, date of birth, school, school level and residence district, and the answers and "
    "files I give in applications, to check eligibility and to run the selection of the calls I apply to. "
    "They are kept until I delete them or my account; applications are then kept without the child's name, "
    "for statistics only. I may refuse, but the office cannot then consider an application for the child."
)
