from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from busan_exchange.pagecache import public_value
from programs.pagination import page_of

from . import selectors

# Upcoming events a page at a time; under them the most recent past events, and all of them, a page at a
# time, on their own page.
UPCOMING_PER_PAGE = 24
RECENT_PAST_EVENTS = 12
PAST_PER_PAGE = 60


def event_list(request):
    return render(
        request,
        "events/event_list.html",
        {
            "page": page_of(request, selectors.upcoming_events, per_page=UPCOMING_PER_PAGE),
            # Read only when the page's list is rendered, not when it is kept (busan_exchange.pagecache).
            "past_years": SimpleLazyObject(
                lambda: selectors.by_year(selectors.past_events(limit=RECENT_PAST_EVENTS))
            ),
        },
    )


def past_event_list(request):
    page = page_of(request, selectors.past_events, per_page=PAST_PER_PAGE)
    return render(
        request,
        "events/past_event_list.html",
        {"page": page, "past_years": SimpleLazyObject(lambda: selectors.by_year(page))},
    )


def event_detail(request, slug):
    event = selectors.event_page(public_value(request, "event", lambda: selectors.event_get(slug=slug)))
    return render(request, "events/event_detail.html", {"event": event, "program": event.public_program})
