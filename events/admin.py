from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Event


@admin.register(Event)
class EventAdmin(TabbedTranslationAdmin):
    list_display = ("title", "starts_at", "program", "status")
    list_filter = ("status", "program")
    search_fields = ("title", "summary", "body", "venue")
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "starts_at"
    filter_horizontal = ("cities",)
    list_select_related = ("program",)
