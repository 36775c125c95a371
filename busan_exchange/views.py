"""Site-wide views: the language redirect at ``/``, the language and text-size controls, the site's terms
and accessibility statement, and the error pages."""

import datetime
import logging

from django.conf import settings
from django.http import Http404, HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from accounts.http import language_cookie_set, safe_next

logger = logging.getLogger(__name__)

# The first part of a browser's language tag, mapped to the site's language for it.
_PRIMARY_LANGUAGE = {"ko": "ko", "en": "en", "zh": "zh-hans"}
# Foreign visitors who read none of our languages most often share English.
_DEFAULT_VISITOR_LANGUAGE = "en"


def language_for(accept_language: str) -> str:
    """The site language for an Accept-Language header: Korean, any Chinese -> zh-hans, else English."""
    for tag, _quality in parse_accept_lang_header(accept_language):
        language = _PRIMARY_LANGUAGE.get(tag.split("-")[0].lower())
        if language:
            return language
    return _DEFAULT_VISITOR_LANGUAGE


@require_safe
@vary_on_headers("Accept-Language", "Cookie")
def root_redirect(request):
    language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if language not in dict(settings.LANGUAGES):
        language = language_for(request.headers.get("Accept-Language", ""))
    with translation.override(language):
        return HttpResponseRedirect(reverse("home"))


@require_safe
def language_switch(request, code):
    """The language switcher's links: remember the language the visitor picked, so the bare address ``/``
    opens in it next time, and show the page they were on in it (works without JavaScript).

    The cookie is set here, on a redirect, and never on a page: cached pages stay the same for everyone.
    """
    if code not in dict(settings.LANGUAGES):
        raise Http404
    with translation.override(code):
        home = reverse("home")
    target = safe_next(request, fallback=home)
    response = HttpResponseRedirect(translate_url(target, code) if target.startswith("/") else home)
    language_cookie_set(request, response, code)
    return response


@require_safe
def text_size(request, size):
    """Remember the visitor's text size in a cookie and return to the page they were on (works without JS)."""
    sizes = settings.TEXT_SIZES
    current = request.COOKIES.get(settings.TEXT_SIZE_COOKIE, "normal")
    if current not in sizes:
        current = "normal"
    if size == "larger":
        chosen = sizes[min(sizes.index(current) + 1, len(sizes) - 1)]
    elif size == "smaller":
        chosen = sizes[max(sizes.index(current) - 1, 0)]
    else:
        chosen = "normal"
    response = HttpResponseRedirect(safe_next(request))
    response.set_cookie(
        settings.TEXT_SIZE_COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax", secure=request.is_secure()
    )
    return response


def bad_request(request, exception=None):
    """In the visitor's language, chosen as LocaleMiddleware would: the request may have been refused before
    that middleware ran."""
    with translation.override(translation.get_language_from_request(request, check_path=True)):
        return render(request, "400.html", status=400)


# When the terms of use took effect and when the accessibility statement was last reviewed.
TERMS_IN_FORCE_FROM = datetime.date(2026, 12, 1)
ACCESSIBILITY_REVIEWED_ON = datetime.date(2026, 12, 1)


@require_safe
def terms(request):
    return render(request, "pages/terms.html", {"effective_on": TERMS_IN_FORCE_FROM})


@require_safe
def accessibility(request):
    return render(request, "pages/accessibility.html", {"reviewed_on": ACCESSIBILITY_REVIEWED_ON})


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    """The error page in the site's layout; a bare page if even the layout cannot be rendered."""
    try:
        return render(request, "500.html", status=500)
    except Exception:  # the database or a template may be what failed
        logger.exception("The 500 page could not be rendered in the site's layout")
        return HttpResponseServerError(
            "<!DOCTYPE html><title>500</title><h1>Server error</h1>", content_type="text/html; charset=utf-8"
        )
