"""Busan's sixteen districts and county, as members give where they live (an applicant's residence, a host
household's district): one list, one translation, wherever a district is asked for."""

from django.db import models
from django.utils.translation import gettext_lazy as _

BUSAN_DISTRICTS = [
    ("JUNG", ("jung", _("Jung-gu"))),
    ("SEO", ("seo", _("Seo-gu"))),
    ("DONG", ("dong", _("Dong-gu"))),
    ("YEONGDO", ("yeongdo", _("Yeongdo-gu"))),
    ("BUSANJIN", ("busanjin", _("Busanjin-gu"))),
    ("DONGNAE", ("dongnae", _("Dongnae-gu"))),
    ("NAM", ("nam", _("Nam-gu"))),
    ("BUK", ("buk", _("Buk-gu"))),
    ("HAEUNDAE", ("haeundae", _("Haeundae-gu"))),
    ("SAHA", ("saha", _("Saha-gu"))),
    ("GEUMJEONG", ("geumjeong", _("Geumjeong-gu"))),
    ("GANGSEO", ("gangseo", _("Gangseo-gu"))),
    ("YEONJE", ("yeonje", _("Yeonje-gu"))),
    ("SUYEONG", ("suyeong", _("Suyeong-gu"))),
    ("SASANG", ("sasang", _("Sasang-gu"))),
    ("GIJANG", ("gijang", _("Gijang-gun"))),
]

BusanDistrict = models.TextChoices("BusanDistrict", BUSAN_DISTRICTS)
# Where a person may also live: Busan's districts, or outside Busan.
District = models.TextChoices("District", [*BUSAN_DISTRICTS, ("OUTSIDE", ("outside", _("Outside Busan")))])
