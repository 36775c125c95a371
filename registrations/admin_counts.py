"""Registration counts on the program and event lists of the admin, and filling freed places from there.

The content admins of ``programs`` and ``events`` know nothing of registrations; this module, one floor up,
registers them again with the counts added.
"""

from django.contrib import admin, messages
from django.db.models import BooleanField, Count, Q, Value
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from events.admin import EventAdmin
from events.models import Event
from programs.admin import ProgramAdmin
from programs.models import Program

from .models import Registration
from .services import registrations_fill_places

_COUNTED_STATUSES = (
    Registration.Status.CONFIRMED,
    Registration.Status.WAITLISTED,
    Registration.Status.CANCELLED,
)


class RegistrationCountsMixin:
    """Registration counts per item, annotated on the list in the same query as the items themselves.

    ``registration_lookup`` is the Registration field pointing at the item (``program`` or ``event``).
    Staff allowed to see registrations get links to the matching, filtered registration list.
    """

    registration_lookup = ""

    def get_queryset(self, request):
        counts = {
            f"n_{status}": Count("registrations", filter=Q(registrations__status=status))
            for status in _COUNTED_STATUSES
        }
        linked = request.user.has_perm("registrations.view_registration")
        return (
            super()
            .get_queryset(request)
            .annotate(**counts, registrations_linked=Value(linked, output_field=BooleanField()))
        )

    def _registrations_url(self, obj, status: str | None = None) -> str:
        query = {f"{self.registration_lookup}__id__exact": obj.pk}
        if status:
            query["status__exact"] = status
        return f"{reverse('admin:registrations_registration_changelist')}?{urlencode(query)}"

    def _count(self, obj, status: str):
        count = getattr(obj, f"n_{status}", None)
        if count is None:
            return "—"
        if count and getattr(obj, "registrations_linked", False):
            return format_html('<a href="{}">{}</a>', self._registrations_url(obj, status), count)
        return count

    @admin.display(description=_("confirmed"), ordering="n_confirmed")
    def confirmed_count(self, obj):
        return self._count(obj, Registration.Status.CONFIRMED)

    @admin.display(description=_("waiting list"), ordering="n_waitlisted")
    def waitlisted_count(self, obj):
        return self._count(obj, Registration.Status.WAITLISTED)

    @admin.display(description=_("cancelled"), ordering="n_cancelled")
    def cancelled_count(self, obj):
        return self._count(obj, Registration.Status.CANCELLED)

    def has_fill_places_permission(self, request):
        return request.user.has_perm("registrations.change_registration")

    @admin.action(
        description=_("Give free places to the waiting list (after raising the capacity)"),
        permissions=["fill_places"],
    )
    def fill_places(self, request, queryset):
        promoted = sum(len(registrations_fill_places(target=item)) for item in queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d member moved from the waiting list to a place.",
                "%(count)d members moved from the waiting list to a place.",
                promoted,
            )
            % {"count": promoted},
            messages.SUCCESS,
        )

    @admin.display(description=_("registrations"))
    def registrations_summary(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        summary = gettext(
            "%(confirmed)s confirmed, %(waitlisted)s on the waiting list, %(cancelled)s cancelled"
        ) % {
            "confirmed": getattr(obj, "n_confirmed", 0),
            "waitlisted": getattr(obj, "n_waitlisted", 0),
            "cancelled": getattr(obj, "n_cancelled", 0),
        }
        if getattr(obj, "registrations_linked", False):
            return format_html(
                '{} · <a href="{}">{}</a>', summary, self._registrations_url(obj), gettext("See the members")
            )
        return summary


def _with_counts(list_display: tuple[str, ...]) -> tuple[str, ...]:
    """``list_display`` with the three counts after the status column."""
    at = list_display.index("status") + 1
    return (*list_display[:at], "confirmed_count", "waitlisted_count", "cancelled_count", *list_display[at:])


def _with_summary(fieldsets) -> tuple:
    """``fieldsets`` with the registrations summary next to the capacity."""
    return tuple(
        (name, {**options, "fields": (*options["fields"], "registrations_summary")})
        if "capacity" in options["fields"]
        else (name, options)
        for name, options in fieldsets
    )


class ProgramRegistrationsAdmin(RegistrationCountsMixin, ProgramAdmin):
    registration_lookup = "program"
    actions = (*ProgramAdmin.actions, "fill_places")
    list_display = _with_counts(ProgramAdmin.list_display)
    readonly_fields = ("registrations_summary",)
    fieldsets = _with_summary(ProgramAdmin.fieldsets)


class EventRegistrationsAdmin(RegistrationCountsMixin, EventAdmin):
    registration_lookup = "event"
    actions = (*EventAdmin.actions, "fill_places")
    list_display = _with_counts(EventAdmin.list_display)
    readonly_fields = ("registrations_summary",)
    fieldsets = _with_summary(EventAdmin.fieldsets)


for model, model_admin in ((Program, ProgramRegistrationsAdmin), (Event, EventRegistrationsAdmin)):
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
