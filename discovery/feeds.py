"""The Atom feed of newly published programs and events, one per language."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext

from events.models import Event

from . import selectors

FEED_LENGTH = 20


class TextAtomFeed(Atom1Feed):
    """Atom whose summaries are plain text (``type="text"``), as staff write them.

    Django's Atom feed declares every summary HTML, so a feed reader would run markup found in a summary
    (``<script>``, ``<img onerror>``); as text, a reader shows the characters as they are.
    """

    def add_item_elements(self, handler, item):
        description = item["description"]
        super().add_item_elements(handler, {**item, "description": None})
        if description is not None:
            handler.addQuickElement("summary", description, {"type": "text"})


class LatestFeed(Feed):
    """New programs and events, newest first, in the language of the address (with the usual fallbacks).

    Links are built from the request, so they point at the host the reader actually used.
    """

    feed_type = TextAtomFeed

    def get_object(self, request: HttpRequest, *args, **kwargs) -> HttpRequest:
        return request

    def title(self):
        return gettext("Busan International Exchange: new programs and events")

    def subtitle(self):
        return gettext("International exchange programs and events of Busan Metropolitan City.")

    def link(self, request: HttpRequest) -> str:
        return request.build_absolute_uri(reverse("home"))

    def feed_url(self, request: HttpRequest) -> str:
        return request.build_absolute_uri(reverse("discovery:feed"))

    def author_name(self):
        return str(settings.SITE_NAME)

    def items(self, request: HttpRequest):
        items = selectors.latest_items(limit=FEED_LENGTH)
        for item in items:
            item.feed_link = request.build_absolute_uri(item.get_absolute_url())
        return items

    def item_title(self, item) -> str:
        return item.title

    def item_description(self, item) -> str:
        return item.summary

    def item_link(self, item) -> str:
        return item.feed_link

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [gettext("Event") if isinstance(item, Event) else gettext("Program")]
