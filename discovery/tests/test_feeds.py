import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation

from .utils import assert_nothing_hidden

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def feed_url(language):
    with translation.override(language):
        return reverse("discovery:feed")


def fetch(client, language):
    response = client.get(feed_url(language))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return response, ET.fromstring(response.content)  # noqa: S314 (our own response)


@pytest.mark.parametrize(
    ("language", "titles"),
    [
        ("ko", {"청소년 교류", "한중일 어린이 교류", "세계평화포럼", "유엔 주간"}),
        ("en", {"Youth exchanges", "Korea-China-Japan children's exchanges", "World Peace Forum", "UN WEEK"}),
        ("zh-hans", {"青少年交流", "中日韩儿童交流", "世界和平论坛", "联合国周"}),
    ],
)
def test_feed_is_atom_in_the_requested_language(client, content, language, titles):
    _response, feed = fetch(client, language)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get(XML_LANG) == language
    assert feed.find(f"{ATOM}title").text
    assert (
        feed.find(f"{ATOM}link[@rel='self']").get("href") == f"http://testserver/{language}/feeds/latest.atom"
    )

    entries = feed.findall(f"{ATOM}entry")
    assert {entry.find(f"{ATOM}title").text for entry in entries} == titles
    for entry in entries:
        assert entry.find(f"{ATOM}id").text
        assert entry.find(f"{ATOM}updated").text
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert link.startswith(f"http://testserver/{language}/")


def test_feed_entries_are_newest_first_and_link_the_right_pages(client, content):
    _response, feed = fetch(client, "en")
    links = [entry.find(f"{ATOM}link").get("href") for entry in feed.findall(f"{ATOM}entry")]
    assert links == [
        "http://testserver/en/events/un-week-2021/",
        "http://testserver/en/events/world-peace-forum/",
        "http://testserver/en/programs/children-exchange/",
        "http://testserver/en/programs/youth-exchange/",
    ]
    summaries = [entry.find(f"{ATOM}summary").text for entry in feed.findall(f"{ATOM}entry")]
    assert "Young people of sister cities learn each other's culture in a homestay." in summaries


def test_feed_holds_no_unpublished_content(client, content):
    for language in ("ko", "en", "zh-hans"):
        response, _feed = fetch(client, language)
        assert_nothing_hidden(response.content.decode())


def test_feed_is_cacheable(client, content):
    response, _feed = fetch(client, "en")
    assert "public" in response["Cache-Control"]
    assert client.get(feed_url("en"), headers={"if-none-match": response["ETag"]}).status_code == 304


def test_every_page_announces_the_feed_of_its_language(client, content):
    html = client.get("/zh-hans/programs/").content.decode()
    assert 'type="application/atom+xml"' in html
    assert 'href="/zh-hans/feeds/latest.atom"' in html


def test_feed_readers_get_text_not_markup(client, content):
    from events.tests.factories import EventFactory

    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    EventFactory(title_en=f"Festival {attack}", summary_en=f"Come along {attack}")
    response, feed = fetch(client, "en")
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        summary = entry.find(f"{ATOM}summary")
        # Atom says: type "text" (or no type) is shown as it is; "html" is markup a reader renders.
        assert summary.get("type") == "text"
        assert entry.find(f"{ATOM}title").get("type") in (None, "text")
    festival = next(e for e in entries if e.find(f"{ATOM}title").text.startswith("Festival"))
    assert festival.find(f"{ATOM}summary").text == f"Come along {attack}"
    assert festival.find(f"{ATOM}title").text == f"Festival {attack}"
    assert b'type="html"' not in response.content
