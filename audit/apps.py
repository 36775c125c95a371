from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The access record: who viewed, exported or changed personal data, when, from where (PIPA)."""

    name = "audit"
    verbose_name = _("Access record")
