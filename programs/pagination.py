"""Public lists come a page at a time, so that a page costs the same however much is published."""

from collections.abc import Callable

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.http import Http404
from django.utils.functional import SimpleLazyObject

from busan_exchange.pagecache import public_value


class _Deferred:
    """The items of a list, read only when a page's items are: building the query (a few hundred
    microseconds) is spared where the page's list is a kept public part."""

    def __init__(self, items: Callable[[], QuerySet]):
        self._items = items

    def __getitem__(self, key):
        return SimpleLazyObject(lambda: list(self._items()[key]))


def page_of(request, items: Callable[[], QuerySet], *, per_page: int) -> Page:
    """The page of ``items()`` (public content, the same for every visitor of the address) that ``?page=``
    asks for (the first without it). A page that does not exist is "404 Not Found", never a copy of another
    page under a new address. How many items there are is kept with the page's public parts, and the items
    themselves are read only when the page's list is rendered."""
    number = request.GET.get("page") or 1
    paginator = Paginator(_Deferred(items), per_page)
    paginator.count = public_value(request, "count", lambda: items().count())
    try:
        return paginator.page(number)
    except (EmptyPage, PageNotAnInteger) as error:
        if number == 1:  # an empty list still has its first page
            return paginator.page(1)
        raise Http404 from error
