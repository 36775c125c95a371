"""Fixed lists the forms, the eligibility rules and the staff desk share."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SchoolLevel(models.TextChoices):
    ELEMENTARY = "elementary", _("Elementary school")
    MIDDLE = "middle", _("Middle school")
    HIGH = "high", _("High school")
    UNIVERSITY = "university", _("University")
    ADULT = "adult", _("Adult (not in school)")


class Residence(models.TextChoices):
    ANY = "any", _("Anyone, wherever they live")
    BUSAN = "busan", _("Lives in Busan")
    BUSAN_OR_SCHOOL = "busan_or_school", _("Lives in Busan or attends a school in Busan")


class Selection(models.TextChoices):
    STAFF = "staff", _("Selection by the office")
    FIRST_COME = "first_come", _("First come, first served")
    LOTTERY = "lottery", _("Lottery")


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    ONE_CHOICE = "one_choice", _("One choice")
    SEVERAL_CHOICES = "several_choices", _("Several choices")
    YES_NO = "yes_no", _("Yes or no")
    FILE = "file", _("File upload")
