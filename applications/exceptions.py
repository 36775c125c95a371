from django.utils.translation import gettext_lazy as _


class ApplicationError(Exception):
    """An application (or applicant) change that cannot be made; ``message`` is shown translated."""

    MESSAGES = {
        "not_open": _("This call is not taking applications at the moment."),
        "closed": _("The application period for this call has ended."),
        "unavailable": _("This call is not open for applications."),
        "not_eligible": _("This applicant does not meet the conditions of this call: %(reasons)s"),
        "duplicate": _(
            "An application for this applicant has already been submitted. You can follow it on My page."
        ),
        "consent_required": _(
            "For a child under 14, the legal guardian's consent is required. Please tick the consent box."
        ),
        "self_under_14": _("Applicants under 14 must be added by their legal guardian as a child."),
        "self_exists": _("Your own details are already saved. You can change them instead."),
        "details_missing": _("Please enter your details for applications first."),
        "answer_required": _("Please answer every required question: %(questions)s"),
        "invalid_state": _("This application cannot be changed in this way any more."),
        "offer_expired": _(
            "The deadline for accepting this place passed on %(deadline)s (Korean time), so the offer can no "
            "longer be accepted."
        ),
        "no_places": _(
            "Only %(free)s of the call's places are free, so %(asked)s applications cannot be offered a "
            "place. Nothing was changed."
        ),
        "not_lottery": _("Places for this call are not given by lottery."),
        "lottery_drawn": _("The lottery for this call has already been drawn."),
        "lottery_too_early": _("The lottery can be drawn only after the application period has ended."),
        "has_active_applications": _(
            "This person has applications in progress. Please withdraw them first, or wait until the "
            "selection is over."
        ),
    }

    def __init__(self, code: str, **params):
        self.code = code
        self.params = params
        super().__init__(code)

    @property
    def message(self) -> str:
        text = str(self.MESSAGES[self.code])
        return text % self.params if self.params else text

    def __str__(self):
        return self.message
