"""The registrations desk: members' registrations per program and event, status changes, export, overview.

Status changes go through ``registrations.services``, as on the site, so members get the same emails, the
waiting list moves up the same way and the access record gets the same entries.
"""

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import F, Q
from django.http import HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import truncatechars
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import smart_split, unescape_string_literal
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from audit.admin import AccessRecordedAdmin
from busan_exchange.admin_site import QuickChecklistAdmin
from events.models import Event
from programs.models import Program

from . import (
    admin_counts,  # noqa: F401 (registers the program and event admins with their counts)
    services,
)
from .admin_reports import registrations_csv, registrations_overview
from .exceptions import RegistrationError
from .models import Registration

EXPORT_PERMISSION = "registrations.export_registration"


class KindFilter(admin.SimpleListFilter):
    title = _("type")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [("program", _("Program interest")), ("event", _("Event registration"))]

    def queryset(self, request, queryset):
        if self.value() == "program":
            return queryset.filter(program__isnull=False)
        if self.value() == "event":
            return queryset.filter(event__isnull=False)
        return queryset


class TargetFilter(admin.SimpleListFilter):
    """A program or event to filter by: the one chosen, and the few that come next.

    Listing every program and event would put thousands of links beside the list. Any other one is a click
    away from its own list in the admin, where its registration counts link here (same parameter).
    """

    field = ""
    shown = 10

    def __init__(self, request, params, model, model_admin):
        self.parameter_name = f"{self.field}__id__exact"
        super().__init__(request, params, model, model_admin)

    def next_ones(self, now):
        raise NotImplementedError

    def lookups(self, request, model_admin):
        model = Registration._meta.get_field(self.field).related_model
        items = list(self.next_ones(timezone.now())[: self.shown])
        chosen = self.value()
        if chosen and chosen.isdigit() and all(str(item.pk) != chosen for item in items):
            items = [*model.objects.filter(pk=chosen), *items]
        return [(str(item.pk), str(item)) for item in items]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        if not value.isdigit():
            raise IncorrectLookupParameters(value)
        return queryset.filter(**{f"{self.field}_id": int(value)})


class EventFilter(TargetFilter):
    title = _("event")
    field = "event"

    def next_ones(self, now):
        return Event.objects.filter(starts_at__gte=now).order_by("starts_at", "pk")


class ProgramFilter(TargetFilter):
    title = _("program")
    field = "program"

    def next_ones(self, now):
        still_open = Q(closes_at__isnull=True) | Q(closes_at__gte=now)
        return Program.objects.filter(still_open).order_by(F("closes_at").asc(nulls_last=True), "order", "pk")


