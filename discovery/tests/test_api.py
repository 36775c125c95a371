"""The open data API: structure, paging, caching, and nothing but published content."""

import json

import pytest

from accounts.models import User
from events.tests.factories import EventFactory
from programs.tests.factories import CategoryFactory, CityFactory, ProgramFactory
from registrations.models import Registration

from .utils import assert_nothing_hidden

pytestmark = pytest.mark.django_db

LANGUAGES = {"ko", "en", "zh-hans"}
PAGE_KEYS = {"count", "next", "previous", "results"}


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response, json.loads(response.content)


def assert_texts(value, expected=None):
    """A translated text: one entry per language, each a string or null."""
    assert set(value) == LANGUAGES
    assert all(text is None or isinstance(text, str) for text in value.values())
    if expected is not None:
        assert value == expected


def assert_urls(value, path):
    assert value == {code: f"http://testserver/{code}{path}" for code in LANGUAGES}


def walk_keys(data):
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from walk_keys(value)
    elif isinstance(data, list):
        for value in data:
            yield from walk_keys(value)


def test_index_lists_the_endpoints(client):
    response, data = get_json(client, "/api/v1/")
    assert set(data) == {"name", "version", "languages", "time_zone", "endpoints"}
    assert_texts(data["name"])
    assert data["version"] == 1
    assert data["languages"] == ["ko", "en", "zh-hans"]
    assert data["time_zone"] == "Asia/Seoul"
    assert data["endpoints"] == {
        name: f"http://testserver/api/v1/{name}/" for name in ("categories", "programs", "events", "cities")
    }


def test_categories(client, content):
    _response, data = get_json(client, "/api/v1/categories/")
    assert set(data) == PAGE_KEYS
    assert data["count"] == 1
    (category,) = data["results"]
    assert set(category) == {"id", "slug", "url", "name", "summary", "order", "updated_at"}
    assert category["slug"] == "civil-diplomacy"
    assert_urls(category["url"], "/categories/civil-diplomacy/")
    assert_texts(
        category["name"],
        {"ko": "시민 도시외교", "en": "Urban diplomacy by civilians", "zh-hans": "市民城市外交"},
    )
    assert_texts(category["summary"])


def test_programs(client, content):
    _response, data = get_json(client, "/api/v1/programs/")
    assert data["count"] == 2
    youth = next(item for item in data["results"] if item["slug"] == "youth-exchange")
    assert set(youth) == {
        "id", "slug", "url", "category", "title", "summary", "detail", "activities", "eligibility",
        "cities", "image", "applications_open", "applications_close", "capacity", "updated_at",
    }  # fmt: skip
    assert youth["id"] == content.youth.pk
    assert_urls(youth["url"], "/programs/youth-exchange/")
    assert youth["category"] == "civil-diplomacy"
    assert_texts(youth["title"], {"ko": "청소년 교류", "en": "Youth exchanges", "zh-hans": "青少年交流"})
    for key in ("summary", "detail", "activities", "eligibility"):
        assert_texts(youth[key])
    assert youth["detail"] == {"ko": None, "en": None, "zh-hans": None}
    assert youth["cities"] == ["nagasaki"]
    assert youth["image"] is None
    assert youth["applications_open"] is None
    assert youth["updated_at"].endswith("+09:00")


def test_events(client, content):
    _response, data = get_json(client, "/api/v1/events/")
    assert data["count"] == 2
    forum = next(item for item in data["results"] if item["slug"] == "world-peace-forum")
    assert set(forum) == {
        "id", "slug", "url", "calendar", "title", "summary", "body", "venue", "starts_at", "ends_at",
        "program", "cities", "image", "registration_opens", "registration_closes", "capacity", "updated_at",
    }  # fmt: skip
    assert_urls(forum["url"], "/events/world-peace-forum/")
    assert_urls(forum["calendar"], "/events/world-peace-forum/calendar.ics")
    assert_texts(forum["title"], {"ko": "세계평화포럼", "en": "World Peace Forum", "zh-hans": "世界和平论坛"})
    assert_texts(forum["venue"], {"ko": "부산 벡스코", "en": "BEXCO, Busan", "zh-hans": "釜山BEXCO"})
    assert forum["starts_at"].endswith("+09:00")
    assert forum["program"] == "youth-exchange"
    assert forum["cities"] == ["nagasaki"]  # the unpublished city is left out


