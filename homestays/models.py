"""Homestays: households that offer to host, incoming delegations, their guests and where each guest stays."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.districts import BusanDistrict as District

from .choices import Diet, Gender, GuestPreference, Language, Pet
from .fields import ChoiceListField

INTRODUCTION_MAX = 1000
REVIEW_MESSAGE_MAX = 1000
NOTES_MAX = 5000
GUEST_TEXT_MAX = 500


class HostOfferQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=HostOffer.Status.APPROVED)


class HostOffer(models.Model):
    """A member's offer to host guests in their household. One per member; withdrawing it deletes it."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for review")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", pgettext_lazy("host offer status", "Declined")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="host_offer",
    )
    adults = models.PositiveSmallIntegerField(_("adults in the household"))
    children = models.PositiveSmallIntegerField(_("children in the household"), default=0)
    district = models.CharField(_("district"), max_length=12, choices=District.choices)
    beds = models.PositiveSmallIntegerField(_("beds for guests"))
    languages = ChoiceListField(_("languages spoken at home"), choices_class=Language)
    pets = ChoiceListField(_("pets at home"), choices_class=Pet, blank=True)
    smoking = models.BooleanField(_("someone smokes at home"), default=False)
    diets = ChoiceListField(_("dietary needs the household can meet"), choices_class=Diet, blank=True)
    guest_preference = models.CharField(
        _("guests the household can take in"),
        max_length=8,
        choices=GuestPreference.choices,
        default=GuestPreference.ANY,
    )
    available_from = models.DateField(_("available from"))
    available_until = models.DateField(_("available until"))
    introduction = models.TextField(_("introduction"), max_length=INTRODUCTION_MAX)
    phone = models.CharField(_("phone number"), max_length=30)

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    review_message = models.TextField(
        _("message to the host"),
        max_length=REVIEW_MESSAGE_MAX,
        blank=True,
        help_text=_("Shown to the host and sent by email with the decision."),
    )
    staff_notes = models.TextField(
        _("staff notes"),
        max_length=NOTES_MAX,
        blank=True,
        help_text=_("Seen by staff only, never by the host."),
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = HostOfferQuerySet.as_manager()

    class Meta:
        verbose_name = _("host offer")
        verbose_name_plural = _("host offers")
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(available_until__gte=F("available_from")), name="host_available_in_order"
            ),
            models.CheckConstraint(condition=Q(adults__gte=1), name="host_has_an_adult"),
            models.CheckConstraint(condition=Q(beds__gte=1), name="host_has_a_bed"),
        ]

    def __str__(self):
        name = self.user.name or self.user.email
        return f"{name} ({self.get_district_display()})"


