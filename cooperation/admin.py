"""The consulting & matching desk: the partner directory, requests with their consultations and proposed
partners, state changes, counts per state and city, and the CSV export.

State changes, consultations and proposals go through ``cooperation.services``, so the requester is mailed
the same way whoever moves the request on.
"""

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from audit.admin import AccessRecordedAdmin

from . import (
    admin_directory,  # noqa: F401 (registers the partner directory)
    services,
)
from .admin_reports import requests_csv, requests_overview
from .exceptions import CooperationError
from .forms_admin import ProposalForm, RequestAdminForm, TransitionForm
from .models import Consultation, CooperationRequest, ProposedPartner

EXPORT_PERMISSION = "cooperation.export_cooperationrequest"
ADMIN_CSS = {"all": ("admin-site/css/admin.css", "admin-site/css/matching.css")}


class ServiceFormSetMixin:
    """Inline rows saved and deleted through the services, never directly."""

    def save_with_services(self, request, formset, save, delete):
        changed = formset.save(commit=False)  # also lists the rows marked for deletion
        for obj in formset.deleted_objects:
            delete(obj)
        for obj in changed:
            save(obj, request.user)


class ConsultationInline(admin.TabularInline):
    model = Consultation
    fields = ("held_at", "mode", "notes", "recorded_by")
    readonly_fields = ("recorded_by",)
    extra = 0


