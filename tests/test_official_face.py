"""What every page shows: the official-site banner, the full footer with its legal pages and related sites,
messages a screen reader can read as a list, and the language a visitor picked, remembered for next time."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.translation import override

from accounts.tests.factories import UserFactory
from accounts.tests.voice import assert_house_voice
from programs.tests.factories import CityFactory, ProgramFactory

pytestmark = pytest.mark.django_db

LANGUAGES = ["ko", "en", "zh-hans"]
BANNER = {
    "ko": "이 누리집은 부산광역시 공식 누리집입니다.",
    "en": "An official website of Busan Metropolitan City",
    "zh-hans": "釜山广域市官方网站",
}


def url(name, lang="en", *args, **kwargs):
    with override(lang):
        return reverse(name, args=args, kwargs=kwargs)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_official_banner_comes_first_on_every_page(client, lang):
    for name in ("home", "programs:list", "account_login", "privacy:current"):
        page = client.get(url(name, lang)).content.decode()
        body = page[page.index("<body>") :]
        # After the skip links (hidden until focused), the banner is the first thing on the page.
        assert body.index('class="gov-banner"') < body.index('class="site-header"'), name
        assert BANNER[lang] in body, name
        assert "<details" in body[body.index('class="gov-banner"') : body.index('class="site-header"')]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_footer_has_the_office_the_legal_pages_and_related_sites(client, lang):
    CityFactory(name_en="Surabaya", website="https://www.surabaya.go.id/")
    CityFactory(name_en="Unlinked", website="")
    page = client.get(url("home", lang)).content.decode()
    footer = page[page.index('<footer id="footer"') :]
    for name in ("privacy:current", "terms", "accessibility"):
        assert f'href="{url(name, lang)}"' in footer
    assert "1001" in footer and "tel:" in footer
    assert 'href="https://www.busan.go.kr/"' in footer
    assert 'href="https://www.surabaya.go.id/"' in footer
    assert footer.count('rel="external"') == 2
    # No translationese copyright line.
    assert "모든 권리 보유" not in footer and "All rights reserved" not in footer
    assert_house_voice(footer, lang, allow=["Surabaya"], where="footer")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["terms", "accessibility", "privacy:current"])
def test_the_legal_pages_exist_in_three_languages_in_the_house_voice(client, lang, name):
    response = client.get(url(name, lang))
    assert response.status_code == 200
    page = response.content.decode()
    assert f'<html lang="{lang}"' in page
    main = page[page.index("<main") : page.index("</main>")]
    assert main.count("<h2") >= 5
    assert_house_voice(main, lang, where=name)


def test_a_city_page_links_to_the_citys_official_website(client):
    city = CityFactory(website="https://www.cq.gov.cn/")
    page = client.get(city.get_absolute_url()).content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    assert 'href="https://www.cq.gov.cn/"' in main


def test_messages_are_a_list_inside_a_status_region(client):
    member = UserFactory()
    client.force_login(member)
    data = {"name": "Kim", "language": "en", "phone": ""}
    response = client.post(url("accounts:profile"), data, follow=True)
    page = response.content.decode()
    region = re.search(r'<div class="messages" role="status">\s*<ul class="message-list">\s*<li', page)
    assert region, "a message list inside the status region, with list items directly in the list"
    assert '<ul class="messages" role="status">' not in page  # role on the list hides its items' list


# --- the language a visitor picks is remembered -----------------------------------------------------------


def test_the_switcher_remembers_the_language_and_the_bare_address_opens_in_it(client):
    program = ProgramFactory(slug="youth")
    page = client.get(f"/en/programs/{program.slug}/").content.decode()
    switch = re.search(r'<a href="([^"]+)" hreflang="zh-hans"', page).group(1).replace("&amp;", "&")
    assert switch.startswith("/language/zh-hans/")

    response = client.get(switch)
    assert response.status_code == 302
    assert response["Location"] == f"/zh-hans/programs/{program.slug}/"
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "zh-hans"
    assert cookie["max-age"] and cookie["samesite"] == "Lax" and cookie["httponly"]

    # Next time the visitor types the bare address, whatever their browser asks for.
    response = client.get("/", headers={"accept-language": "ko"})
    assert response["Location"] == "/zh-hans/"


def test_switching_language_works_without_a_page_and_refuses_unknown_languages(client):
    response = client.get("/language/ko/")
    assert response["Location"] == "/ko/"
    assert client.get("/language/fr/", {"next": "/en/"}).status_code == 404


def test_pages_with_the_switcher_stay_in_the_shared_cache(client, settings):
    """The cookie is set by the switch's redirect, never by a page: cached pages are the same for everyone."""
    settings.PAGE_CACHE_SECONDS = 60
    ProgramFactory(slug="youth")
    first = client.get("/en/programs/youth/")
    assert not first.cookies
    assert client.get("/en/programs/youth/")["X-Page-Cache"] == "hit"


# --- a phone's first screen -------------------------------------------------------------------------------


def test_phones_get_a_search_link_and_a_search_form_on_the_search_page(client):
    page = client.get(url("home", "ko")).content.decode()
    assert f'class="masthead-search-link" href="{url("discovery:search", "ko")}"' in page
    search = client.get(url("discovery:search", "ko"), {"q": "부산"}).content.decode()
    assert 'id="search-page-q" name="q" value="부산"' in search


def test_text_size_control_is_in_the_header_and_the_footer_with_their_own_labels(client):
    page = client.get(url("home")).content.decode()
    assert 'aria-labelledby="text-size-label-header"' in page
    assert 'aria-labelledby="text-size-label-footer"' in page
    assert page.count('id="text-size-label-header"') == page.count('id="text-size-label-footer"') == 1
