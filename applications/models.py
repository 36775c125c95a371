from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.districts import District
from programs.models import Publishable, PublishableQuerySet

from .choices import QuestionKind, Residence, SchoolLevel, Selection
from .storage import private_storage


class CallQuerySet(PublishableQuerySet):
    def open(self, now=None):
        now = now or timezone.now()
        return self.published().filter(opens_at__lte=now, closes_at__gt=now)

    def coming(self, now=None):
        now = now or timezone.now()
        return self.published().filter(opens_at__gt=now)

    def open_or_coming(self, now=None):
        now = now or timezone.now()
        return self.published().filter(closes_at__gt=now)

    def managed_by(self, user):
        """The calls ``user`` runs: all of them for a superuser, else those naming them as a manager."""
        if user.is_superuser:
            return self
        return self.filter(managers=user)


class Call(Publishable):
    """A call for applications (모집 공고 / 招募公告): one selection round of a program."""

    program = models.ForeignKey(
        "programs.Program", verbose_name=_("program"), on_delete=models.PROTECT, related_name="calls"
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences for lists."))
    description = models.TextField(_("description"), blank=True)
    destination = models.ForeignKey(
        "programs.City",
        verbose_name=_("destination city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="calls",
    )
    trip_starts_on = models.DateField(_("trip starts"))
    trip_ends_on = models.DateField(_("trip ends"))
    opens_at = models.DateTimeField(_("applications open"))
    closes_at = models.DateTimeField(_("applications close"))
    places = models.PositiveIntegerField(_("places"))
    selection = models.CharField(
        _("how places are given"), max_length=12, choices=Selection.choices, default=Selection.STAFF
    )
    offer_hours = models.PositiveIntegerField(
        _("hours to accept an offer"),
        default=72,
        help_text=_("An offer not accepted within this time expires and the place goes to the waiting list."),
    )
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    max_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    age_on = models.DateField(
        _("age counted on"),
        null=True,
        blank=True,
        help_text=_("Leave empty to count the age on the trip's first day."),
    )
    residence = models.CharField(
        _("residence"), max_length=16, choices=Residence.choices, default=Residence.ANY
    )
    school_levels = models.JSONField(
        _("school levels"), default=list, blank=True, help_text=_("Leave all unticked to accept every level.")
    )
    eligibility_note = models.TextField(
        _("other conditions"),
        blank=True,
        help_text=_("Shown to applicants; checked by the office, not by the site."),
    )
    managers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("managers"),
        blank=True,
        related_name="managed_calls",
        help_text=_("Staff who run this call and may see its applicants. Superusers see every call."),
    )
    lottery_seed = models.CharField(_("lottery seed"), max_length=64, blank=True, editable=False)
    lottery_drawn_at = models.DateTimeField(_("lottery drawn"), null=True, blank=True, editable=False)
    lottery_drawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lottery drawn by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = CallQuerySet.as_manager()

    class Meta(Publishable.Meta):
        verbose_name = _("call for applications")
        verbose_name_plural = _("calls for applications")
        ordering = ["opens_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=F("opens_at")), name="call_window_order"),
            models.CheckConstraint(
                condition=Q(trip_ends_on__gte=F("trip_starts_on")), name="call_trip_order"
            ),
            models.CheckConstraint(condition=Q(places__gte=1), name="call_has_places"),
            models.CheckConstraint(condition=Q(offer_hours__gte=1), name="call_offer_hours_positive"),
            models.CheckConstraint(
                condition=Q(min_age__isnull=True) | Q(max_age__isnull=True) | Q(max_age__gte=F("min_age")),
                name="call_age_range_order",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("applications:call", kwargs={"slug": self.slug})

    @property
    def age_reference_date(self):
        return self.age_on or self.trip_starts_on


class Question(models.Model):
    call = models.ForeignKey(Call, verbose_name=_("call"), on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveIntegerField(_("order"), default=0)
    kind = models.CharField(_("type"), max_length=16, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=300)
    help_text = models.TextField(_("explanation"), blank=True)
    options = models.TextField(
        _("options"),
        blank=True,
        help_text=_("For choice questions: one option per line, in the same order in every language."),
    )
    required = models.BooleanField(_("required"), default=True)
    max_length = models.PositiveIntegerField(
        _("maximum length"),
        null=True,
        blank=True,
        help_text=_("For text answers: the most characters allowed."),
    )

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.text

    @property
    def option_lines(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]

    @property
    def is_choice(self) -> bool:
        return self.kind in (QuestionKind.ONE_CHOICE, QuestionKind.SEVERAL_CHOICES)


class Applicant(models.Model):
    """Someone a member applies for: the member themself, or a child they are the guardian of."""

    class Relationship(models.TextChoices):
        SELF = "self", _("The member")
        CHILD = "child", _("Child")

    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member (guardian)"),
        on_delete=models.CASCADE,
        related_name="applicants",
    )
    relationship = models.CharField(_("relationship"), max_length=8, choices=Relationship.choices)
    name = models.CharField(_("name"), max_length=150)
    birth_date = models.DateField(_("date of birth"))
    school = models.CharField(_("school"), max_length=200, blank=True)
    school_level = models.CharField(_("school level"), max_length=12, choices=SchoolLevel.choices)
    district = models.CharField(_("residence district"), max_length=12, choices=District.choices)
    school_in_busan = models.BooleanField(_("attends a school in Busan"), default=False)
    # PIPA art. 22-2: a child under 14's data needs the legal guardian's recorded consent.
    guardian_consent_version = models.CharField(
        _("guardian consent: text version"), max_length=20, blank=True
    )
    guardian_consent_language = models.CharField(
        _("guardian consent: language"), max_length=10, choices=settings.LANGUAGES, blank=True
    )
    guardian_consent_at = models.DateTimeField(_("guardian consent: given"), null=True, blank=True)
    guardian_consent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("guardian consent: given by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("applicant")
        verbose_name_plural = _("applicants")
        ordering = ["relationship", "birth_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["account"], condition=Q(relationship="self"), name="one_self_applicant_per_member"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_child(self) -> bool:
        return self.relationship == self.Relationship.CHILD

    @property
    def in_busan(self) -> bool:
        return self.district != District.OUTSIDE


class ApplicationQuerySet(models.QuerySet):
    def in_state(self, *states):
        return self.filter(state__in=states)

    def holding_place(self):
        """Offered or accepted: each takes one of the call's places."""
        return self.filter(state__in=Application.PLACE_STATES)

    def waiting(self):
        """The waiting list in its order: lottery rank first, then when each joined."""
        return self.filter(state=Application.State.WAITLISTED).order_by(
            F("lottery_rank").asc(nulls_last=True), "waitlisted_at", "pk"
        )

    def offers_due(self, now=None):
        return self.filter(state=Application.State.OFFERED, offer_expires_at__lte=now or timezone.now())

    def visible_to_staff(self, user):
        """Applications to the calls ``user`` manages."""
        if user.is_superuser:
            return self
        return self.filter(call__managers=user)


class Application(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        OFFERED = "offered", _("Offered a place")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        EXPIRED = "expired", _("Offer expired")
        NOT_SELECTED = "not_selected", _("Not selected")
        WAITLISTED = "waitlisted", _("Waiting list")
        WITHDRAWN = "withdrawn", _("Withdrawn by the applicant")

    PLACE_STATES = (State.OFFERED, State.ACCEPTED)
    FINAL_STATES = (State.DECLINED, State.EXPIRED, State.NOT_SELECTED, State.WITHDRAWN)

    call = models.ForeignKey(
        Call, verbose_name=_("call"), on_delete=models.PROTECT, related_name="applications"
    )
    applicant = models.ForeignKey(
        Applicant,
        verbose_name=_("applicant"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
        help_text=_("Empty once the member has deleted their account; the row stays for statistics."),
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member (guardian)"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="applications",
    )
    state = models.CharField(_("state"), max_length=14, choices=State.choices, default=State.DRAFT)
    # What the applicant was when they applied, against which the call's rules were checked; kept (without
    # a name) for statistics after the account is deleted.
    age = models.PositiveSmallIntegerField(_("age on the reference date"), null=True, blank=True)
    school_level = models.CharField(_("school level"), max_length=12, choices=SchoolLevel.choices, blank=True)
    district = models.CharField(_("residence district"), max_length=12, choices=District.choices, blank=True)
    school_in_busan = models.BooleanField(_("attends a school in Busan"), default=False)
    is_child = models.BooleanField(_("applied for a child"), default=False)
    guardian_consent_version = models.CharField(
        _("guardian consent: text version"), max_length=20, blank=True
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer deadline"), null=True, blank=True)
    waitlisted_at = models.DateTimeField(_("joined the waiting list"), null=True, blank=True)
    lottery_rank = models.PositiveIntegerField(_("lottery rank"), null=True, blank=True)
    # Set when the answers and files were deleted at the end of their keeping time (a year after the trip).
    answers_deleted_at = models.DateTimeField(_("answers and files deleted"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        ordering = ["call", "submitted_at", "pk"]
        permissions = [("export_application", _("Can export applications"))]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "applicant"],
                condition=Q(applicant__isnull=False),
                name="one_application_per_applicant_and_call",
            ),
            models.CheckConstraint(
                condition=~Q(state="offered") | Q(offer_expires_at__isnull=False),
                name="offer_has_deadline",
            ),
        ]
        indexes = [
            models.Index(fields=["call", "state"]),
            models.Index(fields=["state", "offer_expires_at"]),
        ]

    def __str__(self):
        return f"{self.call} · {self.applicant or _('(account deleted)')}"

    def get_absolute_url(self):
        return reverse("applications:detail", kwargs={"pk": self.pk})

    @property
    def holds_place(self) -> bool:
        return self.state in self.PLACE_STATES


def answer_upload_to(instance, filename: str) -> str:
    # The caller names the file (random); the folder keeps uploads of one call together for staff backups.
    return f"applications/call-{instance.application.call_id}/{filename}"


class Answer(models.Model):
    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.PROTECT, related_name="answers"
    )
    # Text for text questions, True/False for yes/no, option numbers (from 0) for choices.
    value = models.JSONField(_("answer"), null=True, blank=True)
    file = models.FileField(_("file"), storage=private_storage, upload_to=answer_upload_to, blank=True)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    file_type = models.CharField(_("file type"), max_length=60, blank=True)
    file_size = models.PositiveIntegerField(_("file size"), null=True, blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["question__order", "question_id"]
        constraints = [
            models.UniqueConstraint(fields=["application", "question"], name="one_answer_per_question"),
        ]

    def __str__(self):
        return str(self.question)


class StateChange(models.Model):
    """One step in an application's history: from which state to which, when, and who did it."""

    class Actor(models.TextChoices):
        APPLICANT = "applicant", _("Applicant")
        STAFF = "staff", _("Staff")
        SYSTEM = "system", _("Scheduled job")

    application = models.ForeignKey(
        Application, verbose_name=_("application"), on_delete=models.CASCADE, related_name="history"
    )
    from_state = models.CharField(_("from"), max_length=14, choices=Application.State.choices, blank=True)
    to_state = models.CharField(_("to"), max_length=14, choices=Application.State.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.CharField(_("by"), max_length=10, choices=Actor.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_from_state_display() or '—'} → {self.get_to_state_display()}"
