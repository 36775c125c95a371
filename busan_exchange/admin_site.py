"""The staff's admin site: their own tools first on the index and in the side menu, the framework's after."""

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.apps import AdminConfig
from django.utils.html import format_html
from django.utils.translation import gettext

# The portal's apps in the order of the staff's work; an app not listed here (a new one) comes after them.
STAFF_APPS = (
    "programs",
    "events",
    "registrations",
    "applications",
    "homestays",
    "cooperation",
    "accounts",
    "outbox",
    "audit",
)
# What Django and the libraries bring: accounts' groups, the site's address, background tasks, email records.
FRAMEWORK_APPS = frozenset({"auth", "sites", "django_q", "account", "socialaccount"})


class PortalAdminSite(admin.AdminSite):
    def get_app_list(self, request, app_label=None):
        order = {label: index for index, label in enumerate(STAFF_APPS)}
        apps = super().get_app_list(request, app_label)
        return sorted(
            apps,
            key=lambda app: (app["app_label"] in FRAMEWORK_APPS, order.get(app["app_label"], len(order))),
        )


class PortalAdminConfig(AdminConfig):
    """Django's admin app with this site as its default site (listed in INSTALLED_APPS instead of it)."""

    default_site = "busan_exchange.admin_site.PortalAdminSite"


class QuickChecklistAdmin:
    """Mix into a ``ModelAdmin`` whose list pages are long (100 rows of personal data, with actions).

    Django renders the checkbox of each row through the form renderer (the site's template engine): a
    tenth of a long list's time, for one fixed ``<input>``. This writes the same element directly.
    """

    def action_checkbox(self, obj):
        label = format_html(gettext("Select this object for an action - {}"), str(obj))
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            str(obj.pk),
            label,
        )
