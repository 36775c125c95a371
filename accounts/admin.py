from allauth.account.admin import EmailAddressAdmin
from allauth.account.models import EmailAddress
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from audit.admin import AccessRecordedAdmin
from audit.services import Action, access_record

from .models import Consent, User


class ConsentInline(admin.TabularInline):
    """The consents a member gave, as a record: never edited in the admin."""

    model = Consent
    fields = ("kind", "version", "language", "given_at", "withdrawn_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(User)
class UserAdmin(AccessRecordedAdmin, BaseUserAdmin):
    """Members and staff; what staff see and change here goes into the access record."""

    ordering = ("email",)
    list_display = ("email", "name", "language", "is_staff", "is_active", "date_joined")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups", "language")
    search_fields = ("email", "name")
    inlines = (ConsentInline,)
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Personal info"), {"fields": ("name", "language", "phone")}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)

    def user_change_password(self, request, id, form_url=""):
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            access_record(
                action=Action.CHANGE, model=User, ids=[unquote(id)], summary="password set in the admin"
            )
        return response


admin.site.unregister(EmailAddress)


@admin.register(EmailAddress)
class RecordedEmailAddressAdmin(AccessRecordedAdmin, EmailAddressAdmin):
    """allauth's list of members' addresses, with what staff see and change in the access record."""
