from django.utils.translation import gettext_lazy as _


class CooperationError(Exception):
    """A request or change that cannot be made; ``message`` is shown to the member or staff, translated."""

    MESSAGES = {
        "too_many_open": _(
            "You already have %(count)d requests in progress. Wait until one is matched or closed, or "
            "write to the office."
        ),
        "no_consent": _(
            "To send a request, agree to the collection and use of the contact person's details."
        ),
        "no_provision_consent": _(
            "To send a request, also agree to the provision of the contact details to the partner "
            "organisations abroad you are matched with."
        ),
        "no_introduction_consent": _(
            "The requester has not agreed to the provision of their details to partners abroad, so no "
            "partner can be proposed or matched for this request. Consult with them only, or close it."
        ),
        "invalid_transition": _("A request cannot go from “%(current)s” to “%(new)s”."),
        "consultant_required": _("Choose the consultant who takes the request."),
        "reason_required": _("Give the reason for closing the request; the requester reads it."),
        "proposal_required": _("Propose at least one partner before saying partners are proposed."),
        "match_required": _("Mark the proposed partner the organisation was matched with."),
        "final": _("This request is already matched or closed."),
        "partner_inactive": _("This partner is no longer active."),
    }

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        self.message = self.MESSAGES[code] % params if params else self.MESSAGES[code]
        super().__init__(code)

    def __str__(self):
        return str(self.message)
