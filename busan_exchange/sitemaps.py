"""``sitemap.xml``: every public page in every language, each with its ``hreflang`` alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.models import Event
from programs.models import Category, City, Program


class _PortalSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def __init__(self, request=None):
        self.request = request

    def get_domain(self, site=None):
        # The host the visitor asked for (checked against ALLOWED_HOSTS), as the pages' own links use.
        if self.request is not None:
            return self.request.get_host()
        return super().get_domain(site)


class StaticSitemap(_PortalSitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return ["home", "programs:list", "events:list", "programs:city-list", "cooperation:service"]

    def location(self, item):
        return reverse(item)


class _ContentSitemap(_PortalSitemap):
    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class CategorySitemap(_ContentSitemap):
    model = Category


class ProgramSitemap(_ContentSitemap):
    model = Program

    def items(self):
        return super().items().filter(category__status="published")


class EventSitemap(_ContentSitemap):
    model = Event


class CitySitemap(_ContentSitemap):
    model = City


SITEMAPS = {
    "pages": StaticSitemap,
    "categories": CategorySitemap,
    "programs": ProgramSitemap,
    "events": EventSitemap,
    "cities": CitySitemap,
}
