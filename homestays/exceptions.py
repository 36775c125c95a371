from django.utils.translation import gettext_lazy as _


class HomestayError(Exception):
    """A change to a host offer or a placement that cannot be made; ``message`` is translated.

    ``flags`` lists the conflicts (``Assignment.Flag`` values) when a placement breaks rules that were not
    overridden with a reason.
    """

    MESSAGES = {
        "no_consent": _("To offer to host, agree to the collection and use of your information for hosting."),
        "not_approved": _("Guests can only be placed with an approved host."),
        "outside_visit": _("The stay must fall within the delegation's visit."),
        "bad_dates": _("The stay must end after it starts."),
        "conflicts": _("This placement breaks rules. To save it anyway, give the reason."),
        "invalid_decision": _("This offer cannot be reviewed in this way."),
        "message_required": _("Tell the host what to change, or why the offer is declined."),
    }

    def __init__(self, code: str, *, flags: list | None = None):
        self.code = code
        self.flags = flags or []
        self.message = self.MESSAGES[code]
        super().__init__(code)

    def __str__(self):
        return str(self.message)
