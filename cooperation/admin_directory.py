"""The directory of partner organisations abroad, in three languages, that staff propose to requesters."""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from audit.admin import AccessRecordedAdmin
from programs.admin import MissingTranslationFilter, language_label
from programs.completeness import translation_status

from .models import PartnerOrganization

ADMIN_CSS = {"all": ("admin-site/css/admin.css", "admin-site/css/matching.css")}


@admin.register(PartnerOrganization)
class PartnerOrganizationAdmin(AccessRecordedAdmin, TabbedTranslationAdmin):
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    completeness_fields = ("name", "description", "country")
    list_display = ("name", "organization_type", "field", "location_shown", "translations", "active")
    list_filter = ("active", "field", "organization_type", "city", MissingTranslationFilter)
    search_fields = ("name_ko", "name_en", "name_zh_hans", "contact_name", "contact_email")
    list_select_related = ("city",)
    fieldsets = (
        (None, {"fields": ("name", "description", "organization_type", "field")}),
        (_("Where"), {"fields": ("city", "place", "country")}),
        (
            _("Contact (staff only)"),
            {"fields": ("website", "contact_name", "contact_email", "contact_phone")},
        ),
        (None, {"fields": ("active",)}),
    )

    class Media:
        css = ADMIN_CSS

    @admin.display(description=_("where"))
    def location_shown(self, obj):
        return obj.location

    @admin.display(description=_("translations"))
    def translations(self, obj):
        status = translation_status(obj, self.completeness_fields)
        return " ".join(
            f"{language_label(code)} {'✓' if complete else '✗'}" for code, complete in status.items()
        )

    def has_delete_permission(self, request, obj=None):
        # A partner once proposed stays in the requests' history: make it inactive instead.
        if obj is not None and obj.proposals.exists():
            return False
        return super().has_delete_permission(request, obj)