def test_cities(client, content):
    _response, data = get_json(client, "/api/v1/cities/")
    assert data["count"] == 1
    (city,) = data["results"]
    assert set(city) == {
        "id", "slug", "url", "name", "country", "relationship", "agreement_date", "description", "image",
        "updated_at",
    }  # fmt: skip
    assert_urls(city["url"], "/cities/nagasaki/")
    assert_texts(city["name"], {"ko": "나가사키", "en": "Nagasaki", "zh-hans": "长崎"})
    assert_texts(city["country"], {"ko": "일본", "en": "Japan", "zh-hans": "日本"})
    assert city["relationship"] == "sister"


def test_image_is_an_absolute_url_with_its_description(client, db):
    CityFactory(slug="surabaya", image="cities/surabaya.jpg", image_alt_en="Surabaya harbour")
    _response, data = get_json(client, "/api/v1/cities/")
    assert data["results"][0]["image"] == {
        "url": "http://testserver/media/cities/surabaya.jpg",
        "alt": {"ko": None, "en": "Surabaya harbour", "zh-hans": None},
    }


def test_an_event_of_a_hidden_program_names_no_program(client, content):
    EventFactory(slug="camp-day", program=content.program_in_draft_category)
    _response, data = get_json(client, "/api/v1/events/")
    camp = next(item for item in data["results"] if item["slug"] == "camp-day")
    assert camp["program"] is None


def test_no_unpublished_and_no_personal_data_anywhere(client, content):
    member = User.objects.create_user(email="member@example.org", password="x", name="Kim Minji")
    Registration.objects.create(user=member, event=content.forum, message="I will come with my family.")
    for path in ("", "categories/", "programs/", "events/", "cities/"):
        response, data = get_json(client, f"/api/v1/{path}")
        text = response.content.decode()
        assert_nothing_hidden(text)
        assert "member@example.org" not in text
        assert "Kim Minji" not in text
        assert "family" not in text
        assert "@" not in text
        keys = set(walk_keys(data))
        assert not {
            key for key in keys if any(word in key for word in ("email", "user", "contact", "message"))
        }


def test_lists_are_paged(client, db):
    CityFactory.create_batch(55)
    _response, first = get_json(client, "/api/v1/cities/")
    assert first["count"] == 55
    assert len(first["results"]) == 50
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/cities/?page=2"

    _response, second = get_json(client, "/api/v1/cities/", page=2)
    assert len(second["results"]) == 5
    assert second["next"] is None
    assert second["previous"] == "http://testserver/api/v1/cities/?page=1"
    assert {c["id"] for c in first["results"]}.isdisjoint({c["id"] for c in second["results"]})


@pytest.mark.parametrize("page", ["3", "0", "abc"])
def test_a_page_that_does_not_exist_is_a_json_404(client, db, page):
    CityFactory()
    response = client.get("/api/v1/cities/", {"page": page})
    assert response.status_code == 404
    assert set(json.loads(response.content)) == {"detail"}


def test_responses_are_public_cacheable_and_shareable(client, content):
    response, _data = get_json(client, "/api/v1/programs/")
    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert response["ETag"]
    assert response["Access-Control-Allow-Origin"] == "*"

    again = client.get("/api/v1/programs/", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304
    assert again["Access-Control-Allow-Origin"] == "*"


def test_api_is_read_only(client, db):
    assert client.post("/api/v1/programs/", {}).status_code == 405


def test_list_queries_are_bounded(client, db, django_assert_max_num_queries):
    cities = CityFactory.create_batch(5)
    category = CategoryFactory()
    programs = ProgramFactory.create_batch(20, category=category, cities=cities)
    for program in programs:
        EventFactory(program=program, cities=cities)
    for path in ("programs/", "events/", "cities/", "categories/"):
        with django_assert_max_num_queries(3):
            response = client.get(f"/api/v1/{path}")
        assert response.status_code == 200
