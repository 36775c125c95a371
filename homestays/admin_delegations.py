"""Incoming delegations and their guests in the admin: entered by hand or imported, then placed."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from audit.admin import AccessRecordedAdmin

from . import admin_import, services
from .choices import Diet, Language, Pet, labels, labels_listed
from .models import Delegation, Guest

ADMIN_CSS = {"all": ("admin-site/css/admin.css", "admin-site/css/matching.css")}


class GuestInline(admin.TabularInline):
    """The delegation's guests at a glance; each is edited and placed from its own page."""

    model = Guest
    fields = ("first_name", "family_name", "age", "gender", "placement")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("assignment__host__user")

    @admin.display(description=_("placement"))
    def placement(self, obj):
        return placement_cell(obj)


def placement_cell(guest: Guest):
    """The guest's household with a link to the placement, or a link to place the guest."""
    assignment = getattr(guest, "assignment", None)
    if assignment is None:
        url = f"{reverse('admin:homestays_assignment_add')}?{urlencode({'guest': guest.pk})}"
        return format_html('<a href="{}">{}</a>', url, gettext("Place this guest"))
    url = reverse("admin:homestays_assignment_change", args=[assignment.pk])
    if assignment.host is None:
        return format_html(
            '<a class="needs-host" href="{}">{}</a>', url, gettext("Host withdrew: place again")
        )
    return format_html('<a href="{}">{}</a>', url, assignment.host)


@admin.register(Delegation)
class DelegationAdmin(AccessRecordedAdmin, admin.ModelAdmin):
    list_display = (
        "title",
        "city",
        "arrives_on",
        "departs_on",
        "guest_count",
        "placed_count",
        "unplaced_count",
    )
    list_filter = ("city", "arrives_on")
    search_fields = ("title",)
    date_hierarchy = "arrives_on"
    inlines = (GuestInline,)
    fieldsets = (
        (None, {"fields": ("title", "city", "program", "event", "call", "arrives_on", "departs_on")}),
        (
            _("Rules of the exchange"),
            {"fields": ("rule_same_gender", "rule_non_smoking", "rule_max_guests_per_host")},
        ),
        (_("Staff only"), {"fields": ("notes",)}),
    )

    class Media:
        css = ADMIN_CSS

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("city")
            .annotate(
                n_guests=Count("guests", distinct=True),
                n_placed=Count("guests", filter=Q(guests__assignment__host__isnull=False), distinct=True),
            )
        )

    @admin.display(description=_("guests"), ordering="n_guests")
    def guest_count(self, obj):
        return obj.n_guests

    @admin.display(description=_("placed"), ordering="n_placed")
    def placed_count(self, obj):
        return obj.n_placed

    @admin.display(description=_("still to place"))
    def unplaced_count(self, obj):
        count = obj.n_guests - obj.n_placed
        if not count:
            return 0
        query = urlencode({"delegation__id__exact": obj.pk, "placement": "none"})
        url = f"{reverse('admin:homestays_guest_changelist')}?{query}"
        return format_html('<a href="{}">{}</a>', url, count)

    def delete_model(self, request, obj):
        services.delegation_delete(delegation=obj)

    def delete_queryset(self, request, queryset):
        for delegation in queryset:
            services.delegation_delete(delegation=delegation)

    def get_urls(self):
        return [
            path(
                "<path:object_id>/import/",
                self.admin_site.admin_view(self.import_view),
                name="homestays_delegation_import",
            ),
            path(
                "import-template.csv",
                self.admin_site.admin_view(self.template_view),
                name="homestays_guest_template",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request, object_id):
        delegation = get_object_or_404(Delegation, pk=object_id)
        if not request.user.has_perm("homestays.add_guest"):
            raise PermissionDenied
        return admin_import.import_view(self, request, delegation)

    def template_view(self, request):
        if not request.user.has_perm("homestays.add_guest"):
            raise PermissionDenied
        return admin_import.template_response()


class PlacementFilter(admin.SimpleListFilter):
    title = _("placement")
    parameter_name = "placement"

    def lookups(self, request, model_admin):
        return [("placed", _("Placed with a household")), ("none", _("Still to place"))]

    def queryset(self, request, queryset):
        if self.value() == "placed":
            return queryset.filter(assignment__host__isnull=False)
        if self.value() == "none":
            return queryset.filter(Q(assignment__isnull=True) | Q(assignment__host__isnull=True))
        return queryset


@admin.register(Guest)
class GuestAdmin(AccessRecordedAdmin, admin.ModelAdmin):
    list_display = ("__str__", "delegation", "age", "gender", "languages_shown", "needs_shown", "placement")
    list_filter = ("delegation", PlacementFilter, "gender")
    list_select_related = ("delegation", "assignment__host__user")
    search_fields = ("first_name", "family_name")
    fieldsets = (
        (None, {"fields": ("delegation", "first_name", "family_name", "age", "gender", "languages")}),
        (_("Health and meals"), {"fields": ("animal_allergies", "allergies", "diet", "needs")}),
    )

    class Media:
        css = ADMIN_CSS

    @admin.display(description=_("languages"))
    def languages_shown(self, obj):
        return labels_listed(Language, obj.languages)

    @admin.display(description=_("allergies and diet"))
    def needs_shown(self, obj):
        parts = (
            labels(Pet, obj.animal_allergies)
            + ([obj.allergies] if obj.allergies else [])
            + labels(Diet, obj.diet)
        )
        return "; ".join(parts) or "—"

    @admin.display(description=_("placement"))
    def placement(self, obj):
        return placement_cell(obj)

    def delete_model(self, request, obj):
        services.guest_delete(guest=obj)

    def delete_queryset(self, request, queryset):
        for guest in queryset:
            services.guest_delete(guest=guest)
