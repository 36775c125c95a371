from django.contrib import admin
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Category, City, Program


@admin.register(Category)
class CategoryAdmin(TabbedTranslationAdmin):
    list_display = ("name", "status", "order")
    list_editable = ("order",)
    list_filter = ("status",)
    search_fields = ("name", "summary")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(City)
class CityAdmin(TabbedTranslationAdmin):
    list_display = ("name", "country", "relationship", "agreement_date", "status", "order")
    list_filter = ("status", "relationship")
    search_fields = ("name", "country")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(Program)
class ProgramAdmin(TabbedTranslationAdmin):
    list_display = ("title", "category", "status", "order", "updated_at")
    list_filter = ("status", "category")
    search_fields = ("title", "summary", "detail")
    prepopulated_fields = {"slug": ("title_en",)}
    filter_horizontal = ("cities",)
    list_select_related = ("category",)