class ProposalInline(admin.TabularInline):
    model = ProposedPartner
    form = ProposalForm
    fields = ("partner", "note", "is_match", "proposed_at", "proposed_by")
    readonly_fields = ("is_match", "proposed_at", "proposed_by")
    extra = 0

    def _open(self, obj):
        return obj is None or obj.state not in CooperationRequest.FINAL_STATES

    def has_add_permission(self, request, obj=None):
        # Without the requester's consent to be introduced abroad, no partner is proposed at all.
        may_introduce = obj is None or obj.may_introduce
        return self._open(obj) and may_introduce and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._open(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._open(obj) and super().has_delete_permission(request, obj)


class OpenFilter(admin.SimpleListFilter):
    title = _("in progress")
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("yes", _("In progress")), ("no", _("Matched or closed"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.open()
        if self.value() == "no":
            return queryset.filter(state__in=CooperationRequest.FINAL_STATES)
        return queryset


@admin.register(CooperationRequest)
class CooperationRequestAdmin(AccessRecordedAdmin, ServiceFormSetMixin, admin.ModelAdmin):
    form = RequestAdminForm
    list_display = (
        "organization_name",
        "organization_type",
        "kind_shown",
        "sought_shown",
        "state",
        "consultant",
        "created_at",
    )
    list_filter = (OpenFilter, "state", "kind", "organization_type", "city_sought", "consultant")
    list_select_related = ("city_sought", "consultant")
    search_fields = (
        "organization_name",
        "contact_name",
        "contact_email",
        "field",
        "description",
        "country_sought",
    )
    search_help_text = _("Searches the organisation, contact, field, description and country.")
    date_hierarchy = "created_at"
    actions = ("export_csv",)
    inlines = (ConsultationInline, ProposalInline)
    fieldsets = (
        (
            _("State"),
            {"fields": ("state", "state_changed_at", "consultant", "closed_reason", "transition_link")},
        ),
        (
            _("Organisation"),
            {"fields": ("organization_name", "organization_type", "field", "size", "website", "member")},
        ),
        (
            _("Contact person"),
            {"fields": ("contact_name", "contact_position", "contact_email", "contact_phone")},
        ),
        (
            _("Request"),
            {
                "fields": (
                    "sought_shown",
                    "kind_shown",
                    "description",
                    "preferred_times",
                    "preferred_mode",
                    "language",
                    "created_at",
                    "consent_shown",
                    "provision_consent_shown",
                )
            },
        ),
        (_("Progress"), {"fields": ("history",)}),
    )
    readonly_fields = (
        "state",
        "state_changed_at",
        "consultant",
        "closed_reason",
        "transition_link",
        "organization_name",
        "organization_type",
        "field",
        "size",
        "website",
        "member",
        "contact_name",
        "contact_position",
        "contact_email",
        "contact_phone",
        "sought_shown",
        "kind_shown",
        "description",
        "preferred_times",
        "preferred_mode",
        "language",
        "created_at",
        "consent_shown",
        "provision_consent_shown",
        "history",
    )

    class Media:
        css = ADMIN_CSS

    # Requests are filed by members; staff move them on but never add or delete them.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_export_permission(self, request):
        return request.user.has_perm(EXPORT_PERMISSION)

    @admin.display(description=_("kind of cooperation"), ordering="kind")
    def kind_shown(self, obj):
        return obj.kind_shown

    @admin.display(description=_("city or country sought"))
    def sought_shown(self, obj):
        return obj.sought or "—"

    @admin.display(description=_("member"))
    def member(self, obj):
        return obj.user.email if obj.user else gettext("(account deleted)")

    @admin.display(description=_("consent to collection and use"))
    def consent_shown(self, obj):
        return _consent_given(obj.consent_version, obj.consented_at)

    @admin.display(description=_("consent to provision to partners abroad"))
    def provision_consent_shown(self, obj):
        if not obj.may_introduce:
            return gettext(
                "Not given (request sent before this consent was asked for): no partner can be proposed or "
                "matched."
            )
        return _consent_given(obj.provision_consent_version, obj.provision_consented_at)

    @admin.display(description=_("steps"))
    def history(self, obj):
        rows = format_html_join(
            "",
            "<li>{}</li>",
            (
                (
                    " · ".join(
                        str(part)
                        for part in (
                            timezone.localtime(change.changed_at).strftime("%Y-%m-%d %H:%M"),
                            change.get_state_display(),
                            change.changed_by or "",
                            change.reason,
                        )
                        if part
                    ),
                )
                for change in obj.state_changes.select_related("changed_by")
            ),
        )
        return format_html('<ol class="request-history">{}</ol>', rows) if rows else "—"

    @admin.display(description=_("next step"))
    def transition_link(self, obj):
        if obj.pk is None or obj.state in CooperationRequest.FINAL_STATES:
            return "—"
        url = reverse("admin:cooperation_cooperationrequest_transition", args=[obj.pk])
        return format_html(
            '<a class="button" href="{}">{}</a>', url, gettext("Change the state or consultant")
        )

    def save_model(self, request, obj, form, change):
        # The request's own fields are read only; only its consultations and proposals change here.
        pass

    def save_formset(self, request, form, formset, change):
        if formset.model is Consultation:
            self.save_with_services(
                request,
                formset,
                save=lambda obj, user: services.consultation_save(consultation=obj, by=user),
                delete=lambda obj: services.consultation_delete(consultation=obj),
            )
        elif formset.model is ProposedPartner:
            self.save_with_services(
                request,
                formset,
                save=lambda obj, user: services.proposal_save(proposal=obj, by=user),
                delete=lambda obj: services.proposal_delete(proposal=obj),
            )

    @admin.action(description=_("Export selected requests as CSV"), permissions=["export"])
    def export_csv(self, request, queryset):
        self.record_export(queryset, "CSV")
        return _csv_response(queryset.order_by("created_at", "pk"))

    def get_urls(self):
        prefix = "cooperation_cooperationrequest"
        view = self.admin_site.admin_view
        return [
            path("overview/", view(self.overview_view), name=f"{prefix}_overview"),
            path("export/", view(self.export_view), name=f"{prefix}_export"),
            path("<path:object_id>/transition/", view(self.transition_view), name=f"{prefix}_transition"),
            *super().get_urls(),
        ]

    def transition_view(self, request, object_id):
        cooperation_request = get_object_or_404(
            CooperationRequest.objects.select_related("consultant"), pk=object_id
        )
        if not self.has_change_permission(request, cooperation_request):
            raise PermissionDenied
        form = TransitionForm(request.POST or None, request=cooperation_request)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                if data["state"]:
                    services.request_transition(
                        request=cooperation_request,
                        state=data["state"],
                        by=request.user,
                        consultant=data["consultant"],
                        reason=data["reason"],
                        matched=list(data["matched"]),
                    )
                    done = gettext(
                        "The request is now “%(state)s”; the organisation has been told by email."
                    ) % {"state": CooperationRequest.State(data["state"]).label}
                else:
                    services.request_consultant_set(
                        request=cooperation_request, consultant=data["consultant"]
                    )
                    done = gettext("The request has been handed to %(consultant)s.") % {
                        "consultant": data["consultant"]
                    }
            except CooperationError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(request, done, messages.SUCCESS)
                return redirect("admin:cooperation_cooperationrequest_change", cooperation_request.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": cooperation_request,
            "title": gettext("Move the request on"),
            "form": form,
        }
        return TemplateResponse(request, "admin/cooperation/cooperationrequest/transition.html", context)

    def export_view(self, request):
        """All requests matching the list's current filters and search, as CSV."""
        if not self.has_export_permission(request):
            raise PermissionDenied
        try:
            queryset = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            return HttpResponseRedirect(reverse("admin:cooperation_cooperationrequest_changelist"))
        self.record_export(queryset, "CSV of the list")
        return _csv_response(queryset)

    def overview_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Cooperation requests per state and city"),
            "overview": requests_overview(),
            "has_export_permission": self.has_export_permission(request),
        }
        return TemplateResponse(request, "admin/cooperation/cooperationrequest/overview.html", context)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "has_export_permission": self.has_export_permission(request),
        }
        return super().changelist_view(request, extra_context)


def _consent_given(version, when) -> str:
    return gettext("Version %(version)s, given on %(when)s") % {
        "version": version,
        "when": timezone.localtime(when).strftime("%Y-%m-%d %H:%M"),
    }


def _csv_response(queryset) -> HttpResponse:
    response = HttpResponse(requests_csv(queryset), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="cooperation-requests-{timezone.localdate():%Y%m%d}.csv"'
    )
    return response