class HostConsent(models.Model):
    """The member's consent to the homestay text: which version, in which language, when; and its withdrawal.

    Kept apart from the membership consents: it covers other data for another purpose. Giving it again
    after a withdrawal adds a row, so the history stays.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="+"
    )
    version = models.CharField(_("text version"), max_length=20)
    language = models.CharField(_("language of the text"), max_length=10, choices=settings.LANGUAGES)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("homestay consent")
        verbose_name_plural = _("homestay consents")
        ordering = ["given_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=Q(withdrawn_at__isnull=True), name="one_active_homestay_consent"
            ),
        ]

    def __str__(self):
        return f"{self.user} · {self.version}"


class Delegation(models.Model):
    """Guests from a partner city visiting Busan, for an event, a program or the call of a reciprocal
    exchange, who stay with host families."""

    title = models.CharField(
        _("name"), max_length=200, help_text=_("For staff, e.g. “Surabaya youth delegation, summer 2027”.")
    )
    city = models.ForeignKey(
        "programs.City", verbose_name=_("partner city"), on_delete=models.PROTECT, related_name="delegations"
    )
    program = models.ForeignKey(
        "programs.Program",
        verbose_name=_("program"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegations",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegations",
    )
    call = models.ForeignKey(
        "applications.Call",
        verbose_name=_("call for applications"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegations",
        help_text=_("The exchange whose partners visit Busan in return, if any."),
    )
    arrives_on = models.DateField(_("arrives"))
    departs_on = models.DateField(_("departs"))
    rule_same_gender = models.BooleanField(
        _("same-gender placement"),
        default=False,
        help_text=_("Guests who stay with the same household must share their gender."),
    )
    rule_non_smoking = models.BooleanField(
        _("non-smoking households only"), default=False, help_text=_("No guest stays where someone smokes.")
    )
    rule_max_guests_per_host = models.PositiveSmallIntegerField(
        _("at most this many guests per household"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit beyond the household's beds."),
    )
    notes = models.TextField(_("staff notes"), max_length=NOTES_MAX, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("incoming delegation")
        verbose_name_plural = _("incoming delegations")
        ordering = ["-arrives_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(departs_on__gte=F("arrives_on")), name="delegation_departs_after_arrival"
            ),
            models.CheckConstraint(
                condition=Q(rule_max_guests_per_host__isnull=True) | Q(rule_max_guests_per_host__gte=1),
                name="delegation_max_guests_positive",
            ),
        ]

    def __str__(self):
        return self.title


class GuestQuerySet(models.QuerySet):
    def without_host(self, *, today=None):
        """Guests still to come who have no household: never placed, or their host withdrew."""
        today = today or timezone.localdate()
        return self.filter(delegation__departs_on__gte=today).filter(
            Q(assignment__isnull=True) | Q(assignment__host__isnull=True)
        )


class Guest(models.Model):
    """A member of an incoming delegation. Seen by staff, and in part by the household they stay with."""

    delegation = models.ForeignKey(
        Delegation, verbose_name=_("delegation"), on_delete=models.CASCADE, related_name="guests"
    )
    first_name = models.CharField(_("first name"), max_length=60)
    family_name = models.CharField(_("family name"), max_length=60, blank=True)
    age = models.PositiveSmallIntegerField(_("age"))
    gender = models.CharField(_("gender"), max_length=8, choices=Gender.choices)
    languages = ChoiceListField(_("languages"), choices_class=Language)
    animal_allergies = ChoiceListField(
        _("allergic to"),
        choices_class=Pet,
        blank=True,
        help_text=_("Animals the guest must not live with."),
    )
    allergies = models.TextField(_("allergies"), max_length=GUEST_TEXT_MAX, blank=True)
    diet = ChoiceListField(_("dietary needs"), choices_class=Diet, blank=True)
    needs = models.TextField(_("other needs"), max_length=GUEST_TEXT_MAX, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = GuestQuerySet.as_manager()

    class Meta:
        verbose_name = _("guest")
        verbose_name_plural = _("guests")
        ordering = ["delegation", "family_name", "first_name", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(age__gte=1) & Q(age__lte=120), name="guest_age_plausible"),
        ]

    def __str__(self):
        return f"{self.first_name} {self.family_name}".strip()


class Assignment(models.Model):
    """Where a guest stays, from when to when. Conflicts staff chose to override are kept with their reason.

    ``host`` is empty when the household withdrew its offer: a stay still to come then needs a new host; a
    past one stays as the record that the guest was placed.
    """

    class Flag(models.TextChoices):
        BEDS = "beds", _("More guests than beds")
        DATES = "dates", _("Dates outside the host's availability")
        PET_ALLERGY = "pet_allergy", _("Allergy against a pet of the household")
        LANGUAGE = "language", _("No common language")
        DIET = "diet", _("Diet the household cannot meet")
        GUEST_PREFERENCE = "guest_preference", _("Not a guest the household can take in")
        SAME_GENDER = "same_gender", _("Same-gender placement broken")
        NON_SMOKING = "non_smoking", _("Smoking household")
        MAX_GUESTS = "max_guests", _("More guests than the delegation allows per household")

    guest = models.OneToOneField(
        Guest, verbose_name=_("guest"), on_delete=models.CASCADE, related_name="assignment"
    )
    host = models.ForeignKey(
        HostOffer,
        verbose_name=_("host"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="assignments",
    )
    starts_on = models.DateField(pgettext_lazy("first day", "from"))
    ends_on = models.DateField(_("until"))
    override_flags = ChoiceListField(_("flags overridden"), choices_class=Flag, blank=True)
    override_reason = models.TextField(_("reason for overriding"), max_length=GUEST_TEXT_MAX, blank=True)
    overridden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("overridden by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    overridden_at = models.DateTimeField(_("overridden"), null=True, blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gt=F("starts_on")), name="placement_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(override_reason="") | Q(overridden_at__isnull=False),
                name="placement_override_is_dated",
            ),
        ]

    def __str__(self):
        return f"{self.guest} → {self.host or '—'}"
