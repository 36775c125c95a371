"""The notices and consents for a consulting & matching request (PIPA), each recorded on the request.

Two separate consents, each with its own box and its own record: the collection and use of the contact
person's details (art. 15), and their provision to the partner organisations abroad the request is matched
with (art. 17(2), and art. 28-8(2) as the partners are abroad). Change a text's ``version`` whenever it
changes in substance: each request records the versions agreed to.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
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


@dataclass(frozen=True)
class ProvisionConsentText(ConsentText):
    """A consent to give personal information to others abroad: besides what ``ConsentText`` says (here
    ``purpose``, ``items`` and ``retention`` are the recipients'), who receives it and where, when and how
    it goes to them."""

    recipients: Promise
    transfer: Promise


PROVISION_CONSENT = ProvisionConsentText(
    kind="cooperation_provision",
    version="2026-12-01",
    required=True,
    title=_("Consent to the provision of personal information to partner organisations abroad (required)"),
    recipients=_(
        "The partner organisations abroad you are matched with: organisations from the office's directory, "
        "in the city or country your request names, that your consultant proposed to you and that you chose "
        "to work with. Each one is shown on your request page, with its country (and website, if it has "
        "one), before you are introduced."
    ),
    purpose=_("To contact your organisation about the cooperation you were matched for."),
    items=_(
        "Your organisation's name, and the contact person's name, position, email address and phone number. "
        "Nothing else from your request."
    ),
    transfer=_(
        "To the country of each partner you are matched with, when your request is matched: your "
        "consultant introduces you to each other by email."
    ),
    retention=_(
        "Until the cooperation between your organisation and the partner ends, or until you ask the partner "
        "to delete them."
    ),
    refusal=_(
        "You have the right to refuse. Matching means introducing you to partners abroad, so if you refuse "
        "we cannot take a consulting & matching request; for consulting only, without introductions, call "
        "the office. Withdrawing your request while it is in progress stops any introduction; details "
        "already given to a partner stay with them, and you can ask them to delete them."
    ),
    agree_label=_(
        "I agree to the provision of the details above to the partner organisations abroad I am matched "
        "with (required)."
    ),
)
