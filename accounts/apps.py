from django.apps import AppConfig
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


def _group_name(group) -> str:
    return gettext(group.name)


class AccountsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "accounts"
    verbose_name = _("Members")

    def ready(self):
        from django.contrib.auth.models import Group

        from . import receivers

        receivers.connect()
        # The staff groups' names are data made by a migration; every admin page (lists, filters, the user
        # form, titles) shows them in the staff member's language. Their msgids: busan_exchange/i18n_extra.py.
        Group.__str__ = _group_name
