from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The pages and services that bring the other apps together; it sits above all of them."""

    name = "portal"
    verbose_name = _("Portal")
