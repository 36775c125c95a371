"""Putting mail in the outbox and delivering it.

``mail_enqueue`` writes the message to the database and asks a worker to deliver it, both in the current
transaction: if the change that causes the mail is rolled back, so is the mail; once it is committed the mail
cannot be lost. Delivery claims the message first (a conditional update), so two workers never send the same
message; a worker that dies after claiming leaves the claim to expire and another worker tries again.
"""

import logging
from datetime import datetime, timedelta
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_q.tasks import async_task

from .models import OutgoingMail

logger = logging.getLogger(__name__)

# How long a worker may take to hand one message to the mail server before another may try it.
CLAIM = timedelta(minutes=5)
FIRST_RETRY = timedelta(minutes=1)
LONGEST_WAIT = timedelta(hours=6)


def retry_delay(attempts: int) -> timedelta:
    """The wait after the ``attempts``-th failed attempt: 1, 2, 4, 8 ... minutes, at most 6 hours."""
    return min(FIRST_RETRY * 2 ** (attempts - 1), LONGEST_WAIT)


def mail_enqueue(*, message: EmailMessage) -> OutgoingMail:
    """Keep ``message`` in the outbox and ask a worker to deliver it (after the transaction commits)."""
    if message.attachments:
        raise ValueError("The outbox does not keep attachments.")
    headers = dict(message.extra_headers)
    # The same Message-ID on every attempt lets mail servers and clients drop a copy delivered twice.
    headers.setdefault("Message-ID", make_msgid(domain=DNS_NAME))
    # No savepoint inside the caller's transaction: the mail goes or stays with the caller's change.
    with transaction.atomic(savepoint=False):
        mail = OutgoingMail.objects.create(
            subject=message.subject,
            from_email=message.from_email or settings.DEFAULT_FROM_EMAIL,
            to=list(message.to),
            cc=list(message.cc),
            bcc=list(message.bcc),
            reply_to=list(message.reply_to),
            headers=headers,
            body=message.body,
            alternatives=[list(alt) for alt in getattr(message, "alternatives", [])],
        )
        async_task("outbox.tasks.mail_deliver", mail.pk)
    return mail


def mail_rewrite(*, mail: OutgoingMail, message: EmailMessage) -> None:
    """Give ``mail``, queued in the current transaction and not yet committed, the text of ``message``.

    For a caller that queues its mail early in a transaction and learns later which mail it is
    (``registrations.services.registration_create``).
    """
    OutgoingMail.objects.filter(pk=mail.pk, status=OutgoingMail.Status.QUEUED).update(
        subject=message.subject, body=message.body, to=list(message.to)
    )


def _message(mail: OutgoingMail) -> EmailMultiAlternatives:
    connection = get_connection(settings.OUTBOX_DELIVERY_BACKEND, fail_silently=False)
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.body,
        from_email=mail.from_email,
        to=mail.to,
        cc=mail.cc,
        bcc=mail.bcc,
        reply_to=mail.reply_to,
        headers=mail.headers,
        connection=connection,
    )
    for content, mimetype in mail.alternatives:
        message.attach_alternative(content, mimetype)
    return message


def _claim(*, mail_id: int, now: datetime) -> OutgoingMail | None:
    claimed = (
        OutgoingMail.objects.due(now)
        .filter(pk=mail_id)
        .update(status=OutgoingMail.Status.SENDING, claimed_until=now + CLAIM)
    )
    return OutgoingMail.objects.get(pk=mail_id) if claimed else None


