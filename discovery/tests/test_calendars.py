from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.sites.models import Site
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from events.models import Event

from .utils import assert_nothing_hidden

pytestmark = pytest.mark.django_db

SEOUL = ZoneInfo("Asia/Seoul")


def event_ics_url(language, slug):
    with translation.override(language):
        return reverse("discovery:event-calendar", kwargs={"slug": slug})


def calendar_url(language):
    with translation.override(language):
        return reverse("discovery:calendar")


def only_event(response):
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    return calendar, event


def test_event_ics_is_a_valid_calendar_in_seoul_time(client, content):
    response = client.get(event_ics_url("en", "world-peace-forum"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="world-peace-forum.ics"'

    calendar, event = only_event(response)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Asia/Seoul"

    assert event["DTSTART"].params["TZID"] == "Asia/Seoul"
    # iCalendar times have whole seconds.
    assert event.start == content.forum.starts_at.replace(microsecond=0)
    assert event.start.utcoffset() == timedelta(hours=9)
    assert event.end == content.forum.ends_at.replace(microsecond=0)
    assert event["DTSTAMP"]
    assert event["SUMMARY"] == "World Peace Forum"
    assert event["LOCATION"] == "BEXCO, Busan"
    assert event["URL"] == "http://testserver/en/events/world-peace-forum/"
    assert "An exchange event with citizens." in event["DESCRIPTION"]


@pytest.mark.parametrize(
    ("language", "summary", "location"),
    [
        ("ko", "세계평화포럼", "부산 벡스코"),
        ("en", "World Peace Forum", "BEXCO, Busan"),
        ("zh-hans", "世界和平论坛", "釜山BEXCO"),
    ],
)
def test_event_ics_speaks_the_requested_language(client, content, language, summary, location):
    _calendar, event = only_event(client.get(event_ics_url(language, "world-peace-forum")))
    assert event["SUMMARY"] == summary
    assert event["SUMMARY"].params["LANGUAGE"] == language
    assert event["LOCATION"] == location
    assert event["URL"] == f"http://testserver/{language}/events/world-peace-forum/"


def test_uid_is_stable_across_requests_and_languages(client, content):
    uids = {
        str(only_event(client.get(event_ics_url(language, "world-peace-forum")))[1]["UID"])
        for language in ("ko", "en", "zh-hans", "en")
    }
    domain = Site.objects.get_current().domain.split(":")[0]
    assert uids == {f"event-{content.forum.pk}@{domain}"}
    subscribed = Calendar.from_ical(client.get(calendar_url("zh-hans")).content)
    assert uids <= {str(event["UID"]) for event in subscribed.walk("VEVENT")}


def test_a_changed_event_gets_a_new_revision(client, content):
    _calendar, before = only_event(client.get(event_ics_url("en", "world-peace-forum")))
    forum = content.forum
    forum.title_en = "World Peace Forum 2026"
    forum.save()  # staff save: the public caches are renewed
    Event.objects.filter(pk=forum.pk).update(updated_at=forum.created_at + timedelta(hours=1))
    forum.refresh_from_db()

    _calendar, after = only_event(client.get(event_ics_url("en", "world-peace-forum")))
    assert after["SUMMARY"] == "World Peace Forum 2026"
    assert after.last_modified == forum.updated_at.replace(microsecond=0)
    assert after["SEQUENCE"] == 3600 > before["SEQUENCE"]
    assert after["UID"] == before["UID"]


def test_unpublished_event_has_no_ics(client, content):
    assert client.get(event_ics_url("en", "unpublished-forum")).status_code == 404


def test_subscribable_calendar_holds_upcoming_published_events(client, content):
    response = client.get(calendar_url("ko"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("inline")
    assert "public" in response["Cache-Control"]
    assert_nothing_hidden(response.content.decode())

    calendar = Calendar.from_ical(response.content)
    assert calendar["X-WR-TIMEZONE"] == "Asia/Seoul"
    assert calendar["X-WR-CALNAME"]
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Asia/Seoul"]
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert summaries == ["세계평화포럼"]  # not the past UN WEEK, not the unpublished forum
    (event,) = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Asia/Seoul"


def test_calendar_answers_not_modified_when_unchanged(client, content):
    first = client.get(calendar_url("en"))
    assert first["ETag"]
    again = client.get(calendar_url("en"), headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304


def test_event_page_links_its_ics_and_events_page_links_the_subscription(client, content):
    detail = client.get("/zh-hans/events/world-peace-forum/").content.decode()
    assert 'href="/zh-hans/events/world-peace-forum/calendar.ics"' in detail
    listing = client.get("/en/events/").content.decode()
    assert 'href="/en/events/calendar.ics"' in listing
