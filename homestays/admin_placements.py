"""Placing guests with households in the admin: every approved household with its conflicts for the guest,
the flags shown before anything is saved, and overrides kept with their reason (who, when, why)."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from audit.admin import AccessRecordedAdmin

from . import services
from .choices import Diet, Language, Pet, labels_listed
from .conflicts import host_options, placement_conflicts
from .forms_admin import AssignmentForm
from .models import Assignment, Guest


class HostWithdrewFilter(admin.SimpleListFilter):
    title = _("household")
    parameter_name = "household"

    def lookups(self, request, model_admin):
        return [("withdrew", _("Withdrew: stays still to come need a new household"))]

    def queryset(self, request, queryset):
        if self.value() == "withdrew":
            return queryset.filter(host__isnull=True, ends_on__gte=timezone.localdate())
        return queryset


class OverriddenFilter(admin.SimpleListFilter):
    title = _("flags overridden")
    parameter_name = "overridden"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.exclude(override_reason="")
        if self.value() == "no":
            return queryset.filter(override_reason="")
        return queryset


def _guest_facts(guest: Guest) -> list[tuple[str, str]]:
    """What staff weigh when choosing a household, in the active language."""
    facts = [
        (gettext("Age"), str(guest.age)),
        (gettext("Gender"), guest.get_gender_display()),
        (gettext("Languages"), labels_listed(Language, guest.languages)),
        (gettext("Allergic to"), labels_listed(Pet, guest.animal_allergies)),
        (gettext("Allergies"), guest.allergies),
        (gettext("Diet"), labels_listed(Diet, guest.diet)),
        (gettext("Other needs"), guest.needs),
    ]
    return [(label, value) for label, value in facts if value]


@admin.register(Assignment)
class AssignmentAdmin(AccessRecordedAdmin, admin.ModelAdmin):
    form = AssignmentForm
    list_display = (
        "guest",
        "delegation",
        "host_shown",
        "starts_on",
        "ends_on",
        "flags_shown",
        "override_reason",
    )
    list_filter = ("guest__delegation", HostWithdrewFilter, OverriddenFilter)
    list_select_related = ("guest__delegation", "host__user")
    search_fields = ("guest__first_name", "guest__family_name", "host__user__email", "host__user__name")
    search_help_text = _("Searches the guest's names and the host's email and name.")
    date_hierarchy = "starts_on"

    class Media:
        css = {"all": ("admin-site/css/admin.css", "admin-site/css/matching.css")}

    def get_fieldsets(self, request, obj=None):
        main = (
            ("guest", "host", "starts_on", "ends_on")
            if obj is None
            else ("guest", "host", "starts_on", "ends_on", "assigned_by")
        )
        return (
            (None, {"fields": main}),
            (
                _("Overriding flags"),
                {"fields": ("override_reason",) if obj is None else ("override_record", "override_reason")},
            ),
        )

    def get_readonly_fields(self, request, obj=None):
        # A placement belongs to its guest: place another guest from their own page.
        return () if obj is None else ("guest", "assigned_by", "override_record")

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None and "guest" in form.base_fields:
            # Guests already placed are moved on their placement's own page.
            form.base_fields["guest"].queryset = Guest.objects.filter(assignment__isnull=True).select_related(
                "delegation"
            )
        return form

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        guest = Guest.objects.select_related("delegation").filter(pk=initial.get("guest") or 0).first()
        if guest is not None:
            initial.setdefault("starts_on", guest.delegation.arrives_on)
            initial.setdefault("ends_on", guest.delegation.departs_on)
        return initial

    @admin.display(description=_("delegation"), ordering="guest__delegation")
    def delegation(self, obj):
        return obj.guest.delegation

    @admin.display(description=_("host"), ordering="host__user__name")
    def host_shown(self, obj):
        return obj.host or gettext("Host withdrew")

    @admin.display(description=_("flags overridden"))
    def flags_shown(self, obj):
        return labels_listed(Assignment.Flag, obj.override_flags) or "—"

    @admin.display(description=_("override"))
    def override_record(self, obj):
        if not obj.override_reason:
            return gettext("No flag overridden.")
        return gettext("%(flags)s — overridden by %(who)s on %(when)s") % {
            "flags": labels_listed(Assignment.Flag, obj.override_flags),
            "who": obj.overridden_by or gettext("(account deleted)"),
            "when": timezone.localtime(obj.overridden_at).strftime("%Y-%m-%d %H:%M"),
        }

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        assignment = services.assignment_save(
            guest=data.get("guest") or obj.guest,
            host=data["host"],
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            override_reason=data.get("override_reason", ""),
            by=request.user,
        )
        # The admin goes on with ``obj`` (its log entry, its redirect): make it the saved placement.
        for field in Assignment._meta.concrete_fields:
            setattr(obj, field.attname, getattr(assignment, field.attname))
        obj._state.adding = False

    def delete_model(self, request, obj):
        services.assignment_cancel(assignment=obj)

    def delete_queryset(self, request, queryset):
        for assignment in queryset:
            services.assignment_cancel(assignment=assignment)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        """Above the form: every approved household for this guest with what each placement would break,
        and the rules the current placement breaks now."""
        form = context["adminform"].form
        guest = obj.guest if obj else None
        if guest is None:
            guest_id = form["guest"].value() if "guest" in form.fields else None
            guest = Guest.objects.select_related("delegation").filter(pk=guest_id or 0).first()
        if guest is not None:
            delegation = guest.delegation
            starts_on = obj.starts_on if obj else delegation.arrives_on
            ends_on = obj.ends_on if obj else delegation.departs_on
            context["guest"] = guest
            context["guest_facts"] = _guest_facts(guest)
            context["stay"] = (starts_on, ends_on)
            context["host_options"] = host_options(guest=guest, starts_on=starts_on, ends_on=ends_on)
            if obj is not None and obj.host is not None and request.method == "GET":
                context["current_conflicts"] = placement_conflicts(
                    guest=guest, host=obj.host, starts_on=obj.starts_on, ends_on=obj.ends_on
                )
        return super().render_change_form(request, context, add, change, form_url, obj)
