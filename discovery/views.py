from django.contrib.sites.shortcuts import get_current_site
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_safe

from . import selectors
from .calendars import build_calendar
from .feeds import LatestFeed
from .http import cacheable
from .search import MAX_QUERY_LENGTH, query_display, search_site

CALENDAR_MAX_AGE = 900  # seconds
FEED_MAX_AGE = 900


@require_safe
def search(request):
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    language = get_language()
    # Searched only when the results are rendered, not when a kept part is used (busan_exchange.pagecache).
    page = request.GET.get("page")
    results = SimpleLazyObject(lambda: search_site(query=query, language=language, page=page))
    return render(
        request,
        "discovery/search_results.html",
        {"search_query": query, "query_display": query_display(query, language), "results": results},
    )


def _calendar_response(request, calendar, *, filename: str, attachment: bool) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return cacheable(request, response, max_age=CALENDAR_MAX_AGE)


@require_safe
def event_calendar(request, slug):
    """One event as an .ics file to add to a calendar."""
    event = get_object_or_404(selectors.published_events(), slug=slug)
    calendar = build_calendar(
        [event],
        domain=get_current_site(request).domain,
        url_for=lambda item: request.build_absolute_uri(item.get_absolute_url()),
    )
    return _calendar_response(request, calendar, filename=f"{event.slug}.ics", attachment=True)


@require_safe
def events_calendar(request):
    """All upcoming events, for calendar apps to subscribe to."""
    calendar = build_calendar(
        selectors.calendar_events(),
        domain=get_current_site(request).domain,
        url_for=lambda item: request.build_absolute_uri(item.get_absolute_url()),
        name=gettext("Busan International Exchange events"),
        subscribable=True,
    )
    return _calendar_response(
        request, calendar, filename=f"busan-exchange-events-{get_language()}.ics", attachment=False
    )


_latest_feed = LatestFeed()


@require_safe
def latest_feed(request):
    return cacheable(request, _latest_feed(request), max_age=FEED_MAX_AGE)
