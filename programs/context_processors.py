from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .models import City


def _related_cities():
    """Partner cities with an official website, for the footer's related sites (one query, when shown)."""
    return list(City.objects.published().exclude(website=""))


def site(request):
    """What every page's layout needs: the office's contact, the visitor's text size, the related sites."""
    size = request.COOKIES.get(settings.TEXT_SIZE_COOKIE, "normal")
    if size not in settings.TEXT_SIZES:
        size = "normal"
    return {
        "section": _section(request),
        "office_contact": settings.OFFICE_CONTACT,
        "text_size": size,
        "related_cities": SimpleLazyObject(_related_cities),
    }


TAKE_PART_NAMESPACES = ("applications", "homestays", "cooperation")


def _section(request) -> str:
    """The main menu entry the current page belongs to, for ``aria-current``."""
    match = request.resolver_match
    if match is None:
        return ""
    if match.namespace == "programs":
        return "cities" if match.url_name.startswith("city") else "programs"
    # The ways to take part (calls, hosting, cooperation) sit under one menu entry; their member pages
    # belong to the member's own pages.
    if match.namespace in TAKE_PART_NAMESPACES or match.url_name == "take-part":
        return "accounts" if "/my/" in request.path else "take-part"
    return match.namespace
