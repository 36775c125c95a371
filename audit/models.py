from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class AccessRecord(models.Model):
    """One access to personal data: who (a user's number, never a copy of their data), when, what, which
    records, from which address, with a short note that holds no personal data (field names, statuses,
    counts).

    Append-only: the database refuses to change an entry, and to delete one younger than two years; the only
    change it allows is erasing the address of a member's own action when the member deletes their account.
    """

    class Action(models.TextChoices):
        VIEW = "view", pgettext_lazy("access record action", "viewed")
        EXPORT = "export", pgettext_lazy("access record action", "exported")
        CREATE = "create", pgettext_lazy("access record action", "created")
        CHANGE = "change", pgettext_lazy("access record action", "changed")
        DELETE = "delete", pgettext_lazy("access record action", "deleted")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor_id = models.PositiveBigIntegerField(_("by user number"), null=True, blank=True, db_index=True)
    actor_is_staff = models.BooleanField(_("by staff"), default=False)
    action = models.CharField(_("action"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("kind of data"), max_length=100, db_index=True)
    # Comma-separated, e.g. "12,17,42" for a list page that showed three records.
    object_ids = models.TextField(_("record numbers"), blank=True)
    client_address = models.GenericIPAddressField(_("from address"), null=True, blank=True)
    summary = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("access record entry")
        verbose_name_plural = _("access record")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M:%S} {self.action} {self.object_type} {self.object_ids}"[:200]
