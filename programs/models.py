from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishableQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED)


class Publishable(models.Model):
    """Fields every piece of public content shares: an address, a place in lists and a status."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True, allow_unicode=False)
    order = models.PositiveIntegerField(_("order"), default=0, help_text=_("Lower numbers are listed first."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PublishableQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "pk"]


def rendition_upload_to(instance, filename: str) -> str:
    """Renditions sit next to the model's uploads: ``programs/renditions/<uuid>.jpg``."""
    return f"{instance._meta.get_field('image').upload_to}renditions/{filename}"


class ImageRenditions(models.Model):
    """Resized copies of ``image`` that pages show, with their sizes for ``width``/``height`` attributes.

    Made by ``programs.images`` when an image is uploaded through a form; never edited by hand.
    """

    image_card = models.ImageField(_("card image"), upload_to=rendition_upload_to, blank=True, editable=False)
    image_card_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_card_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_detail = models.ImageField(
        _("detail image"), upload_to=rendition_upload_to, blank=True, editable=False
    )
    image_detail_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    image_detail_height = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        abstract = True


class Category(Publishable):
    name = models.CharField(_("name"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)

    class Meta(Publishable.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programs:category", kwargs={"slug": self.slug})


class City(Publishable, ImageRenditions):
    class Relationship(models.TextChoices):
        SISTER = "sister", _("Sister city")
        FRIENDSHIP = "friendship", _("Friendship city")

    name = models.CharField(_("name"), max_length=120)
    # "Country or region": Kaohsiung's is 中国台湾 on the Chinese pages, 대만 / Taiwan on the others.
    country = models.CharField(_("country or region"), max_length=120)
    relationship = models.CharField(
        _("relationship"), max_length=12, choices=Relationship.choices, default=Relationship.SISTER
    )
    agreement_date = models.DateField(_("agreement date"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    image = models.ImageField(_("image"), upload_to="cities/", blank=True)
    image_alt = models.CharField(_("image description"), max_length=250, blank=True)
    website = models.URLField(
        _("official website"),
        blank=True,
        help_text=_("The city's own official website, listed on its page and among the related sites."),
    )

    class Meta(Publishable.Meta):
        verbose_name = _("city")
        verbose_name_plural = _("cities")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("programs:city", kwargs={"slug": self.slug})


class Program(Publishable, ImageRenditions):
    category = models.ForeignKey(
        Category, verbose_name=_("category"), on_delete=models.PROTECT, related_name="programs"
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences for lists."))
    detail = models.TextField(_("detail"), blank=True, help_text=_("What the program is for."))
    activities = models.TextField(
        _("activities"), blank=True, help_text=_("What takes place; one activity per line.")
    )
    eligibility = models.TextField(_("who can take part"), blank=True)
    cities = models.ManyToManyField(
        City, verbose_name=_("partner cities"), blank=True, related_name="programs"
    )
    image = models.ImageField(_("image"), upload_to="programs/", blank=True)
    image_alt = models.CharField(_("image description"), max_length=250, blank=True)
    opens_at = models.DateTimeField(_("applications open"), null=True, blank=True)
    closes_at = models.DateTimeField(_("applications close"), null=True, blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    contact = models.CharField(_("contact"), max_length=250, blank=True)

    class Meta(Publishable.Meta):
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__isnull=True)
                | models.Q(opens_at__isnull=True)
                | models.Q(closes_at__gt=models.F("opens_at")),
                name="program_window_order",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("programs:detail", kwargs={"slug": self.slug})

    @property
    def activity_lines(self):
        return [line.strip(" -•\t") for line in self.activities.splitlines() if line.strip(" -•\t")]


class GalleryImage(ImageRenditions):
    """One photo of a program's or an event's gallery, with its description and caption in three languages.

    Uploaded through the same checks as every image (``programs.forms.ImageRenditionsFormMixin``).
    """

    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(
        _("caption"), max_length=250, blank=True, help_text=_("Shown under the photo: who, where, when.")
    )
    order = models.PositiveIntegerField(_("order"), default=0, help_text=_("Lower numbers are shown first."))

    class Meta:
        abstract = True
        ordering = ["order", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photo gallery")

    def __str__(self):
        return self.caption or self.image_alt


class ProgramImage(GalleryImage):
    program = models.ForeignKey(
        Program, verbose_name=_("program"), on_delete=models.CASCADE, related_name="gallery"
    )
    image = models.ImageField(_("image"), upload_to="programs/gallery/")

    class Meta(GalleryImage.Meta):
        pass
