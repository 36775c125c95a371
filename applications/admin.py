"""The staff desk for calls and applications (in the staff member's language, Korean by default).

Program managers run the calls they are named managers of (superusers: all); content editors see none of
this. Every change of state goes through ``applications.services``, as on the site, so applicants get the
same emails, the history records who did it, and places are never given twice.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from accounts.districts import District
from audit.admin import AccessRecordedAdmin
from busan_exchange.admin_site import QuickChecklistAdmin
from programs.admin import ContentAdmin

from . import selectors, services
from .admin_reports import applications_csv
from .choices import SchoolLevel
from .exceptions import ApplicationError
from .models import Answer, Application, Call, Question, StateChange

EXPORT_PERMISSION = "applications.export_application"


class CallAdminForm(forms.ModelForm):
    school_levels = forms.TypedMultipleChoiceField(
        label=_("school levels"),
        choices=SchoolLevel.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Leave all unticked to accept every level."),
    )

    class Meta:
        model = Call
        # The admin adds the fieldsets' fields.
        fields = ["school_levels"]


class QuestionInline(TranslationStackedInline):
    model = Question
    extra = 0
    fields = ("order", "kind", "text", "help_text", "options", "required", "max_length")


@admin.register(Call)
class CallAdmin(ContentAdmin):
    form = CallAdminForm
    completeness_fields = ("title", "summary", "description")
    inlines = (QuestionInline,)
    list_display = (
        "title",
        "program",
        "opens_at",
        "closes_at",
        "places",
        "selection",
        "applications_link",
        "translations",
        "status",
    )
    list_filter = ("status", "selection", "program")
    list_select_related = ("program",)
    search_fields = ("title", "summary")
    ordering = ("-opens_at", "pk")
    prepopulated_fields = {"slug": ("title_en",)}
    filter_horizontal = ("managers",)
    actions = ("publish", "unpublish", "draw_lottery")
    readonly_fields = ("lottery_seed", "lottery_drawn_at", "lottery_drawn_by", "lottery_check")
    fieldsets = (
        (None, {"fields": ("program", "title", "summary", "description", "destination")}),
        (
            _("Trip and application period"),
            {"fields": ("trip_starts_on", "trip_ends_on", "opens_at", "closes_at")},
        ),
        (_("Places"), {"fields": ("places", "selection", "offer_hours")}),
        (
            _("Eligibility"),
            {"fields": ("min_age", "max_age", "age_on", "residence", "school_levels", "eligibility_note")},
        ),
        (_("Managers"), {"fields": ("managers",)}),
        (_("Lottery"), {"fields": ("lottery_seed", "lottery_drawn_at", "lottery_drawn_by", "lottery_check")}),
        (_("Publishing"), {"fields": ("status", "slug", "order")}),
    )

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .managed_by(request.user)
            .annotate(application_count=Count("applications"))
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Whoever creates a call runs it: without this they could not see what they just made.
        if not change and not request.user.is_superuser:
            form.instance.managers.add(request.user)

    @admin.display(description=_("applications"), ordering="application_count")
    def applications_link(self, obj):
        url = reverse("admin:applications_application_changelist") + f"?call__id__exact={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, obj.application_count)

    @admin.display(description=_("check of the draw"))
    def lottery_check(self, obj):
        if not obj.lottery_drawn_at:
            return "—"
        if selectors.lottery_replay(obj):
            return gettext("Drawing again with the recorded seed gives the same order.")
        return gettext("Drawing again with the recorded seed gives a DIFFERENT order: please investigate.")

    @admin.action(description=_("Draw the lottery of the selected calls"), permissions=["change"])
    def draw_lottery(self, request, queryset):
        for call in queryset:
            try:
                drawn = services.call_lottery_draw(call=call, by=request.user)
            except ApplicationError as error:
                self.message_user(request, f"{call}: {error}", messages.WARNING)
            else:
                self.message_user(
                    request,
                    ngettext(
                        "%(call)s: %(count)d application drawn; seed %(seed)s.",
                        "%(call)s: %(count)d applications drawn; seed %(seed)s.",
                        len(drawn),
                    )
                    % {"call": call, "count": len(drawn), "seed": Call.objects.get(pk=call.pk).lottery_seed},
                    messages.SUCCESS,
                )


class AnswerInline(admin.TabularInline):
    model = Answer
    fields = ("question_korean", "answer_korean")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("question")

    @admin.display(description=_("question"))
    def question_korean(self, obj):
        return selectors.staff_answer(obj)[0]

    @admin.display(description=_("answer"))
    def answer_korean(self, obj):
        if obj.file:
            url = reverse("applications:answer-file", args=[obj.pk])
            return format_html('<a href="{}" download>{}</a>', url, obj.file_name)
        return selectors.staff_answer(obj)[1]


class StateChangeInline(admin.TabularInline):
    model = StateChange
    fields = ("at", "from_state", "to_state", "actor", "by")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class EligibilityFilter(admin.SimpleListFilter):
    """The call's rules, as they are now, against what each application recorded when it was submitted."""

    title = _("eligibility")
    parameter_name = "eligible"

    def lookups(self, request, model_admin):
        return [("yes", _("Eligible")), ("no", _("Not eligible"))]

    def queryset(self, request, queryset):
        if self.value() not in ("yes", "no"):
            return queryset
        rows = queryset.select_related("call").only(
            "pk", "age", "school_level", "district", "school_in_busan", "call"
        )
        eligible = [a.pk for a in rows if selectors.application_flags(a).eligible]
        if self.value() == "yes":
            return queryset.filter(pk__in=eligible)
        return queryset.exclude(pk__in=eligible)


