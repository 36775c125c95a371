from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from programs.admin import ContentAdmin, GalleryInline, MissingTranslationFilter
from programs.forms import ImageAdminForm

from .models import Event, EventImage


class EventImageInline(GalleryInline):
    model = EventImage


@admin.register(Event)
class EventAdmin(ContentAdmin):
    form = ImageAdminForm
    completeness_fields = ("title", "summary")
    list_display = (
        "title",
        "starts_at",
        "program",
        "translations",
        "status",
        "public_link",
    )
    list_filter = ("status", MissingTranslationFilter, "program")
    search_fields = ("title", "summary", "body", "venue")
    ordering = ("-starts_at", "pk")
    prepopulated_fields = {"slug": ("title_en",)}
    date_hierarchy = "starts_at"
    filter_horizontal = ("cities",)
    list_select_related = ("program",)
    inlines = (EventImageInline,)
    fieldsets = (
        (None, {"fields": ("title", "summary", "body", "program")}),
        (_("When and where"), {"fields": ("starts_at", "ends_at", "venue")}),
        (_("Image"), {"fields": ("image", "image_alt")}),
        (_("Cities"), {"fields": ("cities",)}),
        (
            _("Registration"),
            {
                "fields": (
                    "registration_opens_at",
                    "registration_closes_at",
                    "capacity",
                )
            },
        ),
        (_("Publishing"), {"fields": ("status", "slug", "order")}),
    )
