"""Cooperation consulting & matching: organisations in Busan ask for partners abroad; staff consult them and
propose partners from a directory they keep."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

DESCRIPTION_MAX = 3000
TIMES_MAX = 500
REASON_MAX = 1000
NOTES_MAX = 5000


class OrganizationType(models.TextChoices):
    COMPANY = "company", _("Company")
    NGO = "ngo", _("NGO or association")
    SCHOOL = "school", _("School")
    UNIVERSITY = "university", _("University")
    PUBLIC = "public", _("Public body")


class CooperationKind(models.TextChoices):
    TRADE = "trade", _("Trade and business")
    CULTURE = "culture", _("Culture")
    EDUCATION = "education", _("Education")
    ENVIRONMENT = "environment", _("Environment")
    YOUTH = "youth", _("Youth")
    SPORTS = "sports", _("Sports")
    OTHER = "other", _("Other")


class Mode(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")


class PartnerOrganizationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class PartnerOrganization(models.Model):
    """An organisation abroad that staff may propose as a partner. Name and description in three languages."""

    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), max_length=DESCRIPTION_MAX, blank=True)
    organization_type = models.CharField(_("type"), max_length=12, choices=OrganizationType.choices)
    field = models.CharField(_("field"), max_length=12, choices=CooperationKind.choices)
    city = models.ForeignKey(
        "programs.City",
        verbose_name=_("sister or friendship city"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner_organizations",
    )
    place = models.CharField(
        _("city or region"),
        max_length=120,
        blank=True,
        help_text=_("Where the organisation is, if not in one of Busan's sister or friendship cities."),
    )
    country = models.CharField(_("country or region"), max_length=120)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive partners are kept but no longer proposed.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PartnerOrganizationQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    @property
    def location(self) -> str:
        """City (or place) and country in the active language's order: "Surabaya, Indonesia", "인도네시아
        수라바야", "印度尼西亚泗水"."""
        place = self.city.name if self.city else self.place
        if not place:
            return str(self.country)
        return gettext("%(place)s, %(country)s") % {"place": place, "country": self.country}


class CooperationRequestQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(state__in=CooperationRequest.FINAL_STATES)


