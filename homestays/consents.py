"""The consent text a member agrees to before offering to host (Personal Information Protection Act).

Change ``version`` whenever the text changes in substance: each consent records the version agreed to.
"""

from django.utils.translation import gettext_lazy as _

from accounts.consents import ConsentText

HOMESTAY_CONSENT = ConsentText(
    kind="homestay_host",
    version="2026-12-01",
    required=True,
    title=_("Consent to the collection and use of personal information for hosting (required to host)"),
    purpose=_(
        "To review your offer to host guests of Busan's exchanges, to place guests with your household, "
        "and to contact you about your offer and your guests."
    ),
    items=_(
        "Your household (adults and children), district, beds for guests, languages spoken at home, pets, "
        "smoking, dietary needs you can meet, the dates you are available, your introduction and phone "
        "number; the office's decision on your offer and the guests placed with you."
    ),
    retention=_(
        "Until you withdraw this consent or delete your account. Your offer is then deleted at once. "
        "Stays still to come are cancelled and the office finds the guests another host family; for stays "
        "that have taken place, only the guest's record that they were placed is kept, without your details."
    ),
    refusal=_(
        "You have the right to refuse. If you refuse, you cannot offer to host; your membership is not "
        "affected."
    ),
    agree_label=_(
        "I agree to the collection and use of the personal information described above for hosting."
    ),
)
