from django.shortcuts import render

from events.selectors import past_events, upcoming_events

from . import selectors

# The home page shows the first programs of each category; the category page lists them all.
HOME_PROGRAMS_PER_CATEGORY = 8


def home(request):
    return render(
        request,
        "programs/home.html",
        {
            "categories": selectors.category_list(programs_per_category=HOME_PROGRAMS_PER_CATEGORY),
            "upcoming_events": upcoming_events(limit=3),
            "recent_events": past_events(limit=4),
            "cities": selectors.city_list(),
        },
    )


def program_list(request):
    return render(request, "programs/program_list.html", {"categories": selectors.category_list()})


def category_detail(request, slug):
    return render(request, "programs/category_detail.html", {"category": selectors.category_get(slug=slug)})


def program_detail(request, slug):
    return render(request, "programs/program_detail.html", {"program": selectors.program_get(slug=slug)})


def city_list(request):
    cities = list(selectors.city_list())
    return render(
        request,
        "programs/city_list.html",
        {
            "sister_cities": [c for c in cities if c.relationship == "sister"],
            "friendship_cities": [c for c in cities if c.relationship == "friendship"],
        },
    )


def city_detail(request, slug):
    return render(request, "programs/city_detail.html", {"city": selectors.city_get(slug=slug)})
