"""The members' admin: deleting a member there does what the member's own deletion does."""

from django.contrib import admin

from accounts.admin import UserAdmin
from accounts.models import User

from .services import member_delete

admin.site.unregister(User)


@admin.register(User)
class MemberAdmin(UserAdmin):
    def delete_model(self, request, obj):
        # The same deletion a member makes: places pass to the waiting list, messages are erased.
        member_delete(user=obj)

    def delete_queryset(self, request, queryset):
        for user in queryset:
            member_delete(user=user)
