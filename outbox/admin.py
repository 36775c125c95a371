"""Outgoing mail for staff: what is waiting, what was sent, what failed and why; failed mail may be resent.

The text of a message is not shown: mail to members holds links that log in or reset a password. Addresses
are personal data: what staff look at here goes into the access record.
"""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from audit.admin import AccessRecordedAdmin

from . import services
from .models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(AccessRecordedAdmin, admin.ModelAdmin):
    list_display = (
        "created_at",
        "status",
        "recipients",
        "subject",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "kept_until",
    )
    list_filter = ("status", "created_at")
    search_fields = ("subject",)
    date_hierarchy = "created_at"
    ordering = ("-created_at", "-pk")
    list_per_page = 100
    actions = ("send_again",)
    fields = (
        "status",
        "recipients",
        "subject",
        "from_email",
        "created_at",
        "attempts",
        "next_attempt_at",
        "last_attempt_at",
        "sent_at",
        "kept_until",
        "last_error",
    )
    readonly_fields = fields

    class Media:
        css = {"all": ("admin-site/css/admin.css",)}

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("recipients"))
    def recipients(self, obj):
        return ", ".join((*obj.to, *obj.cc, *obj.bcc))

    @admin.display(description=_("deleted after"))
    def kept_until(self, obj):
        """When the daily job deletes a delivered or failed message (failed mail can be sent again until
        then)."""
        until = services.mail_kept_until(obj)
        return date_format(timezone.localtime(until), "DATE_FORMAT") if until else "—"

    @admin.action(description=_("Send the selected failed mail again"), permissions=["view"])
    def send_again(self, request, queryset):
        count = sum(services.mail_retry(mail=mail) for mail in queryset)
        self.message_user(
            request,
            ngettext("%(count)d message will be sent again.", "%(count)d messages will be sent again.", count)
            % {"count": count},
            messages.SUCCESS,
        )
