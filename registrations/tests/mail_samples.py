"""Example contexts for the registration mails, so the house-voice test (tests/test_house_voice.py) renders
each of their branches in every language. Every mail template is rendered there anyway; a sample here only
makes the context realistic. Other apps add a module like this one: ``<app>/tests/mail_samples.py``."""

from django.urls import reverse

from accounts.mail import absolute_url
from events.tests.factories import EventFactory
from programs.tests.factories import ProgramFactory


def _context(target, *, is_event: bool) -> dict:
    return {
        "is_event": is_event,
        "title": target.title,
        "item_url": absolute_url(target.get_absolute_url()),
        "my_page_url": absolute_url(reverse("accounts:my-page")),
    }


def event(member) -> dict:
    return _context(EventFactory(), is_event=True)


def program(member) -> dict:
    return _context(ProgramFactory(), is_event=False)


# template prefix -> functions of the recipient returning a context (built in the recipient's language)
SAMPLES = {
    "registrations/email/confirmed": [event, program],
    "registrations/email/waitlisted": [event],
    "registrations/email/promoted": [event],
}
