"""The fixed lists hosts and guests choose from. Labels are interface text, translated in ``locale/``."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext


class Language(models.TextChoices):
    """Languages spoken at home or by a guest: those of Busan's partners and the most common others."""

    KOREAN = "ko", _("Korean")
    ENGLISH = "en", _("English")
    CHINESE = "zh", _("Chinese")
    JAPANESE = "ja", _("Japanese")
    RUSSIAN = "ru", _("Russian")
    INDONESIAN = "id", _("Indonesian")
    VIETNAMESE = "vi", _("Vietnamese")
    THAI = "th", _("Thai")
    MALAY = "ms", _("Malay")
    FILIPINO = "tl", _("Filipino")
    MONGOLIAN = "mn", _("Mongolian")
    SPANISH = "es", _("Spanish")
    FRENCH = "fr", _("French")
    GERMAN = "de", _("German")


class Diet(models.TextChoices):
    """Dietary needs: what a guest needs, and what a household can cook for."""

    VEGETARIAN = "vegetarian", _("Vegetarian")
    VEGAN = "vegan", _("Vegan")
    HALAL = "halal", _("Halal")
    NO_PORK = "no_pork", _("No pork")
    NO_BEEF = "no_beef", _("No beef")
    GLUTEN_FREE = "gluten_free", _("Gluten-free")
    LACTOSE_FREE = "lactose_free", _("Lactose-free")
    NUT_FREE = "nut_free", _("No nuts")
    SEAFOOD_FREE = "seafood_free", _("No seafood")


class Pet(models.TextChoices):
    DOG = "dog", _("Dogs")
    CAT = "cat", _("Cats")
    OTHER = "other", _("Other animals")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Another gender or not stated")


class GuestPreference(models.TextChoices):
    """Which guests a household can take in."""

    ANY = "any", _("Any guest")
    FEMALE = "female", _("Female guests only")
    MALE = "male", _("Male guests only")


def labels(choices: type[models.TextChoices], values) -> list[str]:
    """The labels of ``values`` in the order of ``choices``, in the active language; unknown values are
    left out."""
    chosen = set(values or ())
    return [str(label) for value, label in choices.choices if value in chosen]


def listed(items) -> str:
    """``items`` as a list in the active language: "Korean, English", "한국어, 영어", "韩语、英语"."""
    return pgettext("list separator", ", ").join(str(item) for item in items)


def labels_listed(choices: type[models.TextChoices], values) -> str:
    """The labels of ``values``, listed in the active language."""
    return listed(labels(choices, values))
