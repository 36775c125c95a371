"""Every public page makes the same small number of SQL queries, however much content there is."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events.models import Event
from events.tests.factories import EventFactory
from programs.tests.factories import CategoryFactory, CityFactory, ProgramFactory
from registrations.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

# Anonymous visitors: the page's own reads, and the footer's related sites (partner cities' websites).
# Members add their session, their account and what the page shows of their own registrations.
ANONYMOUS_BOUND = 7
MEMBER_BOUND = 11

PAGES = [
    "home",
    "program list",
    "category",
    "program detail",
    "event list",
    "past events",
    "event detail",
    "city list",
    "city detail",
]


def _populate(n: int) -> dict[str, str]:
    """``n`` cities, programs and events (half upcoming, half past), richly linked; the pages to load."""
    now = timezone.now()
    categories = CategoryFactory.create_batch(3)
    cities = CityFactory.create_batch(n)
    programs = [
        ProgramFactory(category=categories[i % 3], cities=[cities[i], cities[(i + 1) % n]]) for i in range(n)
    ]
    events = [
        EventFactory(
            program=programs[i],
            cities=[cities[i], cities[(i + 2) % n]],
            starts_at=now + timedelta(days=(i - n // 2) * 7 + 1),
        )
        for i in range(n)
    ]
    # The pages that show the most: the first category, program, event and city carry every relation.
    for event in events[1:]:
        event.cities.add(cities[0])
    for program in programs[1:]:
        program.cities.add(cities[0])
    programs[0].events.add(*events[1:], bulk=True)
    return {
        "home": "/en/",
        "program list": "/en/programs/",
        "category": f"/en/categories/{categories[0].slug}/",
        "program detail": f"/en/programs/{programs[0].slug}/",
        "event list": "/en/events/",
        "past events": "/en/events/past/",
        "event detail": f"/en/events/{events[0].slug}/",
        "city list": "/en/cities/",
        "city detail": f"/en/cities/{cities[0].slug}/",
    }


def _count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def _counts(client, sizes=(5, 50)) -> dict[str, list[int]]:
    counts = {page: [] for page in PAGES}
    for n in sizes:
        urls = _populate(n)
        for page in PAGES:
            counts[page].append(_count(client, urls[page]))
    return counts


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 0


def test_anonymous_pages_make_a_bounded_number_of_queries(client):
    counts = _counts(client)
    for page, (few, many) in counts.items():
        assert few == many, f"{page}: {few} queries with 5 of each, {many} with 50"
        assert many <= ANONYMOUS_BOUND, f"{page}: {many} queries"


def test_member_pages_make_a_bounded_number_of_queries(client):
    client.force_login(get_user_model().objects.create_user(email="member@example.org", password="x"))
    counts = _counts(client)
    for page, (few, many) in counts.items():
        assert few == many, f"{page}: {few} queries with 5 of each, {many} with 50"
        assert many <= MEMBER_BOUND, f"{page}: {many} queries"


def test_my_page_makes_the_same_number_of_queries_however_much_the_member_did(client):
    member = get_user_model().objects.create_user(email="member@example.org", password="x")
    client.force_login(member)
    counts = []
    for n in (5, 50):
        _populate(n)
        for event in Event.objects.filter(registrations__isnull=True)[:n]:
            RegistrationFactory(user=member, event=event)
        counts.append(_count(client, reverse("accounts:my-page")))
    assert counts[0] == counts[1], f"my page: {counts[0]} queries with 5 registrations, {counts[1]} with 50"
    assert counts[1] <= MEMBER_BOUND + 4, counts


def test_my_page_reads_only_the_sections_the_member_has_something_in(client):
    member = get_user_model().objects.create_user(email="member@example.org", password="x")
    client.force_login(member)
    my_page = "/en/my/"
    client.get(my_page)
    nothing = _count(client, my_page)
    assert "You have not registered for anything yet." in client.get(my_page).content.decode()
    RegistrationFactory(user=member, event=EventFactory(title_en="Harbour festival"))
    assert "Harbour festival" in client.get(my_page).content.decode()
    # One more query, for the registrations; none for applications, hosting or cooperation requests.
    assert _count(client, my_page) == nothing + 1


def test_a_members_pages_cost_their_own_queries_only_once_the_public_parts_are_kept(client, settings):
    settings.PUBLIC_PART_SECONDS = 60
    client.force_login(get_user_model().objects.create_user(email="member@example.org", password="x"))
    for n in (5, 50):
        urls = _populate(n)
        # What any page costs a member: the session (unless Redis holds a copy) and the account.
        client.get("/en/accessibility/")
        own = _count(client, "/en/accessibility/")
        # Besides, only the registration box's own reads: the member's registration, and the places taken
        # where places are limited. The rest (the program or event, how many items a list has, the lists
        # and facts themselves) comes from the kept parts.
        for page, queries in {
            "home": 0,
            "program list": 0,
            "category": 0,
            "program detail": 1,
            "event list": 0,
            "past events": 0,
            "event detail": 1,
            "city list": 0,
            "city detail": 0,
        }.items():
            client.get(urls[page])
            assert _count(client, urls[page]) == own + queries, page


def test_search_feeds_sitemap_and_open_data_make_a_bounded_number_of_queries(client):
    urls = [
        "/en/search/?q=exchange",
        "/zh-hans/search/?q=城市",
        "/en/feeds/latest.atom",
        "/en/events/calendar.ics",
        "/sitemap.xml",
        "/api/v1/programs/",
        "/api/v1/events/",
        "/api/v1/cities/",
        "/api/v1/categories/",
    ]
    for n in (5, 50):
        _populate(n)
        for url in urls:
            count = _count(client, url)
            assert count <= ANONYMOUS_BOUND, f"{url} with {n} of each: {count} queries"