def mail_deliver(*, mail_id: int, now: datetime | None = None) -> str | None:
    """Hand one due message to the mail server; returns its new status, or ``None`` if it was not due
    (already sent, waiting for its next attempt, or being sent by another worker)."""
    now = now or timezone.now()
    mail = _claim(mail_id=mail_id, now=now)
    if mail is None:
        return None
    attempts = mail.attempts + 1
    try:
        _message(mail).send()
    except Exception as error:
        status = (
            OutgoingMail.Status.FAILED if attempts >= settings.OUTBOX_MAX_ATTEMPTS else mail.Status.QUEUED
        )
        OutgoingMail.objects.filter(pk=mail.pk).update(
            status=status,
            attempts=attempts,
            last_attempt_at=now,
            next_attempt_at=now + retry_delay(attempts),
            claimed_until=None,
            last_error=f"{type(error).__name__}: {error}"[:2000],
        )
        logger.warning("Mail %s not delivered (attempt %s): %s", mail.pk, attempts, error)
        return status
    sent_at = timezone.now()
    OutgoingMail.objects.filter(pk=mail.pk).update(
        status=OutgoingMail.Status.SENT,
        attempts=attempts,
        sent_at=sent_at,
        last_attempt_at=sent_at,
        claimed_until=None,
        last_error="",
    )
    return OutgoingMail.Status.SENT


def mail_deliver_due(*, now: datetime | None = None, limit: int = 200) -> int:
    """Deliver the messages that are due (retries, and any whose first attempt never happened)."""
    now = now or timezone.now()
    ids = list(
        OutgoingMail.objects.due(now).order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit]
    )
    return sum(mail_deliver(mail_id=mail_id, now=now) == OutgoingMail.Status.SENT for mail_id in ids)


def mail_retry(*, mail: OutgoingMail) -> bool:
    """Staff: try a failed message again now, with a fresh set of attempts."""
    with transaction.atomic():
        retried = OutgoingMail.objects.filter(pk=mail.pk, status=OutgoingMail.Status.FAILED).update(
            status=OutgoingMail.Status.QUEUED, attempts=0, next_attempt_at=timezone.now(), last_error=""
        )
        if retried:
            async_task("outbox.tasks.mail_deliver", mail.pk)
    return bool(retried)


def mail_kept_until(mail: OutgoingMail) -> datetime | None:
    """When ``mail_purge`` deletes a delivered or failed message; ``None`` while it is still to be sent."""
    if mail.status not in (OutgoingMail.Status.SENT, OutgoingMail.Status.FAILED) or not mail.last_attempt_at:
        return None
    return mail.last_attempt_at + timedelta(days=settings.OUTBOX_KEEP_SENT_DAYS)


def mail_purge(*, now: datetime | None = None) -> int:
    """Delete mail delivered, or failed, more than ``OUTBOX_KEEP_SENT_DAYS`` ago: the outbox is no archive.

    Failed mail counts from its last attempt, so staff have the same days to send it again; it goes
    whoever it was for, members or not (a password reset asked for an unknown address). Returns how many.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.OUTBOX_KEEP_SENT_DAYS)
    deleted, _ = OutgoingMail.objects.filter(
        Q(status=OutgoingMail.Status.SENT, sent_at__lt=cutoff)
        | Q(status=OutgoingMail.Status.FAILED, last_attempt_at__lt=cutoff)
    ).delete()
    return deleted


def mail_erase_for_address(*, email: str) -> int:
    """Delete every message to ``email`` (a member deleting their account takes their mail with them)."""
    email = email.casefold()
    ids = [
        pk
        for pk, to, cc, bcc in OutgoingMail.objects.filter(to__icontains=email).values_list(
            "pk", "to", "cc", "bcc"
        )
        if email in {address.casefold() for address in (*to, *cc, *bcc)}
    ]
    deleted, _ = OutgoingMail.objects.filter(pk__in=ids).delete()
    return deleted


def mail_backlog() -> dict:
    """What the health check reports: messages waiting, the oldest one's age, and messages that failed."""
    waiting = OutgoingMail.objects.backlog()
    oldest = waiting.order_by("created_at").values_list("created_at", flat=True).first()
    return {
        "waiting": waiting.count(),
        "oldest_seconds": int((timezone.now() - oldest).total_seconds()) if oldest else 0,
        "failed": OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED).count(),
    }
