"""The public pages, as a visitor in each language sees them."""

import re
from html import unescape as html_unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import reverse
from django.utils import translation

from events.tests.factories import EventFactory
from programs.models import Status

from .factories import CategoryFactory, CityFactory, ProgramFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["ko", "en", "zh-hans"]
HANGUL = re.compile(r"[\uac00-\ud7a3]")
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def content():
    city = CityFactory(slug="nagasaki", name_ko="나가사키", name_en="Nagasaki", name_zh_hans="长崎")
    program = ProgramFactory(slug="youth", cities=[city])
    event = EventFactory(slug="forum", program=program, cities=[city])
    return {"city": city, "program": program, "category": program.category, "event": event}


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def public_urls(content, language):
    return [
        url("home", language),
        url("programs:list", language),
        url("programs:category", language, slug=content["category"].slug),
        url("programs:detail", language, slug=content["program"].slug),
        url("events:list", language),
        url("events:detail", language, slug=content["event"].slug),
        url("programs:city-list", language),
        url("programs:city", language, slug=content["city"].slug),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_answers_in_its_language(client, content, language):
    for page in public_urls(content, language):
        assert page.startswith(f"/{language}/")
        response = client.get(page)
        assert response.status_code == 200, page
        html = response.content.decode()
        assert f'<html lang="{language}"' in html
        assert "<title>" in html
        if language == "ko":
            assert HANGUL.search(html), page
        if language == "zh-hans":
            assert HAN.search(html), page


@pytest.mark.parametrize(
    ("language", "title"),
    [("ko", "청소년 교류 프로그램"), ("en", "Youth exchange program"), ("zh-hans", "青少年交流项目")],
)
def test_program_page_shows_the_content_in_the_visitors_language(client, content, language, title):
    response = client.get(url("programs:detail", language, slug="youth"))
    assert title in response.content.decode()


def test_drafts_are_hidden_everywhere(client):
    category = CategoryFactory()
    published = ProgramFactory(category=category, title_en="Visible program")
    draft = ProgramFactory(category=category, status=Status.DRAFT, title_en="Secret draft program")
    draft_city = CityFactory(status=Status.DRAFT, name_en="Draft city")
    draft_event = EventFactory(status=Status.DRAFT, title_en="Draft event")
    draft_category = CategoryFactory(status=Status.DRAFT, name_en="Draft category")
    hidden_by_category = ProgramFactory(category=draft_category, title_en="Program in draft category")

    for page in ["home", "programs:list", "events:list", "programs:city-list"]:
        html = client.get(url(page, "en")).content.decode()
        assert "Secret draft program" not in html
        assert "Draft city" not in html
        assert "Draft event" not in html
        assert "Draft category" not in html
    assert "Visible program" in client.get(url("programs:list", "en")).content.decode()

    assert client.get(url("programs:detail", "en", slug=draft.slug)).status_code == 404
    assert client.get(url("programs:detail", "en", slug=hidden_by_category.slug)).status_code == 404
    assert client.get(url("programs:city", "en", slug=draft_city.slug)).status_code == 404
    assert client.get(url("events:detail", "en", slug=draft_event.slug)).status_code == 404
    assert client.get(url("programs:category", "en", slug=draft_category.slug)).status_code == 404
    assert client.get(url("programs:detail", "en", slug=published.slug)).status_code == 200


def test_draft_city_is_not_listed_on_a_published_program(client):
    city = CityFactory(status=Status.DRAFT, name_en="Unannounced city")
    program = ProgramFactory(cities=[city])
    html = client.get(url("programs:detail", "en", slug=program.slug)).content.decode()
    assert "Unannounced city" not in html


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("ko-KR,ko;q=0.9,en;q=0.8", "/ko/"),
        ("en-US,en;q=0.9", "/en/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("zh-TW,zh;q=0.9", "/zh-hans/"),
        ("zh-HK", "/zh-hans/"),
        ("zh-Hant-TW", "/zh-hans/"),
        ("fr-FR,fr;q=0.9,de;q=0.5", "/en/"),
        ("fr-FR,ko;q=0.5", "/ko/"),
        ("", "/en/"),
        ("*", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept, expected):
    response = client.get("/", headers={"accept-language": accept})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_root_prefers_the_language_the_visitor_chose(client):
    client.cookies["django_language"] = "zh-hans"
    response = client.get("/", headers={"accept-language": "en"})
    assert response["Location"] == "/zh-hans/"


def _links(html, pattern):
    return re.findall(pattern, html)


def switcher_target(href: str) -> str:
    """Where a language switcher link leads: it goes through ``/language/<code>/?next=<page>``."""
    parts = urlsplit(html_unescape(href))
    assert parts.path.startswith("/language/"), href
    return parse_qs(parts.query)["next"][0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_keeps_the_visitor_on_the_same_page(client, content, language):
    html = client.get(url("programs:detail", language, slug="youth")).content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</nav>")]
    hrefs = {
        code: switcher_target(href)
        for href, code in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', switcher)
    }
    assert hrefs == {
        "ko": "/ko/programs/youth/",
        "en": "/en/programs/youth/",
        "zh-hans": "/zh-hans/programs/youth/",
    }
    assert re.search(rf'hreflang="{language}" lang="{language}"[^>]* aria-current="true"', switcher)


def test_language_switcher_keeps_the_query_string(client, content):
    html = client.get("/en/events/?page=2").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    hrefs = re.findall(r'<a href="([^"]+)" hreflang="ko"', switcher)
    assert switcher_target(hrefs[0]) == "/ko/events/?page=2"


@pytest.mark.parametrize("language", LANGUAGES)
def test_hreflang_alternates(client, content, language):
    html = client.get(url("events:detail", language, slug="forum")).content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates == {
        "ko": "http://testserver/ko/events/forum/",
        "en": "http://testserver/en/events/forum/",
        "zh-hans": "http://testserver/zh-hans/events/forum/",
        "x-default": "http://testserver/en/events/forum/",
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_has_skip_links_text_size_and_account_links(client, content, language):
    html = client.get(url("home", language)).content.decode()
    assert html.index('href="#content"') < html.index('id="content"')
    assert 'href="#footer"' in html and 'id="footer"' in html
    assert "/text-size/larger/" in html and "/text-size/smaller/" in html and "/text-size/reset/" in html
    assert f"/{language}/accounts/login/" in html
    assert f"/{language}/accounts/signup/" in html


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/ko/programs/no-such-program/", "ko"),
        ("/en/events/no-such-event/", "en"),
        ("/zh-hans/cities/no-such-city/", "zh-hans"),
        ("/zh-hans/categories/nothing/", "zh-hans"),
        ("/en/no/such/page/", "en"),
    ],
)
def test_unknown_urls_give_a_404_page_in_the_site_layout(client, path, language):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}"' in html
    assert 'id="content"' in html and 'id="footer"' in html


def test_404_page_is_translated(client):  # needs locale
    assert "페이지를 찾을 수 없습니다" in client.get("/ko/programs/nope/").content.decode()
    assert "找不到" in client.get("/zh-hans/programs/nope/").content.decode()


def test_missing_translation_falls_back_and_is_marked(client):
    program = ProgramFactory(title_zh_hans="", summary_zh_hans="", summary_en="")
    html = client.get(url("programs:detail", "zh-hans", slug=program.slug)).content.decode()
    # The title falls back to English, the summary (no English either) to Korean; each is marked.
    assert f'<h1 lang="en">{program.title_en}</h1>' in html
    assert f'<p class="page-lead" lang="ko">{program.summary_ko}</p>' in html
    # Text in the visitor's own language is not marked.
    html = client.get(url("programs:detail", "ko", slug=program.slug)).content.decode()
    assert f"<h1>{program.title_ko}</h1>" in html


def test_city_page_lists_its_programs_and_events(client, content):
    html = client.get(url("programs:city", "en", slug="nagasaki")).content.decode()
    assert content["program"].title_en in html
    assert content["event"].title_en in html


def test_text_size_control_is_remembered(client, content):
    response = client.get("/text-size/larger/?next=/en/programs/")
    assert response.status_code == 302
    assert response["Location"] == "/en/programs/"
    assert response.cookies["textsize"].value == "large"
    html = client.get("/en/programs/").content.decode()
    assert 'class="text-large"' in html
    client.get("/text-size/larger/?next=/en/")
    client.get("/text-size/larger/?next=/en/")
    assert client.cookies["textsize"].value == "xlarge"
    client.get("/text-size/reset/?next=/en/")
    assert client.cookies["textsize"].value == "normal"
    client.get("/text-size/smaller/?next=/en/")
    assert client.cookies["textsize"].value == "small"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "/\\evil.example"])
