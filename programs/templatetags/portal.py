"""Template helpers used across the portal's pages."""

import re
from urllib.parse import urlencode, urlsplit

from django import template
from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, override

from programs import dates
from programs.i18n import shown_language

register = template.Library()


@register.filter
def initial(text):
    """The first letter of a title, past an "[Example]"-style mark and punctuation: a card's monogram."""
    text = re.sub(r"^\s*\[[^\]]*\]\s*", "", str(text or ""))
    return next((char for char in text if char.isalnum()), "")


@register.filter
def local_datetime(value):
    """A moment as text, in Korean time with its time-zone label (mails, text inside a sentence)."""
    return dates.local_datetime(value)


@register.simple_tag
def when(start, end=None):
    """``<time>`` elements for when something takes place, with times of day and the time-zone label."""
    return dates.when_html(start, end)


@register.simple_tag
def date_range(start, end=None):
    """``<time>`` elements for the days from ``start`` to ``end`` (no times of day)."""
    return dates.date_range_html(start, end)


@register.simple_tag
def period(start, end):
    """An application window, open at either end or not, with the time-zone label."""
    return dates.period_html(start, end)


@register.simple_tag
def moment(value):
    """One moment as a ``<time>`` element with its time-zone label."""
    return dates.datetime_html(value)


@register.simple_tag
def field_lang(obj, field):
    """`` lang="xx"`` when the text of ``obj.field`` is shown in a fallback language, else nothing.

    Put it inside the opening tag of the element holding the text, so screen readers read the
    fallback text in its own language: ``<h1{% field_lang program "title" %}>``.
    """
    lang = shown_language(obj, field)
    if lang and lang != get_language():
        return format_html(' lang="{}"', lang)
    return ""


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in each language: ``[{code, name, url, switch_url, current}]``.

    ``url`` is the page's address in that language (for ``<link rel="alternate">``); ``switch_url`` goes
    there through the view that also remembers the choice (for the visible switcher).
    """
    request = context["request"]
    path = request.get_full_path()
    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        url = _language_url(path, code)
        links.append(
            {
                "code": code,
                "name": name,
                "url": url,
                "switch_url": f"{reverse('language-switch', args=[code])}?{urlencode({'next': url})}",
                "current": code == current,
            }
        )
    return links


def _language_url(path: str, code: str) -> str:
    """``path`` in language ``code``; that language's home page when ``path`` is no page of the site
    (a 404) or would lead off the site (``//evil.com``)."""
    url = translate_url(path, code)
    with override(code):
        try:
            resolve(urlsplit(url).path)
        except Resolver404:
            url = ""
        if not url or not url_has_allowed_host_and_scheme(url, allowed_hosts=None):
            url = reverse("home")
    return url
