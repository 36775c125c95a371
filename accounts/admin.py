import re
from datetime import timedelta

from allauth.account.admin import EmailAddressAdmin
from allauth.account.models import EmailAddress
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from audit.admin import AccessRecordedAdmin
from audit.services import Action, access_record
from busan_exchange.admin_site import QuickChecklistAdmin

from . import services
from .exceptions import AccountError
from .models import Consent, PrivacyPolicy, User


class ConsentInline(admin.TabularInline):
    """The consents a member gave, as a record: never edited in the admin."""

    model = Consent
    fields = ("kind", "version", "policy", "language", "given_at", "withdrawn_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(User)
class UserAdmin(QuickChecklistAdmin, AccessRecordedAdmin, BaseUserAdmin):
    """Members and staff; what staff see and change here goes into the access record."""

    ordering = ("email",)
    list_display = ("email", "name", "language", "is_staff", "is_active", "date_joined")
    list_filter = ("is_staff", "is_superuser", "is_active", "groups", "language")
    search_fields = ("email", "name")
    # "n results (N in all)" would count every member again on each page.
    show_full_result_count = False
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


def _next_version(version: str) -> str:
    match = re.fullmatch(r"(\d+)\.(\d+)", version)
    return f"{match[1]}.{int(match[2]) + 1}" if match else f"{version}-1"


@admin.register(PrivacyPolicy)
class PrivacyPolicyAdmin(TabbedTranslationAdmin):
    """Versions of the privacy policy. A published version is read only: changes are made in a new version,
    started from it with an action, then published on its own."""

    list_display = ("version", "effective_on", "status", "published_at", "in_force")
    list_filter = ("status",)
    ordering = ("-effective_on", "-pk")
    fields = ("version", "effective_on", "status", "published_at", "changes", "body")
    readonly_fields = ("status", "published_at")
    actions = ("publish", "new_version")

    class Media:
        css = {"all": ("admin-site/css/admin.css",)}

    def has_change_permission(self, request, obj=None):
        # A published version is shown read only (no save buttons): a change is a new version.
        if obj is not None and obj.is_published:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        if obj is not None and obj.is_published:
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        # Published versions stay forever: a consent points at the version it was given under.
        actions.pop("delete_selected", None)
        return actions

    @admin.display(description=_("in force"), boolean=True)
    def in_force(self, obj):
        current = PrivacyPolicy.objects.in_force(timezone.localdate()).first()
        return current is not None and current.pk == obj.pk

    @admin.action(description=_("Publish the selected drafts"), permissions=["change"])
    def publish(self, request, queryset):
        published = 0
        for policy in queryset.order_by("effective_on", "pk"):
            try:
                services.privacy_policy_publish(policy=policy)
            except AccountError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                published += 1
        if published:
            self.message_user(
                request,
                ngettext("%(count)d version published.", "%(count)d versions published.", published)
                % {"count": published},
                messages.SUCCESS,
            )

    @admin.action(description=_("Start a new version from the selected one"), permissions=["add"])
    def new_version(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, gettext("Select exactly one version to start from."), messages.ERROR)
            return None
        source = queryset.get()
        try:
            draft = services.privacy_policy_new_version(
                source=source,
                version=_next_version(source.version),
                effective_on=timezone.localdate() + timedelta(days=7),
            )
        except AccountError as error:
            self.message_user(request, error.message, messages.ERROR)
            return None
        self.message_user(
            request,
            gettext("Draft version %(version)s started: edit it, then publish it.")
            % {"version": draft.version},
            messages.SUCCESS,
        )
        return redirect("admin:accounts_privacypolicy_change", draft.pk)
