from django.shortcuts import render

from . import selectors


def event_list(request):
    return render(
        request,
        "events/event_list.html",
        {
            "upcoming_events": selectors.upcoming_events(),
            "past_years": selectors.past_events_by_year(),
        },
    )


def event_detail(request, slug):
    event = selectors.event_get(slug=slug)
    return render(
        request,
        "events/event_detail.html",
        {"event": event, "program": selectors.event_program(event)},
    )
