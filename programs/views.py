from django.shortcuts import render
from django.utils.functional import SimpleLazyObject

from busan_exchange.pagecache import public_value

from . import selectors
from .pagination import page_of

# The program list shows the first programs of each category; the category page lists them all, a page at
# a time.
PROGRAMS_PER_CATEGORY = 8
PROGRAMS_PER_PAGE = 24


def program_list(request):
    return render(
        request,
        "programs/program_list.html",
        # Read only when the list is rendered, not when it is kept (busan_exchange.pagecache).
        {
            "categories": SimpleLazyObject(
                lambda: list(selectors.category_list(programs_per_category=PROGRAMS_PER_CATEGORY))
            )
        },
    )


def category_detail(request, slug):
    category = public_value(request, "category", lambda: selectors.category_get(slug=slug))
    page = page_of(
        request, lambda: selectors.category_programs(category=category), per_page=PROGRAMS_PER_PAGE
    )
    return render(request, "programs/category_detail.html", {"category": category, "page": page})


def city_list(request):
    # Read only when the list is rendered, not when it is kept (busan_exchange.pagecache).
    cities = SimpleLazyObject(lambda: list(selectors.city_list()))
    return render(
        request,
        "programs/city_list.html",
        {
            "sister_cities": SimpleLazyObject(lambda: [c for c in cities if c.relationship == "sister"]),
            "friendship_cities": SimpleLazyObject(
                lambda: [c for c in cities if c.relationship == "friendship"]
            ),
        },
    )
