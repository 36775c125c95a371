"""The staff's admin site: their own tools first on the index and in the side menu, the framework's after."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig

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
