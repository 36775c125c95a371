"""The homestay desk: host offers and their review, incoming delegations, their guests, and placements.

Every change with consequences for a member (a review decision, a placement, a cancelled stay) goes through
``homestays.services``, so hosts get the same emails whoever makes the change.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from audit.admin import AccessRecordedAdmin

from . import (
    admin_delegations,  # noqa: F401 (registers the delegations and guests admins)
    admin_placements,  # noqa: F401 (registers the placements admin)
    services,
)
from .choices import Diet, Language, Pet, labels_listed
from .exceptions import HomestayError
from .forms_admin import ReviewForm
from .models import Assignment, HostConsent, HostOffer

ADMIN_CSS = {"all": ("admin-site/css/admin.css", "admin-site/css/matching.css")}


class PlacementInline(admin.TabularInline):
    """The guests placed with a household, as a record; placements are changed on their own page."""

    model = Assignment
    fields = ("guest", "delegation", "starts_on", "ends_on", "override_flags")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = _("guests placed with this household")

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("delegation"))
    def delegation(self, obj):
        return obj.guest.delegation

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("guest__delegation")


@admin.register(HostOffer)
class HostOfferAdmin(AccessRecordedAdmin, admin.ModelAdmin):
    list_display = (
        "host_name",
        "email",
        "district",
        "beds",
        "languages_shown",
        "available",
        "status",
        "submitted_at",
    )
    list_filter = ("status", "district", "guest_preference", "smoking")
    list_select_related = ("user",)
    search_fields = ("user__email", "user__name", "phone")
    search_help_text = _("Searches the host's email, name and phone number.")
    ordering = ("-submitted_at",)
    actions = ("approve",)
    inlines = (PlacementInline,)
    fieldsets = (
        (_("Host"), {"fields": ("host_name", "email", "phone", "consent")}),
        (
            _("Household"),
            {
                "fields": (
                    "adults",
                    "children",
                    "district",
                    "beds",
                    "guest_preference",
                    "languages_shown",
                    "pets_shown",
                    "smoking",
                    "diets_shown",
                    "available",
                    "introduction",
                )
            },
        ),
        (_("Review"), {"fields": ("status", "review_message", "reviewed_at", "reviewed_by", "review_link")}),
        (_("Staff only"), {"fields": ("staff_notes",)}),
    )
    readonly_fields = (
        "host_name",
        "email",
        "phone",
        "consent",
        "adults",
        "children",
        "district",
        "beds",
        "guest_preference",
        "languages_shown",
        "pets_shown",
        "smoking",
        "diets_shown",
        "available",
        "introduction",
        "status",
        "review_message",
        "reviewed_at",
        "reviewed_by",
        "review_link",
    )

    class Media:
        css = ADMIN_CSS

    # Offers are made by members; they are withdrawn by the member, never deleted by staff.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("name"), ordering="user__name")
    def host_name(self, obj):
        return obj.user.name or "—"

    @admin.display(description=_("email"), ordering="user__email")
    def email(self, obj):
        return obj.user.email

    @admin.display(description=_("languages spoken at home"))
    def languages_shown(self, obj):
        return labels_listed(Language, obj.languages)

    @admin.display(description=_("pets at home"))
    def pets_shown(self, obj):
        return labels_listed(Pet, obj.pets) or gettext("None")

    @admin.display(description=_("dietary needs the household can meet"))
    def diets_shown(self, obj):
        return labels_listed(Diet, obj.diets) or "—"

    @admin.display(description=_("available"), ordering="available_from")
    def available(self, obj):
        return gettext("%(start)s to %(end)s") % {"start": obj.available_from, "end": obj.available_until}

    @admin.display(description=_("homestay consent"))
    def consent(self, obj):
        consent = HostConsent.objects.filter(user=obj.user, withdrawn_at__isnull=True).first()
        if consent is None:
            return gettext("Not in force")
        return gettext("Version %(version)s, given on %(when)s (%(language)s)") % {
            "version": consent.version,
            "when": timezone.localtime(consent.given_at).strftime("%Y-%m-%d %H:%M"),
            "language": consent.get_language_display(),
        }

    @admin.display(description=_("decision"))
    def review_link(self, obj):
        if obj.pk is None:
            return "—"
        url = reverse("admin:homestays_hostoffer_review", args=[obj.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, gettext("Review this offer"))

    @admin.action(description=_("Approve selected offers"), permissions=["change"])
    def approve(self, request, queryset):
        done = 0
        for offer in queryset.exclude(status=HostOffer.Status.APPROVED):
            services.host_offer_review(
                offer=offer, decision=HostOffer.Status.APPROVED, message="", by=request.user
            )
            done += 1
        self.message_user(
            request,
            ngettext("%(count)d offer approved.", "%(count)d offers approved.", done) % {"count": done},
            messages.SUCCESS,
        )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/review/",
                self.admin_site.admin_view(self.review_view),
                name="homestays_hostoffer_review",
            ),
            *super().get_urls(),
        ]

    def review_view(self, request, object_id):
        """Approve, ask for changes or decline one offer, with a message the host reads."""
        offer = get_object_or_404(HostOffer.objects.select_related("user"), pk=object_id)
        if not self.has_change_permission(request, offer):
            raise PermissionDenied
        form = ReviewForm(request.POST or None, initial={"message": offer.review_message})
        if request.method == "POST" and form.is_valid():
            try:
                services.host_offer_review(
                    offer=offer,
                    decision=form.cleaned_data["decision"],
                    message=form.cleaned_data["message"],
                    by=request.user,
                )
            except HomestayError as error:
                form.add_error(None, error.message)
            else:
                self.message_user(
                    request,
                    gettext("The decision has been recorded and the host told by email."),
                    messages.SUCCESS,
                )
                return redirect("admin:homestays_hostoffer_change", offer.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": offer,
            "title": gettext("Review the offer of %(host)s") % {"host": offer},
            "form": form,
            "offer": offer,
        }
        return TemplateResponse(request, "admin/homestays/hostoffer/review.html", context)
