from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status=Registration.Status.CANCELLED)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED)


# Interest in a program is not a place in it: members must never read "confirmed" there.
INTEREST_STATUS = {
    "pending": _("Interest registered"),
    "confirmed": _("Interest registered"),
    "waitlisted": _("Interest registered (waiting list)"),
    "cancelled": _("Interest withdrawn"),
}


class Registration(models.Model):
    """A member's interest in a program, or registration for an event: exactly one of the two."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("Waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="registrations",
        help_text=_("Empty once the member has deleted their account; the row stays for statistics."),
    )
    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("program"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="registrations",
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    message = models.TextField(_("message"), blank=True, max_length=2000)
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(program__isnull=False, event__isnull=True)
                | Q(program__isnull=True, event__isnull=False),
                name="registration_for_program_xor_event",
            ),
            models.UniqueConstraint(
                fields=["user", "program"], condition=Q(program__isnull=False), name="one_interest_per_member"
            ),
            models.UniqueConstraint(
                fields=["user", "event"], condition=Q(event__isnull=False), name="one_registration_per_member"
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status"]),
            models.Index(fields=["program", "status"]),
            # The admin's list, newest first, and the waiting lists, oldest first.
            models.Index(fields=["created_at", "id"], name="registration_created_idx"),
        ]

    def __str__(self):
        # The member is not named: this text goes into the admin's log, which outlives the member's account.
        return f"#{self.pk} → {self.program or self.event}"

    @property
    def target(self):
        return self.program or self.event

    @property
    def status_label(self) -> str:
        """The status in words for the member: an event's own words, or interest words for a program."""
        if self.program_id is None:
            return self.get_status_display()
        return str(INTEREST_STATUS[self.status])
