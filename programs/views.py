from django.shortcuts import render

from . import selectors


def program_list(request):
    return render(request, "programs/program_list.html", {"categories": selectors.category_list()})


def category_detail(request, slug):
    return render(request, "programs/category_detail.html", {"category": selectors.category_get(slug=slug)})


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
