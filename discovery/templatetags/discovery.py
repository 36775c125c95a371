"""Sharing metadata for event pages: Open Graph tags and schema.org JSON-LD."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.template.defaultfilters import truncatechars
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from programs.i18n import shown_language

register = template.Library()

OG_LOCALES = {"ko": "ko_KR", "en": "en_US", "zh-hans": "zh_CN"}

# The characters that could end a <script> element or open a comment inside it, as JSON escapes.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def json_ld(data) -> str:
    """``data`` as a ``<script type="application/ld+json">`` element, escaped as ``json_script`` does."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    # Safe: "<", ">" and "&" are escaped above, so the text cannot close the element.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def event_structured_data(event, *, url: str, image_url: str | None) -> dict:
    """The schema.org ``Event`` describing ``event`` in the active language."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary or truncatechars(event.body, 300),
        "url": url,
        "inLanguage": shown_language(event, "title") or get_language(),
        "startDate": timezone.localtime(event.starts_at).isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "organizer": {"@type": "Organization", "name": str(settings.SITE_NAME)},
    }
    if event.ends_at:
        data["endDate"] = timezone.localtime(event.ends_at).isoformat()
    if event.venue:
        data["location"] = {
            "@type": "Place",
            "name": event.venue,
            "address": {"@type": "PostalAddress", "addressCountry": "KR"},
        }
    if image_url:
        data["image"] = [image_url]
    return data


@register.inclusion_tag("includes/_event_share_meta.html", takes_context=True)
def event_share_meta(context, event):
    """Open Graph tags and JSON-LD for an event page."""
    request = context["request"]
    url = request.build_absolute_uri(event.get_absolute_url())
    image_url = request.build_absolute_uri(event.image.url) if event.image else None
    language = get_language()
    context_data = {
        "event": event,
        "og_url": url,
        "og_image": image_url,
        "og_locale": OG_LOCALES.get(language, "ko_KR"),
        "og_locale_alternates": [locale for code, locale in OG_LOCALES.items() if code != language],
        "og_description": truncatechars(event.summary or event.body, 200),
        "calendar_url": reverse("discovery:event-calendar", kwargs={"slug": event.slug}),
        "structured_data": event_structured_data(event, url=url, image_url=image_url),
    }
    return context_data
