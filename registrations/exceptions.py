from django.utils.translation import gettext_lazy as _


class RegistrationError(Exception):
    """A registration that cannot be made or changed; ``message`` is shown to the member, translated."""

    MESSAGES = {
        "duplicate": _("You have already registered for this. You can see your registration on your page."),
        "not_open": _("Registration has not opened yet."),
        "closed": _("Registration is closed."),
        "unavailable": _("This is not open for registration."),
        "already_cancelled": _("This registration has already been withdrawn."),
        "full": _("There are no places left."),
        "invalid_status": _("This registration cannot be changed in this way."),
    }

    def __init__(self, code: str):
        self.code = code
        self.message = self.MESSAGES[code]
        super().__init__(code)

    def __str__(self):
        return str(self.message)
