"""The site's email backend: every message goes to the outbox, and a worker delivers it."""

from django.core.mail.backends.base import BaseEmailBackend

from .services import mail_enqueue


class QueuedEmailBackend(BaseEmailBackend):
    """Keeps each message in the outbox, in the caller's transaction; never talks to a mail server.

    The worker delivers with ``OUTBOX_DELIVERY_BACKEND`` (SMTP in production), so a request never waits for,
    or fails because of, the mail server.
    """

    def send_messages(self, email_messages):
        for message in email_messages:
            mail_enqueue(message=message)
        return len(email_messages)
