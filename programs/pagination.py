"""Public lists come a page at a time, so that a page costs the same however much is published."""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.http import Http404

from busan_exchange.pagecache import public_value


def page_of(request, items, *, per_page: int) -> Page:
    """The page of ``items`` (public content, the same for every visitor of the address) that ``?page=``
    asks for (the first without it). A page that does not exist is "404 Not Found", never a copy of another
    page under a new address. How many items there are is kept with the page's public parts."""
    number = request.GET.get("page") or 1
    paginator = Paginator(items, per_page)
    paginator.count = public_value(request, "count", items.count)
    try:
        return paginator.page(number)
    except (EmptyPage, PageNotAnInteger) as error:
        if number == 1:  # an empty list still has its first page
            return paginator.page(1)
        raise Http404 from error
