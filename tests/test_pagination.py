"""Lists that grow come a page at a time, so that every page costs the same however much is published."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from events.tests.factories import EventFactory
from programs.tests.factories import CategoryFactory, CityFactory, ProgramFactory

pytestmark = pytest.mark.django_db


def _titles(html: str, prefix: str) -> list[str]:
    return [part.split("<")[0] for part in html.split(prefix)[1:]]


def test_a_category_lists_its_programs_24_to_a_page(client):
    category = CategoryFactory()
    for n in range(30):
        ProgramFactory(category=category, title_en=f"Program number {n:02d}", order=n)
    url = f"/en/categories/{category.slug}/"
    first = client.get(url).content.decode()
    assert len(_titles(first, "Program number ")) == 24
    assert "Page 1 of 2" in first and 'rel="next"' in first and 'rel="prev"' not in first
    second = client.get(url + "?page=2").content.decode()
    assert _titles(second, "Program number ") == [f"{n:02d}" for n in range(24, 30)]
    assert "Page 2 of 2" in second and 'href="?page=1" rel="prev"' in second
    # No page 3, and no page called "last": not a copy of another page under a new address.
    assert client.get(url + "?page=3").status_code == 404
    assert client.get(url + "?page=last").status_code == 404


def test_an_empty_category_has_its_first_page(client):
    category = CategoryFactory()
    response = client.get(f"/en/categories/{category.slug}/")
    assert response.status_code == 200
    assert "No programs in this category yet." in response.content.decode()


def test_the_program_list_shows_the_first_programs_of_each_category_and_links_to_the_rest(client):
    category = CategoryFactory(name_en="Youth")
    for n in range(12):
        ProgramFactory(category=category, title_en=f"Program number {n:02d}", order=n)
    html = client.get("/en/programs/").content.decode()
    assert len(_titles(html, "Program number ")) == 8
    assert f'class="more" href="/en/categories/{category.slug}/"' in html


def test_upcoming_events_come_24_to_a_page_and_past_events_have_their_own_pages(client):
    now = timezone.now()
    for n in range(26):
        EventFactory(title_en=f"Coming event {n:02d}", starts_at=now + timedelta(days=n + 1), ends_at=None)
    for n in range(65):
        EventFactory(title_en=f"Past event {n:02d}", starts_at=now - timedelta(days=n + 1), ends_at=None)
    events = client.get("/en/events/").content.decode()
    assert len(_titles(events, "Coming event ")) == 24
    # The most recent past events, and a link to all of them.
    assert _titles(events, "Past event ") == [f"{n:02d}" for n in range(12)]
    assert 'href="/en/events/past/"' in events
    assert len(_titles(client.get("/en/events/?page=2").content.decode(), "Coming event ")) == 2

    past = client.get("/en/events/past/").content.decode()
    assert len(_titles(past, "Past event ")) == 60 and "Page 1 of 2" in past
    assert _titles(client.get("/en/events/past/?page=2").content.decode(), "Past event ") == [
        f"{n:02d}" for n in range(60, 65)
    ]
    for language in ("ko", "zh-hans"):
        assert client.get(f"/{language}/events/past/").status_code == 200


def test_no_event_may_take_the_address_of_the_past_events(client):
    event = EventFactory.build(slug="past")
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            event.full_clean()
        assert refused.value.message_dict["slug"] == [
            "This address is the list of past events. Choose another."
        ]


def test_a_city_page_lists_its_programs_a_page_at_a_time_and_its_latest_events(client):
    city = CityFactory()
    category = CategoryFactory()
    for n in range(26):
        ProgramFactory(category=category, cities=[city], title_en=f"Program number {n:02d}", order=n)
    for n in range(14):
        EventFactory(
            cities=[city], title_en=f"City event {n:02d}", starts_at=timezone.now() + timedelta(days=n + 1)
        )
    html = client.get(f"/en/cities/{city.slug}/").content.decode()
    assert len(_titles(html, "Program number ")) == 24 and "Page 1 of 2" in html
    assert len(_titles(html, "City event ")) == 12
    assert (
        len(_titles(client.get(f"/en/cities/{city.slug}/?page=2").content.decode(), "Program number ")) == 2
    )


def test_pages_of_a_list_are_kept_in_the_page_cache(client):
    category = CategoryFactory()
    for n in range(30):
        ProgramFactory(category=category, order=n)
    url = f"/en/categories/{category.slug}/?page=2"
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