class AgeFilter(admin.SimpleListFilter):
    title = _("age")
    parameter_name = "age"

    def lookups(self, request, model_admin):
        ages = (
            model_admin.get_queryset(request)
            .exclude(age__isnull=True)
            .order_by("age")
            .values_list("age", flat=True)
            .distinct()
        )
        return [(str(age), str(age)) for age in ages]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(age=int(self.value()))
        return queryset


class ResidenceFilter(admin.SimpleListFilter):
    title = _("residence district")
    parameter_name = "district"

    def lookups(self, request, model_admin):
        return [("busan", _("Anywhere in Busan")), *District.choices]

    def queryset(self, request, queryset):
        if self.value() == "busan":
            return queryset.exclude(district=District.OUTSIDE).exclude(district="")
        if self.value() in District.values:
            return queryset.filter(district=self.value())
        return queryset


class CallFilter(admin.SimpleListFilter):
    """Only the calls the staff member manages."""

    title = _("call")
    parameter_name = "call__id__exact"

    def lookups(self, request, model_admin):
        return [
            (str(call.pk), str(call)) for call in Call.objects.managed_by(request.user).order_by("-opens_at")
        ]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(call_id=int(self.value()))
        return queryset


@admin.register(Application)
class ApplicationAdmin(QuickChecklistAdmin, AccessRecordedAdmin, admin.ModelAdmin):
    list_display = (
        "number",
        "applicant_name",
        "guardian",
        "age",
        "school_level",
        "residence",
        "flags",
        "state",
        "submitted_at",
        "offer_expires_at",
        "lottery_rank",
    )
    list_display_links = ("number", "applicant_name")
    list_filter = (
        CallFilter,
        "state",
        EligibilityFilter,
        AgeFilter,
        "school_level",
        ResidenceFilter,
        "is_child",
    )
    list_select_related = ("call", "applicant", "account")
    search_fields = ("applicant__name", "account__email", "account__name")
    search_help_text = _("Searches the applicant's name and the member's name and email.")
    ordering = ("call", "submitted_at", "pk")
    list_per_page = 100
    show_full_result_count = False
    # The application's own page is the member's; staff have this desk.
    view_on_site = False
    actions = ("shortlist", "offer", "waitlist", "not_select", "export_csv")
    inlines = (AnswerInline, StateChangeInline)
    fields = (
        "call",
        "applicant_name",
        "applicant_details",
        "guardian",
        "state",
        "age",
        "school_level",
        "district",
        "school_in_busan",
        "is_child",
        "guardian_consent_version",
        "flags",
        "submitted_at",
        "offer_expires_at",
        "lottery_rank",
        "answers_deleted_at",
    )
    readonly_fields = fields

    class Media:
        css = {"all": ("admin-site/css/admin.css",)}

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .visible_to_staff(request.user)
            .exclude(state=Application.State.DRAFT)
        )

    # Applications are made by applicants and changed only through the actions; never deleted here.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        # One application is read, never edited: its state changes only through the list's actions.
        if obj is not None:
            return False
        return super().has_change_permission(request)

    def has_export_permission(self, request):
        return request.user.has_perm(EXPORT_PERMISSION)

    @admin.display(description=_("number"), ordering="pk")
    def number(self, obj):
        return obj.pk

    @admin.display(description=_("applicant"), ordering="applicant__name")
    def applicant_name(self, obj):
        if obj.applicant is None:
            return gettext("(account deleted)")
        if obj.is_child:
            return gettext("%(name)s (child)") % {"name": obj.applicant.name}
        return obj.applicant.name

    @admin.display(description=_("member (guardian)"), ordering="account__email")
    def guardian(self, obj):
        return obj.account.email if obj.account else "—"

    @admin.display(description=_("residence"), ordering="district")
    def residence(self, obj):
        text = obj.get_district_display()
        if obj.school_in_busan:
            return gettext("%(district)s · school in Busan") % {"district": text}
        return text

    @admin.display(description=_("eligibility"))
    def flags(self, obj):
        result = selectors.application_flags(obj)
        if result.eligible:
            return format_html('<span class="flag flag-ok">✓ {}</span>', gettext("Eligible"))
        return format_html(
            '<span class="flag flag-no">✗ {}</span><ul class="flag-reasons">{}</ul>',
            gettext("Not eligible"),
            format_html_join("", "<li>{}</li>", ((reason,) for reason in result.reasons)),
        )

    @admin.display(description=_("applicant's details"))
    def applicant_details(self, obj):
        applicant = obj.applicant
        if applicant is None:
            return "—"
        return format_html(
            "{} · {} · {} · {}",
            applicant.birth_date.isoformat(),
            applicant.school or "—",
            applicant.get_school_level_display(),
            applicant.get_district_display(),
        )

    # --- Actions: each goes through a service and reports refusals in plain words --------------------

    def _by_call(self, queryset):
        groups: dict[int, list[Application]] = {}
        for application in queryset.select_related("call"):
            groups.setdefault(application.call_id, []).append(application)
        return groups

    def _run(self, request, queryset, change, done_message) -> None:
        done = 0
        for applications in self._by_call(queryset).values():
            try:
                done += len(change(applications))
            except ApplicationError as error:
                call = applications[0].call
                self.message_user(request, f"{call}: {error}", messages.ERROR)
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)

    @admin.action(description=_("Shortlist (under review)"), permissions=["change"])
    def shortlist(self, request, queryset):
        self._run(
            request,
            queryset,
            lambda apps: services.applications_shortlist(applications=apps, by=request.user),
            lambda n: (
                ngettext(
                    "%(count)d application is under review.", "%(count)d applications are under review.", n
                )
                % {"count": n}
            ),
        )

    @admin.action(description=_("Offer a place"), permissions=["change"])
    def offer(self, request, queryset):
        self._run(
            request,
            queryset,
            lambda apps: services.applications_offer(call=apps[0].call, applications=apps, by=request.user),
            lambda n: ngettext("%(count)d place offered.", "%(count)d places offered.", n) % {"count": n},
        )

    @admin.action(description=_("Put on the waiting list"), permissions=["change"])
    def waitlist(self, request, queryset):
        self._run(
            request,
            queryset,
            lambda apps: services.applications_waitlist(applications=apps, by=request.user),
            lambda n: (
                ngettext(
                    "%(count)d application put on the waiting list.",
                    "%(count)d applications put on the waiting list.",
                    n,
                )
                % {"count": n}
            ),
        )

    @admin.action(description=_("Not selected"), permissions=["change"])
    def not_select(self, request, queryset):
        self._run(
            request,
            queryset,
            lambda apps: services.applications_not_select(applications=apps, by=request.user),
            lambda n: (
                ngettext("%(count)d application not selected.", "%(count)d applications not selected.", n)
                % {"count": n}
            ),
        )

    @admin.action(description=_("Export selected applications as CSV"), permissions=["export"])
    def export_csv(self, request, queryset):
        self.record_export(queryset, "CSV")
        return _csv_response(queryset.order_by("call", "submitted_at", "pk"))

    # --- Counts per state and the export of the filtered list ------------------------------------------

    def get_urls(self):
        prefix = f"{self.opts.app_label}_{self.opts.model_name}"
        return [
            path("export/", self.admin_site.admin_view(self.export_view), name=f"{prefix}_export"),
            *super().get_urls(),
        ]

    def export_view(self, request):
        """All applications matching the list's current filters and search, as CSV."""
        if not self.has_export_permission(request):
            raise PermissionDenied
        try:
            queryset = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            return HttpResponseRedirect(reverse("admin:applications_application_changelist"))
        self.record_export(queryset, "CSV of the list")
        return _csv_response(queryset)

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "has_export_permission": self.has_export_permission(request),
        }
        response = super().changelist_view(request, extra_context)
        context = getattr(response, "context_data", None)
        if context and "cl" in context:
            base = self.get_queryset(request)
            call_id = request.GET.get("call__id__exact", "")
            call = None
            if call_id.isdigit():
                base = base.filter(call_id=int(call_id))
                call = Call.objects.managed_by(request.user).filter(pk=int(call_id)).first()
            counts = selectors.state_counts(base)
            context["state_counts"] = counts
            context["desk_call"] = call
            if call is not None:
                held = sum(n for state, _label, n in counts if state in Application.PLACE_STATES)
                context["places_held"] = held
                context["places_free"] = max(call.places - held, 0)
        return response


def _csv_response(queryset) -> HttpResponse:
    response = HttpResponse(applications_csv(queryset), content_type="text/csv; charset=utf-8")
    filename = f"applications-{timezone.localdate():%Y%m%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
