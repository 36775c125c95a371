"""The staff's editing desk for content: tabbed KO / EN / ZH fields, translation status, publishing."""

from functools import partial

from django.conf import settings
from django.contrib import admin, messages
from django.db import transaction
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationStackedInline
from modeltranslation.utils import build_localized_fieldname

from .completeness import language_codes, missing_translation_q, translation_status
from .forms import ImageAdminForm
from .images import image_files_delete
from .models import Category, City, GalleryImage, Program, ProgramImage, Status

admin.site.site_header = _("Busan International Exchange · Staff")
admin.site.site_title = _("Busan International Exchange staff")
admin.site.index_title = _("Content and registrations")


def language_label(code: str) -> str:
    """The short label staff know a language by: ``KO``, ``EN``, ``ZH``."""
    return code.split("-")[0].upper()


class MissingTranslationFilter(admin.SimpleListFilter):
    """Items lacking a language's text in the fields their admin counts (``completeness_fields``)."""

    title = _("missing translation")
    parameter_name = "missing"

    def __init__(self, request, params, model, model_admin):
        self.fields = model_admin.completeness_fields
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return [(code, f"{language_label(code)} · {name}") for code, name in settings.LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() in language_codes():
            return queryset.filter(missing_translation_q(self.fields, self.value()))
        return queryset


class ContentAdmin(TabbedTranslationAdmin):
    """What every piece of public content shares in the admin.

    ``completeness_fields`` are the translated fields whose missing languages are shown in the list, the
    "missing translation" filter and the counts on the admin index.
    """

    completeness_fields: tuple[str, ...] = ()
    actions = ("publish", "unpublish")
    save_on_top = True
    list_per_page = 50
    search_help_text = _("Searches the text in every language.")

    class Media:
        css = {"all": ("admin-site/css/admin.css",)}

    def get_search_fields(self, request):
        # Staff search in whichever language they remember the title in.
        search_fields = []
        for field in super().get_search_fields(request):
            if field in self.trans_opts.fields:
                search_fields += [build_localized_fieldname(field, code) for code in language_codes()]
            else:
                search_fields.append(field)
        return search_fields

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        # Photos removed from a gallery take their files (original and renditions) with them, once saved.
        removed = [
            getattr(photo, name).name
            for photo in getattr(formset, "deleted_objects", [])
            if isinstance(photo, GalleryImage)
            for name in ("image", "image_card", "image_detail")
        ]
        if removed:
            storage = formset.model._meta.get_field("image").storage
            transaction.on_commit(partial(image_files_delete, storage=storage, names=removed))

    def view_on_site(self, obj):
        # A relative address in the admin's own language; drafts have no public page yet.
        if obj.status == Status.PUBLISHED:
            return obj.get_absolute_url()
        return None

    @admin.display(description=_("translations"))
    def translations(self, obj):
        status = translation_status(obj, self.completeness_fields)
        return format_html_join(
            " ",
            '<span class="translation-status translation-{}" title="{}">{} {}</span>',
            (
                (
                    "complete" if complete else "missing",
                    gettext("complete") if complete else gettext("missing"),
                    language_label(code),
                    "✓" if complete else "✗",
                )
                for code, complete in status.items()
            ),
        )

    @admin.display(description=_("on site"))
    def public_link(self, obj):
        url = self.view_on_site(obj)
        if url is None:
            return "—"
        return format_html('<a href="{}">{}</a>', url, gettext("View on site"))

    def _set_status(self, request, queryset, status: str) -> int:
        return queryset.update(status=status, updated_at=timezone.now())

    @admin.action(description=_("Publish selected items"), permissions=["change"])
    def publish(self, request, queryset):
        count = self._set_status(request, queryset, Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%(count)d item published.", "%(count)d items published.", count) % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish selected items (back to draft)"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = self._set_status(request, queryset, Status.DRAFT)
        self.message_user(
            request,
            ngettext("%(count)d item set to draft.", "%(count)d items set to draft.", count)
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Category)
class CategoryAdmin(ContentAdmin):
    completeness_fields = ("name", "summary")
    list_display = ("name", "translations", "status", "order", "public_link")
    list_display_links = ("name",)
    list_editable = ("order",)
    list_filter = ("status", MissingTranslationFilter)
    search_fields = ("name", "summary")
    ordering = ("order", "pk")
    prepopulated_fields = {"slug": ("name_en",)}
    fieldsets = (
        (None, {"fields": ("name", "summary")}),
        (_("Publishing"), {"fields": ("status", "slug", "order")}),
    )


@admin.register(City)
class CityAdmin(ContentAdmin):
    form = ImageAdminForm
    completeness_fields = ("name", "country", "description")
    list_display = ("name", "country", "relationship", "agreement_date", "translations", "status", "order")
    list_filter = ("status", "relationship", MissingTranslationFilter)
    search_fields = ("name", "country")
    ordering = ("order", "pk")
    prepopulated_fields = {"slug": ("name_en",)}
    fieldsets = (
        (None, {"fields": ("name", "country", "relationship", "agreement_date", "description", "website")}),
        (_("Image"), {"fields": ("image", "image_alt")}),
        (_("Publishing"), {"fields": ("status", "slug", "order")}),
    )

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "website":
            # An address typed without its scheme is a secure one (Django 6 does the same).
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class GalleryInline(TranslationStackedInline):
    """A program's or event's photos: each checked and re-encoded on upload, described in three languages."""

    form = ImageAdminForm
    fields = ("image", "image_alt", "caption", "order")
    extra = 0
    classes = ("collapse",)


class ProgramImageInline(GalleryInline):
    model = ProgramImage


@admin.register(Program)
class ProgramAdmin(ContentAdmin):
    form = ImageAdminForm
    completeness_fields = ("title", "summary")
    list_display = (
        "title",
        "category",
        "translations",
        "status",
        "order",
        "updated_at",
        "public_link",
    )
    list_filter = ("status", "category", MissingTranslationFilter, "cities")
    search_fields = ("title", "summary", "detail")
    ordering = ("order", "pk")
    prepopulated_fields = {"slug": ("title_en",)}
    filter_horizontal = ("cities",)
    list_select_related = ("category",)
    inlines = (ProgramImageInline,)
    fieldsets = (
        (
            None,
            {"fields": ("category", "title", "summary", "detail", "activities", "eligibility", "contact")},
        ),
        (_("Image"), {"fields": ("image", "image_alt")}),
        (_("Partner cities"), {"fields": ("cities",)}),
        (_("Applications"), {"fields": ("opens_at", "closes_at", "capacity")}),
        (_("Publishing"), {"fields": ("status", "slug", "order")}),
    )
