"""The access record in the admin (read only, for everyone), and the mixin that records what staff see and
do in the admin pages of personal data."""

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import AccessRecord
from .services import Action, access_record


class AccessRecordedAdmin:
    """Mix into the ``ModelAdmin`` of any model that holds personal data, in front of its other bases::

        @admin.register(Application)
        class ApplicationAdmin(AccessRecordedAdmin, admin.ModelAdmin):
            ...

    From then on the access record gets an entry for each list page staff open (with the numbers of the
    rows shown, and whether they searched, never what they searched for), each record page, each save
    (with the names of the fields changed) and each deletion.

    Changes made through a service that records them itself (``audit.services.access_record``, as the
    registration and member services do) are not recorded twice: actions call the service. Exports made by
    an action or a view of the admin call ``self.record_export(queryset, note)`` before answering.
    """

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = (getattr(response, "context_data", None) or {}).get("cl")
        if changelist is not None and response.status_code == 200:
            shown = [obj.pk for obj in changelist.result_list]
            note = f"list: {len(shown)} of {changelist.result_count} rows, page {changelist.page_num}"
            if changelist.query:
                note += ", with a search"
            if changelist.get_filters_params():
                note += ", filtered by " + ", ".join(sorted(changelist.get_filters_params()))
            access_record(action=Action.VIEW, model=self.model, ids=shown, summary=note)
        return response

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        response = super().changeform_view(request, object_id, form_url, extra_context)
        if object_id and request.method == "GET" and response.status_code == 200:
            access_record(
                action=Action.VIEW, model=self.model, ids=[unquote(object_id)], summary="record page"
            )
        return response

    def history_view(self, request, object_id, extra_context=None):
        response = super().history_view(request, object_id, extra_context)
        if response.status_code == 200:
            access_record(action=Action.VIEW, model=self.model, ids=[unquote(object_id)], summary="history")
        return response

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        fields = ", ".join(form.changed_data) or "none"
        access_record(
            action=Action.CHANGE if change else Action.CREATE,
            model=self.model,
            ids=[obj.pk],
            summary=f"in the admin, fields: {fields}",
        )

    def delete_model(self, request, obj):
        pk = obj.pk
        super().delete_model(request, obj)
        access_record(action=Action.DELETE, model=self.model, ids=[pk], summary="in the admin")

    def delete_queryset(self, request, queryset):
        pks = list(queryset.values_list("pk", flat=True))
        super().delete_queryset(request, queryset)
        access_record(action=Action.DELETE, model=self.model, ids=pks, summary="in the admin")

    def record_export(self, queryset, note: str) -> None:
        """Record that the acting staff member exported ``queryset`` (``note``: the format, say)."""
        pks = list(queryset.values_list("pk", flat=True))
        access_record(action=Action.EXPORT, model=self.model, ids=pks, summary=f"{note}, {len(pks)} rows")


class _ActorKindFilter(admin.SimpleListFilter):
    title = _("by")
    parameter_name = "by"

    def lookups(self, request, model_admin):
        return [("staff", _("staff")), ("member", _("members")), ("system", _("the system"))]

    def queryset(self, request, queryset):
        if self.value() == "staff":
            return queryset.filter(actor_is_staff=True)
        if self.value() == "member":
            return queryset.filter(actor_is_staff=False, actor_id__isnull=False)
        if self.value() == "system":
            return queryset.filter(actor_id__isnull=True)
        return queryset


def _kind_name(object_type: str) -> str:
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type


class _KindFilter(admin.SimpleListFilter):
    title = _("kind of data")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        kinds = AccessRecord.objects.order_by().values_list("object_type", flat=True).distinct()
        return sorted(((kind, _kind_name(kind)) for kind in kinds), key=lambda pair: pair[1])

    def queryset(self, request, queryset):
        return queryset.filter(object_type=self.value()) if self.value() else queryset


@admin.register(AccessRecord)
class AccessRecordAdmin(admin.ModelAdmin):
    """Read only for everybody, superusers included: the database refuses changes anyway."""

    list_display = ("at", "actor", "action", "kind_of_data", "short_ids", "client_address", "summary")
    list_filter = ("action", _ActorKindFilter, _KindFilter, "at")
    date_hierarchy = "at"
    search_fields = ("object_ids",)
    search_help_text = _("A user number finds what they did; a record number finds who saw or changed it.")
    list_per_page = 100
    actions = None
    fields = (
        "at",
        "actor",
        "action",
        "kind_of_data",
        "object_type",
        "object_ids",
        "client_address",
        "summary",
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

    def get_search_results(self, request, queryset, search_term):
        term = search_term.strip().lstrip("#")
        if not term:
            return queryset, False
        if not term.isdigit():
            return queryset.none(), False
        ids = Q(object_ids=term) | Q(object_ids__startswith=f"{term},") | Q(object_ids__endswith=f",{term}")
        ids |= Q(object_ids__contains=f",{term},")
        return queryset.filter(ids | Q(actor_id=int(term))), False

    @admin.display(description=_("by"), ordering="actor_id")
    def actor(self, obj):
        if obj.actor_id is None:
            return _("the system")
        kind = _("staff") if obj.actor_is_staff else _("member")
        return f"#{obj.actor_id} ({kind})"

    @admin.display(description=_("kind of data"), ordering="object_type")
    def kind_of_data(self, obj):
        return _kind_name(obj.object_type)

    @admin.display(description=_("record numbers"))
    def short_ids(self, obj):
        ids = obj.object_ids.split(",") if obj.object_ids else []
        return ", ".join(ids[:10]) + (" …" if len(ids) > 10 else "")
