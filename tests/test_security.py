"""Security as a visitor's browser sees it: headers, redirects, CSRF and escaping."""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts.tests.factories import PASSWORD, UserFactory
from events.tests.factories import EventFactory
from programs.tests.factories import CategoryFactory, CityFactory, ProgramFactory
from programs.tests.test_views import switcher_target

pytestmark = pytest.mark.django_db

HOSTILE_NEXT = [
    "//evil.com",
    "///evil.com",
    "https://evil.com",
    "http://evil.com/en/",
    "/\\evil.com",
    "\\\\evil.com",
    "\\/evil.com",
    "http:evil.com",
    "https:/evil.com",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "%2F%2Fevil.com",
    " //evil.com",
    "\t//evil.com",
    "/\t/evil.com",
    "/%09/evil.com",
    "//evil.com@testserver",
    "https://testserver.evil.com/",
    "//testserver@evil.com",
]


def _is_off_site(location: str) -> bool:
    """Whether a browser following ``Location: location`` from a page of ours would leave the site.

    Browsers drop tabs and newlines, read a backslash as a slash and skip leading spaces and control
    characters: the check reads the address the same way.
    """
    normalized = re.sub(r"[\t\n\r]", "", location).replace("\\", "/").lstrip(" \x00-\x1f")
    target = urlsplit(urljoin("http://testserver/en/programs/", normalized))
    return target.scheme not in ("http", "https") or target.netloc != "testserver"


def test_the_off_site_check_itself():
    assert not _is_off_site("/en/")
    assert not _is_off_site("http://testserver/en/")
    assert not _is_off_site("%2F%2Fevil.com")
    for value in ("//evil.com", "/\\evil.com", "\t//evil.com", "https://evil.com", "javascript:alert(1)"):
        assert _is_off_site(value), value


@pytest.fixture
def content():
    program = ProgramFactory(category=CategoryFactory(), cities=[CityFactory()])
    event = EventFactory(program=program, cities=list(program.cities.all()))
    return program, event


@pytest.fixture
def member():
    return UserFactory()


def _public_urls(program, event) -> list[str]:
    city = program.cities.first()
    return [
        reverse("home"),
        reverse("programs:list"),
        program.category.get_absolute_url(),
        program.get_absolute_url(),
        reverse("events:list"),
        event.get_absolute_url(),
        reverse("programs:city-list"),
        city.get_absolute_url(),
    ]


