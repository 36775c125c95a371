"""Input no page can use (NUL and other control characters) gets a clean, translated 400 or is ignored,
never a server error, on SQLite and PostgreSQL alike."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from accounts.tests.factories import PASSWORD, UserFactory
from events.tests.factories import EventFactory
from programs.tests.factories import CategoryFactory, ProgramFactory

pytestmark = pytest.mark.django_db

NUL = "\x00"


@pytest.fixture
def content():
    program = ProgramFactory(slug="youth", category=CategoryFactory(slug="diplomacy"))
    EventFactory(slug="forum", program=program)
    return program


GET_PAGES = [
    "/en/",
    "/en/search/",
    "/en/programs/",
    "/en/programs/youth/",
    "/en/events/",
    "/en/events/forum/",
    "/en/events/calendar.ics",
    "/en/feeds/latest.atom",
    "/api/v1/programs/",
    "/en/accounts/login/",
    "/text-size/larger/",
    "/sitemap.xml",
    "/health/",
]


@pytest.mark.parametrize("path", GET_PAGES)
@pytest.mark.parametrize("parameter", ["q", "page", "next", NUL])
def test_nul_in_any_query_parameter_is_a_clean_400(client, content, path, parameter):
    response = client.get(path, {parameter: f"abc{NUL}def"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "The address could not be read" in response.content.decode()


@pytest.mark.parametrize("value", [f"a{NUL}", "\x1b[31m", "\x7f", "%00"])
def test_the_400_page_is_in_the_language_of_the_address(client, content, value):
    response = client.get("/ko/search/", {"q": value + "x"})
    if value == "%00":  # text that only looks like NUL is just a search
        assert response.status_code == 200
        return
    assert response.status_code == 400
    with translation.override("ko"):
        expected = translation.gettext("The address could not be read")
    assert expected != "The address could not be read"
    body = response.content.decode()
    assert expected in body and '<html lang="ko"' in body


@pytest.mark.parametrize(
    "path", ["/en/programs/you%00th/", "/en/%00/", "/admin/%00", "/en/admin/accounts/user/1%00/change/"]
)
def test_nul_in_the_address_is_a_clean_400(admin_client, path):
    assert admin_client.get(path).status_code == 400


def test_nul_in_a_form_is_a_clean_400_and_nothing_is_saved(client):
    member = UserFactory()
    event = EventFactory()
    client.force_login(member)
    response = client.post(f"/en/events/{event.slug}/register/", {"message": f"hello{NUL}"})
    assert response.status_code == 400
    assert not member.registrations.exists()
    login = Client().post(reverse("account_login"), {"login": f"{member.email}{NUL}", "password": PASSWORD})
    assert login.status_code == 400


def test_other_control_characters_in_a_form_are_kept(admin_client, content):
    """Text pasted from a word processor may carry a vertical tab or a form feed: the form still works."""
    member = UserFactory()
    event = EventFactory()
    browser = Client()
    browser.force_login(member)
    response = browser.post(f"/en/events/{event.slug}/register/", {"message": "line\x0bbreak"})
    assert response.status_code == 302
    assert member.registrations.get().message == "line\x0bbreak"


def test_a_damaged_cookie_is_ignored(client, content):
    client.cookies["sessionid"] = f"abc{NUL}defghijklmnop"
    client.cookies["csrftoken"] = f"x{NUL}y"
    client.cookies["textsize"] = f"large{NUL}"
    assert client.get("/en/").status_code == 200
    assert client.get(reverse("account_login")).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "page=-1",
        "page=abc",
        "page=99999999999999999999999",
        "page=1e3",
        "q=" + "x" * 10_000,
        "q=%ED%A0%80",  # a UTF-16 surrogate, which UTF-8 may not carry
        "q=%FF%FE",  # not UTF-8 at all
        "q=%",
        "q=%27%3B+DROP+TABLE+programs_program%3B+--",
    ],
)
def test_odd_values_give_a_page_or_a_clean_answer(client, content, query):
    for path in ("/en/search/", "/api/v1/programs/", "/en/programs/"):
        response = client.get(f"{path}?{query}")
        assert response.status_code in (200, 404), (path, query, response.status_code)
