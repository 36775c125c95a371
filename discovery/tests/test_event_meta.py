"""Sharing metadata of event pages: schema.org JSON-LD and Open Graph."""

import json
import re

import pytest

from discovery.templatetags.discovery import json_ld
from events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db

JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def structured_data(html):
    (data,) = JSON_LD.findall(html)
    return json.loads(data)


def og(html, prop):
    match = re.search(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', html)
    return match.group(1) if match else None


@pytest.mark.parametrize(
    ("language", "name", "locale"),
    [
        ("ko", "세계평화포럼", "ko_KR"),
        ("en", "World Peace Forum", "en_US"),
        ("zh-hans", "世界和平论坛", "zh_CN"),
    ],
)
def test_event_page_describes_the_event_for_search_engines_and_sharing(
    client, content, language, name, locale
):
    html = client.get(f"/{language}/events/world-peace-forum/").content.decode()
    data = structured_data(html)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == name
    assert data["url"] == f"http://testserver/{language}/events/world-peace-forum/"
    assert data["startDate"].endswith("+09:00")
    assert data["endDate"].endswith("+09:00")
    assert data["location"]["@type"] == "Place"
    assert data["location"]["name"]

    assert og(html, "og:title") == name
    assert og(html, "og:type") == "website"
    assert og(html, "og:url") == f"http://testserver/{language}/events/world-peace-forum/"
    assert og(html, "og:locale") == locale
    assert og(html, "og:description")
    assert og(html, "og:image") is None  # the event has no image


def test_structured_data_cannot_break_out_of_its_script(client, db):
    EventFactory(slug="tricky", title_en='</script><script>alert("x")</script> & more')
    html = client.get("/en/events/tricky/").content.decode()
    assert "</script><script>alert" not in html
    assert structured_data(html)["name"] == '</script><script>alert("x")</script> & more'
    assert (
        og(html, "og:title") == "&lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"
    )


def test_json_ld_escapes_like_json_script():
    assert (
        json_ld({"a": "<>&"}) == '<script type="application/ld+json">{"a": "\\u003C\\u003E\\u0026"}</script>'
    )


def test_event_image_is_shared_when_there_is_one(client, db):
    EventFactory(slug="with-image", image="events/forum.jpg", image_alt_en="The forum hall")
    html = client.get("/en/events/with-image/").content.decode()
    assert og(html, "og:image") == "http://testserver/media/events/forum.jpg"
    assert og(html, "og:image:alt") == "The forum hall"
    assert structured_data(html)["image"] == ["http://testserver/media/events/forum.jpg"]