def _assert_security_headers(response):
    url = response.wsgi_request.get_full_path()
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["X-Frame-Options"] == "DENY", url
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
    assert "camera=()" in response["Permissions-Policy"], url
    policy = dict(
        (part.strip().split(" ", 1) + [""])[:2] for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'", url
    assert policy["script-src"] == "'self'", url
    assert policy["frame-ancestors"] == "'none'", url
    assert policy["object-src"] == "'none'", url
    assert "unsafe-inline" not in response["Content-Security-Policy"], url
    assert "unsafe-eval" not in response["Content-Security-Policy"], url


def test_headers_on_every_public_page_cached_or_not(client, content):
    for url in [*_public_urls(*content), "/en/no-such-page/", "/no-such-page/"]:
        for _ in range(2):  # rendered, then from the cache
            _assert_security_headers(client.get(url))


def test_headers_on_account_admin_and_machine_pages(client, member):
    urls = [
        reverse("account_login"),
        reverse("account_signup"),
        reverse("account_reset_password"),
        "/health/",
        "/sitemap.xml",
        "/robots.txt",
        reverse("discovery:search") + "?q=exchange",
        reverse("discovery:feed"),
        reverse("discovery:calendar"),
        reverse("api:index"),
        reverse("api:programs"),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_security_headers(response)
    _assert_security_headers(client.get(reverse("admin:login")))
    client.force_login(member)
    _assert_security_headers(client.get(reverse("accounts:my-page")))
    _assert_security_headers(client.get(reverse("account_email")))


def test_admin_pages_have_the_same_strict_policy(admin_client):
    response = admin_client.get(reverse("admin:programs_program_add"))
    _assert_security_headers(response)
    assert "style-src 'self';" in response["Content-Security-Policy"] + ";"


def test_cookies_are_http_only_and_same_site(client, member):
    response = client.get(reverse("account_login"))
    csrf = response.cookies["csrftoken"]
    assert csrf["httponly"] and csrf["samesite"] == "Lax"
    response = client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"


def test_text_size_cookie_is_same_site_and_secure_over_https(client):
    # Not HttpOnly: the page's script changes it without a round trip (it holds no secret).
    cookie = client.get(reverse("text-size", args=["larger"]), secure=True).cookies["textsize"]
    assert cookie.value == "large"
    assert cookie["samesite"] == "Lax"
    assert cookie["secure"]
    assert cookie["path"] == "/"


# --- No open redirects ------------------------------------------------------------------------------


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_login_never_redirects_off_site(target, member):
    client = Client()
    url = reverse("account_login")
    response = client.post(url, {"login": member.email, "password": PASSWORD, "next": target})
    assert response.status_code == 302
    assert not _is_off_site(response["Location"]), response["Location"]
    assert "_auth_user_id" in client.session


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_logout_never_redirects_off_site(target, member):
    client = Client()
    client.force_login(member)
    response = client.post(reverse("account_logout"), {"next": target})
    assert response.status_code == 302
    assert not _is_off_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("target", HOSTILE_NEXT)
@pytest.mark.parametrize("size", ["larger", "smaller", "reset"])
def test_text_size_never_redirects_off_site(client, target, size):
    response = client.get(reverse("text-size", args=[size]), {"next": target})
    assert response.status_code == 302
    assert not _is_off_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_withdrawing_a_registration_never_redirects_off_site(target, member):
    from registrations.tests.factories import RegistrationFactory

    registration = RegistrationFactory(user=member)
    client = Client()
    client.force_login(member)
    response = client.post(
        reverse("registrations:withdraw", args=[registration.pk]) + "?next=" + target, {"confirm": "yes"}
    )
    assert response.status_code == 302
    assert not _is_off_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("target", HOSTILE_NEXT)
def test_admin_login_never_redirects_off_site(target):
    staff = UserFactory(is_staff=True, language="en")
    client = Client()
    response = client.post(
        reverse("admin:login") + "?next=" + target, {"username": staff.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert not _is_off_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("path", ["/admin//evil.com", "/admin/\\evil.com", "/admin/%2F%2Fevil.com"])
def test_admin_without_language_stays_on_the_site(client, path):
    response = client.get(path + "?next=//evil.com")
    assert response.status_code == 302
    assert not _is_off_site(response["Location"]), response["Location"]


def test_text_size_returns_to_the_page_the_visitor_was_on(client):
    response = client.get(reverse("text-size", args=["larger"]), {"next": "/en/programs/?page=2"})
    assert response["Location"] == "/en/programs/?page=2"


@pytest.mark.parametrize("cookie", ["//evil.com", "https://evil.com", "en/../../evil.com", "<script>"])
def test_language_redirect_at_root_stays_on_the_site(client, cookie):
    client.cookies["django_language"] = cookie
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] in ("/ko/", "/en/", "/zh-hans/")


@pytest.mark.parametrize("path", ["/%2Fevil.com", "/%2Fevil.com/", "/%5Cevil.com/", "/en/%2F%2Fevil.com/"])
def test_language_links_never_lead_off_the_site(client, path):
    response = client.get(path)
    assert response.status_code == 404
    links = [
        switcher_target(link) for link in re.findall(r'<a href="([^"]*)" hreflang="[^"]+"', response.text)
    ]
    assert len(links) == 3
    for link in links:
        assert not _is_off_site(link), link
    assert set(links) == {"/ko/", "/en/", "/zh-hans/"}


def test_language_links_keep_the_visitor_on_the_same_page(client, content):
    program, _event = content
    response = client.get(f"/en/programs/{program.slug}/")
    links = [
        (switcher_target(link), code)
        for link, code in re.findall(r'<a href="([^"]*)" hreflang="([^"]+)"', response.text)
    ]
    assert sorted(links) == sorted(
        [(f"/{code}/programs/{program.slug}/", code) for code in ("ko", "en", "zh-hans")]
    )


@pytest.mark.parametrize("target", ["//evil.com", "https://evil.com/", "/\\evil.com", "javascript:alert(1)"])
def test_language_switch_never_leads_off_the_site(client, target):
    response = client.get("/language/ko/", {"next": target})
    assert response.status_code == 302
    assert not _is_off_site(response["Location"]), response["Location"]


# --- CSRF ---------------------------------------------------------------------------------------------


def _all_views(resolver=None):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _all_views(pattern)
        elif isinstance(pattern, URLPattern):
            yield pattern


def test_no_view_is_exempt_from_csrf():
    exempt = [
        f"{p.lookup_str} ({p.pattern})" for p in _all_views() if getattr(p.callback, "csrf_exempt", False)
    ]
    assert exempt == []


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


def test_login_signup_and_logout_need_a_csrf_token(csrf_client, member):
    assert (
        csrf_client.post(reverse("account_login"), {"login": member.email, "password": PASSWORD}).status_code
        == 403
    )
    signup = {"email": "new@example.org", "password1": PASSWORD, "password2": PASSWORD}
    assert csrf_client.post(reverse("account_signup"), signup).status_code == 403
    csrf_client.force_login(member)
    assert csrf_client.post(reverse("account_logout")).status_code == 403
    assert "_auth_user_id" in csrf_client.session


def test_every_member_action_needs_a_csrf_token(csrf_client, member, content):
    from registrations.models import Registration
    from registrations.tests.factories import RegistrationFactory

    program, event = content
    registration = RegistrationFactory(user=member, event=EventFactory())
    csrf_client.force_login(member)
    urls = [
        reverse("registrations:program-interest", args=[program.slug]),
        reverse("registrations:event-register", args=[event.slug]),
        reverse("registrations:withdraw", args=[registration.pk]),
        reverse("accounts:profile"),
        reverse("accounts:consents"),
        reverse("accounts:delete"),
        reverse("account_email"),
        reverse("account_change_password"),
    ]
    for url in urls:
        assert csrf_client.post(url, {"message": "hello", "name": "Mallory"}).status_code == 403, url
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert not Registration.objects.filter(program=program).exists()
    assert not Registration.objects.filter(event=event).exists()


def test_admin_changes_need_a_csrf_token(csrf_client, admin_user, content):
    program, _event = content
    csrf_client.force_login(admin_user)
    response = csrf_client.post(reverse("admin:programs_program_delete", args=[program.pk]), {"post": "yes"})
    assert response.status_code == 403
    program.refresh_from_db()


# --- Escaping -----------------------------------------------------------------------------------------


def test_content_is_escaped_everywhere(client):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    program = ProgramFactory(
        title_en=f"Title {attack}",
        summary_en=f"Summary {attack}",
        detail_en=f"Detail {attack}\n\nSecond paragraph",
        activities_en=f"One {attack}\nTwo",
        eligibility_en=f"Everyone {attack}",
        contact_en=f"Contact {attack}",
        category=CategoryFactory(name_en=f"Category {attack}", summary_en=attack),
        cities=[CityFactory(name_en=f"City {attack}", description_en=attack)],
    )
    EventFactory(
        program=program, title_en=f"Event {attack}", summary_en=attack, body_en=attack, venue_en=attack
    )
    event = program.events.get()
    city = program.cities.get()
    for url in [
        "/en/",
        "/en/programs/",
        f"/en/programs/{program.slug}/",
        f"/en/categories/{program.category.slug}/",
        "/en/events/",
        f"/en/events/{event.slug}/",
        "/en/cities/",
        f"/en/cities/{city.slug}/",
    ]:
        body = client.get(url).content.decode()
        assert "<script>alert" not in body, url
        assert "<img src=x" not in body, url
        assert "&lt;script&gt;" in body, url


def test_search_terms_are_escaped(client):
    url = reverse("discovery:search")
    body = client.get(url, {"q": '"><script>alert(1)</script>'}).content.decode()
    assert "<script>alert(1)</script>" not in body