def test_text_size_never_redirects_off_site(client, target):
    response = client.get("/text-size/larger/", {"next": target})
    assert response["Location"] == "/"


def test_footer_carries_the_office_contact(client, content):
    html = client.get("/en/").content.decode()
    footer = html[html.index('id="footer"') :]
    assert "Jungang-daero" in footer
    assert "tel:" in footer


@pytest.mark.parametrize(
    "page",
    ["home", "programs:list", "events:list", "programs:city-list"],
)
def test_list_pages_make_the_same_number_of_queries_for_5_or_50_items(
    client, django_assert_max_num_queries, page
):
    def add(count):
        for category in CategoryFactory.create_batch(count // 5 or 1):
            for _ in range(5):
                city = CityFactory()
                program = ProgramFactory(category=category, cities=[city])
                EventFactory(program=program, cities=[city])

    add(5)
    client.get(url(page, "en"))  # warm up (site, translations)
    # The page's own reads, and the footer's related sites.
    with django_assert_max_num_queries(7):
        small = client.get(url(page, "en"))
    add(45)
    with django_assert_max_num_queries(7):
        large = client.get(url(page, "en"))
    assert small.status_code == large.status_code == 200


@pytest.mark.parametrize("page", ["programs:detail", "events:detail", "programs:city", "programs:category"])
def test_detail_pages_make_a_bounded_number_of_queries(client, django_assert_max_num_queries, page):
    cities = CityFactory.create_batch(20)
    program = ProgramFactory(slug="big", cities=cities)
    for _ in range(20):
        EventFactory(program=program, cities=cities)
    EventFactory(slug="big", program=program, cities=cities)
    slug = {"programs:detail": "big", "events:detail": "big", "programs:city": cities[0].slug}.get(
        page, program.category.slug
    )
    with django_assert_max_num_queries(7):
        assert client.get(url(page, "en", slug=slug)).status_code == 200


def test_home_shows_the_first_programs_of_each_category_and_links_to_the_rest(client):
    category = CategoryFactory()
    programs = [
        ProgramFactory(category=category, order=n, title_en=f"Numbered program {n:02d}") for n in range(12)
    ]
    html = client.get(url("home", "en")).content.decode()
    shown = [p for p in programs if p.title_en in html]
    assert shown == programs[:8]
    assert category.get_absolute_url() in html
    category_page = client.get(category.get_absolute_url()).content.decode()
    assert all(p.title_en in category_page for p in programs)


def test_head_requests_are_answered(client, content):
    assert client.head("/", headers={"accept-language": "ko"}).status_code == 302
    assert client.head("/text-size/larger/?next=/ko/").status_code == 302
