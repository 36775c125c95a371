"""The events pages: upcoming events, past events by year, event detail."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from programs.models import Status
from programs.tests.factories import ProgramFactory

from .factories import EventFactory

pytestmark = pytest.mark.django_db

SEOUL = ZoneInfo("Asia/Seoul")


def test_events_are_split_into_upcoming_and_past_by_year(client):
    EventFactory(title_en="Next month event")
    EventFactory(
        title_en="Forum 2021",
        starts_at=datetime(2021, 10, 20, 10, tzinfo=SEOUL),
        ends_at=datetime(2021, 10, 21, 18, tzinfo=SEOUL),
    )
    EventFactory(title_en="New year 2022", starts_at=datetime(2022, 1, 1, 0, 30, tzinfo=SEOUL), ends_at=None)
    html = client.get("/en/events/").content.decode()
    upcoming = html[html.index('id="upcoming-heading"') : html.index('id="past-heading"')]
    past = html[html.index('id="past-heading"') :]
    assert "Next month event" in upcoming
    assert "Forum 2021" not in upcoming
    assert past.index('id="year-2022"') < past.index("New year 2022") < past.index('id="year-2021"')
    assert past.index('id="year-2021"') < past.index("Forum 2021")


@pytest.mark.parametrize(
    ("language", "date"), [("ko", "2021년 10월 27일"), ("en", "Oct. 27, 2021"), ("zh-hans", "2021年10月27日")]
)
def test_event_dates_read_in_each_languages_format(client, language, date):
    event = EventFactory(starts_at=datetime(2021, 10, 27, 10, tzinfo=SEOUL), ends_at=None)
    html = client.get(f"/{language}/events/{event.slug}/").content.decode()
    assert f'<time datetime="2021-10-27T10:00:00+09:00">{date}</time>' in html


def test_event_page_links_its_program_only_when_the_public_may_see_it(client):
    shown = EventFactory(program=ProgramFactory(title_en="Published program"))
    hidden = EventFactory(program=ProgramFactory(title_en="Draft program", status=Status.DRAFT))
    assert "Published program" in client.get(f"/en/events/{shown.slug}/").content.decode()
    assert "Draft program" not in client.get(f"/en/events/{hidden.slug}/").content.decode()
