"""Open data: the portal's published categories, programs, events and cities as read-only JSON.

Every text comes in all three languages (``null`` where it is not written yet). Nothing about members or
staff is ever included: only published content, with no contact details.
"""

import json
from collections.abc import Callable
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import InvalidPage, Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.views.decorators.http import require_safe
from modeltranslation.utils import build_localized_fieldname

from busan_exchange.pagecache import public_value

from . import selectors
from .http import cacheable

PAGE_SIZE = 50
MAX_AGE = 300  # seconds


def _json(request: HttpRequest, data: dict, *, status: int = 200) -> HttpResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    return _public(request, response)


def _public(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    response = cacheable(request, response, max_age=MAX_AGE)
    # Public, read-only data: any site may read it from a browser.
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _texts(obj: Model, field: str) -> dict[str, str | None]:
    return {
        code: getattr(obj, build_localized_fieldname(field, code)) or None
        for code, _name in settings.LANGUAGES
    }


def _translated(text) -> dict[str, str]:
    """A translatable interface string in each language."""
    names = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            names[code] = str(text)
    return names


def _urls(request: HttpRequest, obj: Model, *, view: str | None = None) -> dict[str, str]:
    """The absolute address of ``obj``'s page (or of ``view`` for it) in each language."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            path = reverse(view, kwargs={"slug": obj.slug}) if view else obj.get_absolute_url()
            urls[code] = request.build_absolute_uri(path)
    return urls


def _datetime(value) -> str | None:
    return timezone.localtime(value).isoformat() if value else None


def _image(request: HttpRequest, obj: Model) -> dict | None:
    if not obj.image:
        return None
    return {"url": request.build_absolute_uri(obj.image.url), "alt": _texts(obj, "image_alt")}


def _category(request: HttpRequest, category) -> dict:
    return {
        "id": category.pk,
        "slug": category.slug,
        "url": _urls(request, category),
        "name": _texts(category, "name"),
        "summary": _texts(category, "summary"),
        "order": category.order,
        "updated_at": _datetime(category.updated_at),
    }


def _city(request: HttpRequest, city) -> dict:
    return {
        "id": city.pk,
        "slug": city.slug,
        "url": _urls(request, city),
        "name": _texts(city, "name"),
        "country": _texts(city, "country"),
        "relationship": city.relationship,
        "agreement_date": city.agreement_date.isoformat() if city.agreement_date else None,
        "description": _texts(city, "description"),
        "image": _image(request, city),
        "updated_at": _datetime(city.updated_at),
    }


def _program(request: HttpRequest, program) -> dict:
    return {
        "id": program.pk,
        "slug": program.slug,
        "url": _urls(request, program),
        "category": program.category.slug,
        "title": _texts(program, "title"),
        "summary": _texts(program, "summary"),
        "detail": _texts(program, "detail"),
        "activities": _texts(program, "activities"),
        "eligibility": _texts(program, "eligibility"),
        "cities": [city.slug for city in program.published_cities],
        "image": _image(request, program),
        "applications_open": _datetime(program.opens_at),
        "applications_close": _datetime(program.closes_at),
        "capacity": program.capacity,
        "updated_at": _datetime(program.updated_at),
    }


def _event(request: HttpRequest, event) -> dict:
    program = selectors.public_program(event)
    return {
        "id": event.pk,
        "slug": event.slug,
        "url": _urls(request, event),
        "calendar": _urls(request, event, view="discovery:event-calendar"),
        "title": _texts(event, "title"),
        "summary": _texts(event, "summary"),
        "body": _texts(event, "body"),
        "venue": _texts(event, "venue"),
        "starts_at": _datetime(event.starts_at),
        "ends_at": _datetime(event.ends_at),
        "program": program.slug if program else None,
        "cities": [city.slug for city in event.published_cities],
        "image": _image(request, event),
        "registration_opens": _datetime(event.registration_opens_at),
        "registration_closes": _datetime(event.registration_closes_at),
        "capacity": event.capacity,
        "updated_at": _datetime(event.updated_at),
    }


def _listing(request: HttpRequest, queryset: QuerySet, serialize: Callable[[HttpRequest, Model], dict]):
    def content() -> bytes | None:
        paginator = Paginator(queryset, PAGE_SIZE)
        try:
            page = paginator.page(request.GET.get("page") or 1)
        except InvalidPage:
            return None

        def page_url(number: int) -> str:
            return request.build_absolute_uri(f"{request.path}?{urlencode({'page': number})}")

        data = {
            "count": paginator.count,
            "next": page_url(page.next_page_number()) if page.has_next() else None,
            "previous": page_url(page.previous_page_number()) if page.has_previous() else None,
            "results": [serialize(request, obj) for obj in page.object_list],
        }
        return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()

    # The same for every reader of the address until content changes: kept as the pages' public parts are.
    body = public_value(request, "open-data", content)
    if body is None:
        return _json(request, {"detail": gettext("There is no such page.")}, status=404)
    return _public(request, HttpResponse(body, content_type="application/json"))


@require_safe
def index(request: HttpRequest):
    return _json(
        request,
        {
            "name": _translated(settings.SITE_NAME),
            "version": 1,
            "languages": [code for code, _name in settings.LANGUAGES],
            "time_zone": settings.TIME_ZONE,
            "endpoints": {
                name: request.build_absolute_uri(reverse(f"api:{name}"))
                for name in ("categories", "programs", "events", "cities")
            },
        },
    )


@require_safe
def categories(request: HttpRequest):
    return _listing(request, selectors.published_categories(), _category)


@require_safe
def programs(request: HttpRequest):
    return _listing(request, selectors.open_data_programs(), _program)


@require_safe
def events(request: HttpRequest):
    return _listing(request, selectors.open_data_events(), _event)


@require_safe
def cities(request: HttpRequest):
    return _listing(request, selectors.published_cities(), _city)
