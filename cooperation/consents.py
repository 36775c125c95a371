"""The notice and consent for the contact person's details in a consulting & matching request (PIPA).

Change ``version`` whenever the text changes in substance: each request records the version agreed to.
"""

from django.utils.translation import gettext_lazy as _

from accounts.consents import ConsentText

REQUEST_CONSENT = ConsentText(
    kind="cooperation_request",
    version="2026-12-01",
    required=True,
    title=_("Consent to the collection and use of personal information for consulting & matching (required)"),
    purpose=_(
        "To consult with your organisation, look for partners abroad, introduce you to them and tell you how "
        "your request is progressing."
    ),
    items=_("The contact person's name, position, email address and phone number."),
    retention=_(
        "Until three years after the request is matched or closed, or until you delete your account, "
        "whichever comes first. The organisation's request is then kept without the contact person's "
        "details, for statistics."
    ),
    refusal=_(
        "You have the right to refuse. If you refuse, we cannot take your request online; you can still call "
        "the office."
    ),
    agree_label=_(
        "I agree to the collection and use of the contact details above for this request (required)."
    ),
)
