from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomestaysConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "homestays"
    verbose_name = _("Homestays")
