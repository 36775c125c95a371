"""Anonymous pages come from the shared cache, and never show content older than the last edit."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from events.tests.factories import EventFactory
from programs.tests.factories import CategoryFactory, CityFactory, ProgramFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    return ProgramFactory(title_en="Youth exchange", category=CategoryFactory(), cities=[CityFactory()])


@pytest.fixture
def member():
    return get_user_model().objects.create_user(email="member@example.org", password="a long passphrase 42")


@pytest.fixture
def staff():
    return get_user_model().objects.create_superuser(
        email="staff@example.org", password="a long passphrase 42"
    )


def test_second_anonymous_request_makes_no_query(client, program, django_assert_num_queries):
    url = program.get_absolute_url()
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"

    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    # Browsers ask again every time, so that an edit shows at once.
    assert second["Cache-Control"] == "public, no-cache"
    assert second["ETag"] == first["ETag"]


def test_a_browser_holding_the_page_is_told_it_has_not_changed(client, program, django_assert_num_queries):
    url = "/en/programs/" + program.slug + "/"
    etag = client.get(url)["ETag"]
    with django_assert_num_queries(0):
        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag

    # After an edit the same question gets the new page.
    program.title_en = "Children's exchange"
    program.save()
    fresh = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert fresh.status_code == 200
    assert "Children&#x27;s exchange" in fresh.content.decode()
    assert fresh["ETag"] != etag
    # Rendered afresh after the edit, the page answers 304 to a browser that has just fetched it.
    assert client.get(url, HTTP_IF_NONE_MATCH=fresh["ETag"]).status_code == 304


@pytest.mark.parametrize("url_name", ["home", "programs:list", "programs:city-list", "events:list"])
def test_every_public_list_is_served_from_the_cache(client, program, url_name, django_assert_num_queries):
    EventFactory(program=program)
    url = "/en" + reverse(url_name)[3:]
    client.get(url)
    with django_assert_num_queries(0):
        assert client.get(url)["X-Page-Cache"] == "hit"


def test_head_request_is_answered_from_the_cache(client, program, django_assert_num_queries):
    client.get(program.get_absolute_url())
    with django_assert_num_queries(0):
        response = client.head(program.get_absolute_url())
    assert response.status_code == 200


def test_edit_of_a_program_shows_at_once(client, program):
    url = "/en/programs/" + program.slug + "/"
    assert b"Youth exchange" in client.get(url).content

    program.title_en = "Children's exchange"
    program.save()

    content = client.get(url).content.decode()
    assert "Children&#x27;s exchange" in content
    assert "Youth exchange" not in content
    # The list that shows the program is fresh too.
    assert "Children&#x27;s exchange" in client.get("/en/programs/").content.decode()


def test_new_partner_city_shows_at_once(client, program):
    url = "/en/programs/" + program.slug + "/"
    client.get(url)
    city = CityFactory(name_en="Nagasaki")
    city.programs.add(program)  # a relation change, from the other side
    assert b"Nagasaki" in client.get(url).content


def test_unpublishing_removes_the_page_at_once(client, program):
    url = program.get_absolute_url()
    assert client.get(url).status_code == 200
    program.status = "draft"
    program.save()
    assert client.get(url).status_code == 404


def test_any_staff_change_in_the_admin_empties_the_cache(client, program, staff):
    url = "/en/programs/" + program.slug + "/"
    client.get(url)
    # A bulk update (as admin actions do) sends no model signal ...
    type(program).objects.filter(pk=program.pk).update(title_en="Updated in bulk")
    assert b"Updated in bulk" not in client.get(url).content
    # ... but any change staff post to the admin makes every cached page stale.
    admin = Client()
    admin.force_login(staff)
    admin.post(
        reverse("admin:programs_program_changelist"), {"action": "delete_selected", "_selected_action": []}
    )
    assert b"Updated in bulk" in client.get(url).content


def test_logged_in_member_never_gets_the_anonymous_page(client, program, member):
    url = program.get_absolute_url()
    anonymous = client.get(url)
    assert anonymous["X-Page-Cache"] == "miss"
    assert reverse("account_login").encode() in anonymous.content

    member_client = Client()
    member_client.force_login(member)
    for _ in range(2):
        response = member_client.get(url)
        assert response.status_code == 200
        assert not response.has_header("X-Page-Cache")
        assert "private" in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]
        assert reverse("account_login").encode() not in response.content
        assert b'action="' + reverse("account_logout").encode() in response.content

    # And the member's page is never served to anonymous visitors.
    again = client.get(url)
    assert again["X-Page-Cache"] == "hit"
    assert b'action="' + reverse("account_logout").encode() not in again.content


def test_an_anonymous_visitor_with_a_session_gets_and_leaves_the_shared_page(program):
    """A browser with a session that holds no login (one begun on the way to logging in) belongs to an
    anonymous visitor: the page it gets is the shared one, kept for the next visitor in its language."""
    url = "/ko/programs/" + program.slug + "/"
    returning = Client()
    session = returning.session
    session["begun"] = True
    session.save()
    returning.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    first = returning.get(url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    assert b'<html lang="ko"' in first.content

    newcomer = Client()
    again = newcomer.get(url)
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    assert newcomer.get("/en/programs/" + program.slug + "/")["X-Page-Cache"] == "miss"


def test_languages_do_not_leak_into_each_other(client, program):
    english = client.get("/en/programs/" + program.slug + "/")
    korean = client.get("/ko/programs/" + program.slug + "/")
    chinese = client.get("/zh-hans/programs/" + program.slug + "/")
    assert b'<html lang="en"' in english.content and program.title_en.encode() in english.content
    assert b'<html lang="ko"' in korean.content and program.title_ko.encode() in korean.content
    assert b'<html lang="zh-hans"' in chinese.content and program.title_zh_hans.encode() in chinese.content
    # Served from the cache, each language still gets its own page.
    assert client.get("/ko/programs/" + program.slug + "/").content == korean.content
    assert client.get("/en/programs/" + program.slug + "/").content == english.content


def test_text_size_and_host_are_part_of_the_key(client, program):
    url = program.get_absolute_url()
    assert b'class="text-normal"' in client.get(url).content
    client.cookies["textsize"] = "xlarge"
    assert b'class="text-xlarge"' in client.get(url).content
    other_host = client.get(url, HTTP_HOST="localhost")
    assert b"http://localhost/" in other_host.content
    assert b"http://testserver/" not in other_host.content


def test_messages_are_never_swallowed_by_the_cache(client, program, member):
    home = reverse("home")
    client.get(home)  # cached for anonymous visitors
    member_client = Client()
    member_client.force_login(member)
    response = member_client.post(reverse("account_logout"), follow=True)
    assert response.redirect_chain
    assert b'class="messages"' in response.content


def test_pages_with_a_form_token_are_not_cached(client):
    url = reverse("account_login")
    first = client.get(url)
    assert b"csrfmiddlewaretoken" in first.content
    assert not first.has_header("X-Page-Cache")
    assert "private" in first["Cache-Control"]
    assert not client.get(url).has_header("X-Page-Cache")


def test_health_is_never_cached(client):
    for _ in range(2):
        response = client.get("/health/")
        assert not response.has_header("X-Page-Cache")
        assert "no-store" in response["Cache-Control"]


def test_cached_public_pages_hold_no_csrf_token(client, program):
    event = EventFactory(program=program)
    urls = [
        reverse("home"),
        reverse("programs:list"),
        program.category.get_absolute_url(),
        program.get_absolute_url(),
        reverse("events:list"),
        event.get_absolute_url(),
        reverse("programs:city-list"),
        program.cities.first().get_absolute_url(),
    ]
    for url in urls:
        client.get(url)
        response = client.get(url)
        assert response["X-Page-Cache"] == "hit", url
        assert b"csrfmiddlewaretoken" not in response.content
        assert "csrftoken" not in response.cookies


@pytest.mark.parametrize(
    "backend",
    ["busan_exchange.cachebackends.FailSoftRedisCache", "django.core.cache.backends.redis.RedisCache"],
)
def test_pages_and_edits_work_while_the_cache_is_away(client, program, settings, backend):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": backend,
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2},
        },
    }
    response = client.get("/en/programs/" + program.slug + "/")
    assert response.status_code == 200
    program.title_en = "Edited without a cache"
    program.save()
    assert b"Edited without a cache" in client.get("/en/programs/" + program.slug + "/").content
    health = client.get("/health/")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    assert health.json()["checks"]["cache"] == "error"


def test_a_cached_page_with_an_etag_answers_304_to_a_client_that_has_it(rf):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.db import SessionStore
    from django.http import HttpResponse

    from busan_exchange.pagecache import AnonymousPageCacheMiddleware

    def view(request):
        return HttpResponse("<p>hello</p>", headers={"ETag": '"v1"'})

    middleware = AnonymousPageCacheMiddleware(view)

    def request(**headers):
        request = rf.get("/en/etagged/", headers=headers)
        request.user = AnonymousUser()
        request.session = SessionStore()
        request._messages = FallbackStorage(request)
        return request

    assert middleware(request())["X-Page-Cache"] == "miss"
    assert middleware(request()).content == b"<p>hello</p>"
    assert middleware(request(if_none_match='"v1"')).status_code == 304
    assert middleware(request(if_none_match='"v0"')).status_code == 200


@pytest.mark.parametrize("path", ["/api/v1/events/", "/en/events/calendar.ics", "/en/feeds/latest.atom"])
def test_open_data_calendars_and_feeds_are_served_from_the_cache_and_renewed_on_edit(
    client, program, path, django_assert_num_queries
):
    EventFactory(program=program, title_en="Harbour festival")
    assert client.get(path)["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        cached = client.get(path)
    assert cached["X-Page-Cache"] == "hit"
    # The view's own shared-cache lifetime is kept.
    assert cached["Cache-Control"] == client.get(path)["Cache-Control"]

    event = program.events.get()
    event.title_en = "Harbour festival on a new date"
    event.save()
    assert "Harbour festival on a new date" in client.get(path).content.decode()


def test_unknown_query_parameters_are_not_cached(client, program, django_assert_max_num_queries):
    url = program.get_absolute_url()
    for n in range(3):
        response = client.get(url, {"utm_source": f"campaign-{n}"})
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
    assert client.get(url)["X-Page-Cache"] == "miss"
    # A program page reads no parameter at all: ?q= and ?page= are noise there.
    for noise in ({"page": "1"}, {"q": "anything"}):
        for _ in range(2):
            assert "X-Page-Cache" not in client.get(url, noise)
    search = reverse("discovery:search")
    assert client.get(search, {"q": "youth", "page": "1"})["X-Page-Cache"] == "miss"
    assert client.get(search, {"q": "youth", "page": "1"})["X-Page-Cache"] == "hit"


def test_a_search_in_one_language_is_kept_whatever_language_was_asked_for_before(client, program):
    """Each request resolves its address in the address's language, not in the previous request's."""
    client.get("/ko/")
    assert client.get("/en/search/", {"q": "youth"})["X-Page-Cache"] == "miss"
    client.get("/zh-hans/")
    assert client.get("/en/search/", {"q": "youth"})["X-Page-Cache"] == "hit"
    assert client.get("/ko/search/", {"q": "youth"})["X-Page-Cache"] == "miss"


def test_the_view_of_an_address_is_remembered_only_while_the_urls_stay_the_same(client, program, settings):
    """Which parameters an address may carry is looked up once per address, and again when the URLs change."""
    from busan_exchange.pagecache import _view_name

    assert client.get("/en/search/", {"q": "youth"})["X-Page-Cache"] == "miss"
    assert client.get("/en/search/", {"q": "youth"})["X-Page-Cache"] == "hit"
    assert _view_name("/en/search/") == "discovery:search"
    settings.ROOT_URLCONF = "tests.urls_none"
    assert _view_name("/en/search/") is None


@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "0"},
        {"page": "123456789"},
        {"q": "x" * 101},
        {"q": "tab\tinside"},
        {"q": ["one", "two"]},
        {"q": "youth", "sort": "new"},
    ],
)
def test_search_keeps_only_sensible_queries(client, program, query):
    search = reverse("discovery:search")
    for _ in range(2):
        response = client.get(search, query)
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]


def test_what_anonymous_visitors_store_is_bounded(client, program, settings, monkeypatch):
    """Random searches and parameters leave the cache no bigger than its own limit, and pages asked for on a
    made-up port, or larger than the limit for one entry, are not kept at all."""
    from django.core.cache import caches

    from busan_exchange import pagecache

    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 30}},
    }
    for n in range(50):
        client.get(reverse("discovery:search"), {"q": f"random {n}"})
        client.get(program.get_absolute_url(), {"n": n})
    assert len(caches["pages"]._cache) <= 30 + 1

    url = program.get_absolute_url()
    for _ in range(2):
        assert "X-Page-Cache" not in client.get(url, HTTP_HOST="testserver:6666")
    settings.PORTAL_DOMAIN = "testserver:8000"
    client.get(url, HTTP_HOST="testserver:8000")
    assert client.get(url, HTTP_HOST="testserver:8000")["X-Page-Cache"] == "hit"

    monkeypatch.setattr(pagecache, "MAX_ENTRY_BYTES", 1000)
    client.get(reverse("events:list"))
    assert "X-Page-Cache" not in client.get(reverse("events:list"))
