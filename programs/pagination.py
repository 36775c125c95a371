"""Public lists come a page at a time, so that a page costs the same however much is published."""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404


def page_of(request, items, *, per_page: int) -> Page:
    """The page of ``items`` that ``?page=`` asks for (the first without it). A page that does not exist is
    "404 Not Found", never a copy of another page under a new address."""
    number = request.GET.get("page") or 1
    try:
        return Paginator(items, per_page).page(number)
    except (EmptyPage, PageNotAnInteger) as error:
        if number == 1:  # an empty list still has its first page
            return Paginator(items, per_page, allow_empty_first_page=True).page(1)
        raise Http404 from error
