from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from programs.models import City, GalleryImage, ImageRenditions, Program, Publishable, PublishableQuerySet


class EventQuerySet(PublishableQuerySet):
    def upcoming(self, now=None):
        now = now or timezone.now()
        return self.filter(models.Q(ends_at__gte=now) | models.Q(ends_at__isnull=True, starts_at__gte=now))

    def past(self, now=None):
        now = now or timezone.now()
        return self.exclude(pk__in=self.upcoming(now).values("pk"))


class Event(Publishable, ImageRenditions):
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences for lists."))
    body = models.TextField(_("body"), blank=True)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    program = models.ForeignKey(
        Program,
        verbose_name=_("program"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    cities = models.ManyToManyField(City, verbose_name=_("cities"), blank=True, related_name="events")
    image = models.ImageField(_("image"), upload_to="events/", blank=True)
    image_alt = models.CharField(_("image description"), max_length=250, blank=True)
    registration_opens_at = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes_at = models.DateTimeField(_("registration closes"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )

    objects = EventQuerySet.as_manager()

    # Addresses under /events/ that are pages of their own, not events.
    RESERVED_SLUGS = frozenset({"past"})

    class Meta(Publishable.Meta):
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__isnull=True) | models.Q(ends_at__gte=models.F("starts_at")),
                name="event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(registration_closes_at__isnull=True)
                | models.Q(registration_opens_at__isnull=True)
                | models.Q(registration_closes_at__gt=models.F("registration_opens_at")),
                name="event_registration_window_order",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.slug in self.RESERVED_SLUGS:
            raise ValidationError({"slug": _("This address is the list of past events. Choose another.")})

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    @property
    def has_ended(self) -> bool:
        """Over by now: the same line ``EventQuerySet.past`` draws."""
        return (self.ends_at or self.starts_at) < timezone.now()


class EventImage(GalleryImage):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="gallery"
    )
    image = models.ImageField(_("image"), upload_to="events/gallery/")

    class Meta(GalleryImage.Meta):
        pass
