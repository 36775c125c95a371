from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        if not extra_fields["is_staff"] or not extra_fields["is_superuser"]:
            raise ValueError("A superuser must have is_staff and is_superuser set.")
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A member or a member of staff; the email address is the login."""

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("email address"), unique=True)
    name = models.CharField(pgettext_lazy("a person's name", "name"), max_length=150, blank=True)
    language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    phone = models.CharField(
        _("phone number"),
        max_length=30,
        blank=True,
        help_text=_("Optional. Kept only while the member consents to the optional items."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.email

    def get_full_name(self):
        return self.name or self.email

    def get_short_name(self):
        return self.name or self.email.split("@")[0]


class PrivacyPolicyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=PrivacyPolicy.Status.PUBLISHED)

    def in_force(self, on):
        """Published versions that had taken effect on the day ``on``, the one in force first."""
        return self.published().filter(effective_on__lte=on).order_by("-effective_on", "-published_at", "-pk")

    def announced(self, on):
        """Published versions that take effect after the day ``on``, the soonest first."""
        return self.published().filter(effective_on__gt=on).order_by("effective_on", "published_at", "pk")


class PrivacyPolicy(models.Model):
    """One version of the privacy policy (개인정보처리방침, PIPA art. 30), in the three languages.

    Staff write a draft and publish it with ``accounts.services.privacy_policy_publish``; a published version
    is never changed again (a member's consent points at it), a change is a new version. The version in
    force is the published one with the latest ``effective_on`` not after today.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    version = models.CharField(
        _("version"), max_length=20, unique=True, help_text=_("For example 1.0, 1.1, 2.0.")
    )
    effective_on = models.DateField(
        _("in force from"),
        help_text=_(
            "Publish a change at least 7 days before it takes effect (30 days when it affects members' "
            "rights significantly)."
        ),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    changes = models.TextField(
        _("summary of changes"), blank=True, help_text=_("What changed since the previous version.")
    )
    body = models.TextField(
        _("text"),
        help_text=_(
            "A line starting with “## ” is a section heading, a line starting with “- ” an item of a list; "
            "an empty line separates paragraphs."
        ),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PrivacyPolicyQuerySet.as_manager()

    class Meta:
        verbose_name = _("privacy policy version")
        verbose_name_plural = _("privacy policy")
        ordering = ["-effective_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="privacy_policy_published_has_date",
            ),
        ]

    def __str__(self):
        return str(_("Privacy policy, version %(version)s") % {"version": self.version})

    def get_absolute_url(self):
        return reverse("privacy:version", kwargs={"version": self.version})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class ConsentQuerySet(models.QuerySet):
    def active(self):
        return self.filter(withdrawn_at__isnull=True)


class Consent(models.Model):
    """A consent a member gave: to what (kind), to which version of its text, in which language and when.

    Withdrawing sets ``withdrawn_at``; giving it again adds a new row, so the history stays.
    """

    class Kind(models.TextChoices):
        REQUIRED_TERMS = "required_terms", _("Collection and use of personal information (required)")
        OPTIONAL_PHONE = "optional_phone", _("Phone number, to contact you about registrations (optional)")
        OPTIONAL_NEWS = "optional_news", _("Email address, to send you news (optional)")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("member"), on_delete=models.CASCADE, related_name="consents"
    )
    kind = models.CharField(_("consent"), max_length=32, choices=Kind.choices)
    version = models.CharField(_("text version"), max_length=20)
    language = models.CharField(_("language of the text"), max_length=10, choices=settings.LANGUAGES)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    policy = models.ForeignKey(
        PrivacyPolicy,
        verbose_name=_("privacy policy version"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents",
        help_text=_("The privacy policy in force when the consent was given; empty before the first one."),
    )

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["given_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"],
                condition=Q(withdrawn_at__isnull=True),
                name="one_active_consent_per_kind",
            ),
        ]

    def __str__(self):
        # The member is not named: this text goes into the admin's log, which outlives the member's account.
        return f"{self.get_kind_display()} · {self.version}"
