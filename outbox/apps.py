from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    """Every mail the site sends: kept in the database until a worker has delivered it."""

    name = "outbox"
    verbose_name = _("Outgoing mail")
