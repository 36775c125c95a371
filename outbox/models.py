from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingMailQuerySet(models.QuerySet):
    def due(self, now=None):
        """Mail a worker should try now: waiting and due, or claimed by a worker that never finished."""
        now = now or timezone.now()
        return self.filter(
            models.Q(status=OutgoingMail.Status.QUEUED, next_attempt_at__lte=now)
            | models.Q(status=OutgoingMail.Status.SENDING, claimed_until__lt=now)
        )

    def backlog(self):
        return self.filter(status__in=(OutgoingMail.Status.QUEUED, OutgoingMail.Status.SENDING))


class OutgoingMail(models.Model):
    """One message the site sends, written in the same transaction as the change that caused it.

    A worker claims it (``sending`` until ``claimed_until``), hands it to the mail server and marks it
    ``sent``; when the server refuses or cannot be reached, the message waits longer after each attempt
    and is marked ``failed`` after the last one, for staff to see and send again. Sent mail and failed
    mail are deleted ``OUTBOX_KEEP_SENT_DAYS`` after their last attempt (``outbox.services.mail_purge``).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    subject = models.CharField(_("subject"), max_length=998)
    from_email = models.CharField(_("sender"), max_length=320)
    to = models.JSONField(_("recipients"), default=list)
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    headers = models.JSONField(default=dict, blank=True)
    body = models.TextField(_("text"))
    # Other renderings of the body (an HTML part): [[content, mimetype], ...].
    alternatives = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(_("queued"), default=timezone.now, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    claimed_until = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing mail")
        verbose_name_plural = _("outgoing mail")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return self.subject