@admin.register(Registration)
class RegistrationAdmin(QuickChecklistAdmin, AccessRecordedAdmin, admin.ModelAdmin):
    list_display = ("member_email", "member_name", "target", "kind", "status", "short_message", "created_at")
    list_display_links = ("member_email",)
    list_filter = ("status", KindFilter, ProgramFilter, EventFilter, "created_at")
    list_select_related = ("user", "program", "event")
    search_fields = ("user__email", "user__name", "message")
    SEARCH_MEMBERS_LISTED = 1000
    # "n results (N in all)" would count every registration again on each page.
    show_full_result_count = False

    def get_search_results(self, request, queryset, search_term):
        """Each word in the member's email or name, or in the message. The members are found first, then
        their registrations: on PostgreSQL both steps use indexes (trigram indexes on the member's email and
        name and on the message), where one search over the members joined to every registration would
        read them all."""
        for word in smart_split(search_term):
            if word.startswith(('"', "'")) and word[0] == word[-1]:  # a quoted phrase, as Django's search
                word = unescape_string_literal(word)
            members = get_user_model().objects.filter(Q(email__icontains=word) | Q(name__icontains=word))
            found = list(members.values_list("pk", flat=True)[: self.SEARCH_MEMBERS_LISTED + 1])
            if len(found) > self.SEARCH_MEMBERS_LISTED:  # a word most members share: let the database join
                found = members.values("pk")
            queryset = queryset.filter(Q(user__in=found) | Q(message__icontains=word))
        return queryset, False

    def has_delete_permission(self, request, obj=None):
        # Registrations are cancelled (which passes the place on and tells the member), never deleted.
        return False

    search_help_text = _("Searches the member's email, name and message.")
    ordering = ("-created_at", "-pk")
    list_per_page = 100
    actions = ("confirm", "confirm_beyond_capacity", "waitlist", "cancel", "export_csv")
    fields = ("member_email", "member_name", "target", "status", "message", "created_at", "updated_at")
    readonly_fields = fields

    class Media:
        css = {"all": ("admin-site/css/admin.css",)}

    # Registrations are made by members; staff change them only through the actions.
    def has_add_permission(self, request):
        return False

    def has_export_permission(self, request):
        return request.user.has_perm(EXPORT_PERMISSION)

    @admin.display(description=_("email"), ordering="user__email")
    def member_email(self, obj):
        return obj.user.email if obj.user else gettext("(account deleted)")

    @admin.display(description=pgettext_lazy("a person's name", "name"), ordering="user__name")
    def member_name(self, obj):
        return obj.user.name if obj.user else ""

    @admin.display(description=_("program or event"))
    def target(self, obj):
        return obj.target

    @admin.display(description=_("type"))
    def kind(self, obj):
        return gettext("Program") if obj.program_id else gettext("Event")

    @admin.display(description=_("message"))
    def short_message(self, obj):
        return truncatechars(obj.message, 80)

    def _change_each(self, request, queryset, change) -> int:
        """Apply the service ``change`` to each registration; report refusals, return how many changed."""
        done = 0
        refused: dict[str, int] = {}
        for registration in queryset.select_related("program", "event"):
            try:
                change(registration=registration)
            except RegistrationError as error:
                refused[str(error)] = refused.get(str(error), 0) + 1
            else:
                done += 1
        for reason, count in refused.items():
            self.message_user(
                request,
                ngettext(
                    "%(count)d registration was not changed: %(reason)s",
                    "%(count)d registrations were not changed: %(reason)s",
                    count,
                )
                % {"count": count, "reason": reason},
                messages.WARNING,
            )
        return done

    def _done(self, request, message: str) -> None:
        self.message_user(request, message, messages.SUCCESS)

    @admin.action(description=_("Confirm selected registrations"), permissions=["change"])
    def confirm(self, request, queryset):
        if done := self._change_each(request, queryset, services.registration_confirm):
            self._done(request, _confirmed_message(done))

    @admin.action(
        description=_("Confirm selected registrations, even beyond the capacity"), permissions=["change"]
    )
    def confirm_beyond_capacity(self, request, queryset):
        def confirm(*, registration):
            return services.registration_confirm(registration=registration, force=True)

        if done := self._change_each(request, queryset, confirm):
            self._done(request, _confirmed_message(done))

    @admin.action(description=_("Move selected registrations to the waiting list"), permissions=["change"])
    def waitlist(self, request, queryset):
        if done := self._change_each(request, queryset, services.registration_waitlist):
            message = ngettext(
                "%(count)d registration moved to the waiting list.",
                "%(count)d registrations moved to the waiting list.",
                done,
            )
            self._done(request, message % {"count": done})

    @admin.action(description=_("Cancel selected registrations"), permissions=["change"])
    def cancel(self, request, queryset):
        if done := self._change_each(request, queryset, services.registration_cancel):
            message = ngettext(
                "%(count)d registration cancelled.", "%(count)d registrations cancelled.", done
            )
            self._done(request, message % {"count": done})

    @admin.action(description=_("Export selected registrations as CSV"), permissions=["export"])
    def export_csv(self, request, queryset):
        self.record_export(queryset, "CSV")
        return _csv_response(queryset.order_by("created_at", "pk"))

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("overview/", self.admin_site.admin_view(self.overview_view), name=f"{prefix}_overview"),
            path("export/", self.admin_site.admin_view(self.export_view), name=f"{prefix}_export"),
            *super().get_urls(),
        ]

    def export_view(self, request):
        """All registrations matching the list's current filters and search, as CSV."""
        if not self.has_export_permission(request):
            raise PermissionDenied
        try:
            queryset = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            return HttpResponseRedirect(reverse("admin:registrations_registration_changelist"))
        self.record_export(queryset, "CSV of the list")
        return _csv_response(queryset)

    def overview_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Registrations per month"),
            "overview": registrations_overview(),
            "has_export_permission": self.has_export_permission(request),
        }
        return TemplateResponse(request, "admin/registrations/registration/overview.html", context)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "has_export_permission": self.has_export_permission(request),
        }
        return super().changelist_view(request, extra_context)


def _confirmed_message(count: int) -> str:
    return ngettext("%(count)d registration confirmed.", "%(count)d registrations confirmed.", count) % {
        "count": count
    }


def _csv_response(queryset) -> HttpResponse:
    response = HttpResponse(registrations_csv(queryset), content_type="text/csv; charset=utf-8")
    filename = f"registrations-{timezone.localdate():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