class CooperationRequest(models.Model):
    """A Busan organisation's request for consulting and a partner abroad, filed by a member."""

    class State(models.TextChoices):
        NEW = "new", _("Received")
        ASSIGNED = "assigned", _("Assigned to a consultant")
        IN_CONSULTATION = "in_consultation", _("In consultation")
        MATCH_PROPOSED = "match_proposed", _("Partners proposed")
        MATCHED = "matched", _("Matched")
        CLOSED = "closed", _("Closed")

    class Size(models.TextChoices):
        MICRO = "1-9", _("1 to 9 people")
        SMALL = "10-49", _("10 to 49 people")
        MEDIUM = "50-249", _("50 to 249 people")
        LARGE = "250+", _("250 people or more")

    class PreferredMode(models.TextChoices):
        ONLINE = "online", _("Online")
        IN_PERSON = "in_person", _("In person")
        EITHER = "either", _("Either")

    FINAL_STATES = (State.MATCHED, State.CLOSED)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cooperation_requests",
        help_text=_("Empty once the member has deleted their account; the request stays for statistics."),
    )
    organization_name = models.CharField(_("organisation"), max_length=200)
    organization_type = models.CharField(
        _("type of organisation"), max_length=12, choices=OrganizationType.choices
    )
    field = models.CharField(_("field of activity"), max_length=100)
    size = models.CharField(_("size"), max_length=8, choices=Size.choices)
    website = models.URLField(_("website"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=100)
    contact_position = models.CharField(_("position"), max_length=100, blank=True)
    contact_email = models.EmailField(_("contact email"))
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    city_sought = models.ForeignKey(
        "programs.City",
        verbose_name=_("sister or friendship city sought"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cooperation_requests",
    )
    country_sought = models.CharField(_("country or region sought"), max_length=100, blank=True)
    kind = models.CharField(_("kind of cooperation"), max_length=12, choices=CooperationKind.choices)
    kind_other = models.CharField(_("other kind of cooperation"), max_length=100, blank=True)
    description = models.TextField(_("request details"), max_length=DESCRIPTION_MAX)
    preferred_times = models.TextField(_("preferred consultation times"), max_length=TIMES_MAX)
    preferred_mode = models.CharField(
        _("consultation"), max_length=10, choices=PreferredMode.choices, default=PreferredMode.EITHER
    )
    language = models.CharField(_("language of the request"), max_length=10, choices=settings.LANGUAGES)
    consent_version = models.CharField(_("consent text version"), max_length=20)
    consented_at = models.DateTimeField(_("consent given"))
    # The separate consent to give the contact details to the partners abroad the request is matched with
    # (PIPA art. 17(2), 28-8). Empty only on requests filed before it was asked for: those cannot be matched.
    provision_consent_version = models.CharField(
        _("provision consent: text version"), max_length=20, blank=True
    )
    provision_consented_at = models.DateTimeField(_("provision consent: given"), null=True, blank=True)

    state = models.CharField(_("state"), max_length=16, choices=State.choices, default=State.NEW)
    consultant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consultant"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    closed_reason = models.TextField(_("reason for closing"), max_length=REASON_MAX, blank=True)
    created_at = models.DateTimeField(_("received"), default=timezone.now)
    state_changed_at = models.DateTimeField(_("state changed"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = CooperationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperation request")
        verbose_name_plural = _("cooperation requests")
        ordering = ["-created_at", "-pk"]
        permissions = [("export_cooperationrequest", _("Can export cooperation requests"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(city_sought__isnull=False) | ~Q(country_sought=""), name="request_seeks_a_place"
            ),
            models.CheckConstraint(
                condition=~Q(kind="other") | ~Q(kind_other=""), name="request_other_kind_named"
            ),
            models.CheckConstraint(
                condition=~Q(state="closed") | ~Q(closed_reason=""), name="request_closed_with_reason"
            ),
            models.CheckConstraint(
                condition=Q(provision_consented_at__isnull=True, provision_consent_version="")
                | (Q(provision_consented_at__isnull=False) & ~Q(provision_consent_version="")),
                name="request_provision_consent_recorded_whole",
            ),
        ]
        indexes = [models.Index(fields=["state"])]

    def __str__(self):
        return f"{self.organization_name} · {self.get_kind_display()}"

    def get_absolute_url(self):
        return reverse("cooperation:detail", args=[self.pk])

    @property
    def sought(self) -> str:
        """The city or country the organisation looks for a partner in, as staff and the requester read it."""
        if self.city_sought_id:
            return str(self.city_sought.name)
        return self.country_sought

    @property
    def may_introduce(self) -> bool:
        """Whether the requester agreed to be introduced to partners abroad, so partners may be proposed
        and matched."""
        return self.provision_consented_at is not None

    @property
    def kind_shown(self) -> str:
        return self.kind_other if self.kind == CooperationKind.OTHER else str(self.get_kind_display())


class StateChange(models.Model):
    """One step of a request: the state it entered, when, by whom, and why (for closing)."""

    request = models.ForeignKey(
        CooperationRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="state_changes"
    )
    state = models.CharField(_("state"), max_length=16, choices=CooperationRequest.State.choices)
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("reason"), max_length=REASON_MAX, blank=True)

    class Meta:
        verbose_name = _("state change")
        verbose_name_plural = _("state changes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.request} → {self.get_state_display()}"


class Consultation(models.Model):
    request = models.ForeignKey(
        CooperationRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="consultations"
    )
    held_at = models.DateTimeField(_("date and time"))
    mode = models.CharField(_("online or in person"), max_length=10, choices=Mode.choices)
    notes = models.TextField(_("notes"), max_length=NOTES_MAX, blank=True, help_text=_("Seen by staff only."))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["held_at", "pk"]

    def __str__(self):
        return f"{self.request} · {timezone.localtime(self.held_at):%Y-%m-%d %H:%M}"


class ProposedPartner(models.Model):
    """A partner from the directory proposed for a request; ``is_match`` once the two agree to cooperate."""

    request = models.ForeignKey(
        CooperationRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="proposals"
    )
    partner = models.ForeignKey(
        PartnerOrganization,
        verbose_name=_("partner organisation"),
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    note = models.TextField(
        _("note for the requester"),
        max_length=REASON_MAX,
        blank=True,
        help_text=_("Why this partner: shown to the requester."),
    )
    is_match = models.BooleanField(_("matched"), default=False)
    proposed_at = models.DateTimeField(_("proposed"), default=timezone.now)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("proposed partner")
        verbose_name_plural = _("proposed partners")
        ordering = ["proposed_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["request", "partner"], name="partner_proposed_once")]

    def __str__(self):
        return f"{self.request} ↔ {self.partner}"
