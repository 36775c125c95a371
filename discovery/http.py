"""Response helpers shared by the calendars, the feed and the open data."""

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag


def cacheable(request: HttpRequest, response: HttpResponse, *, max_age: int) -> HttpResponse:
    """Mark a public response cacheable for ``max_age`` seconds, with an ETag of its content.

    Answers ``304 Not Modified`` when the client already holds this content (``If-None-Match``).
    """
    patch_cache_control(response, public=True, max_age=max_age)
    if response.status_code != 200:
        return response
    set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)
