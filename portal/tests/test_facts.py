"""The facts visitors and members read: event times in Korean time and labelled, ended events marked,
registration deadlines with their time zone, and the data download in Korean time."""

import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from accounts.tests.factories import UserFactory
from events.tests.factories import EventFactory
from programs.tests.factories import ProgramFactory
from registrations.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db
SEOUL = ZoneInfo("Asia/Seoul")


def url(name, lang="en", **kwargs):
    with override(lang):
        return reverse(name, kwargs=kwargs)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ko", '오후 2:00</time> ~ <time datetime="2030-05-10T16:00:00+09:00">오후 4:00</time> (한국 시간)'),
        ("en", '2 p.m.</time> – <time datetime="2030-05-10T16:00:00+09:00">4 p.m.</time> KST'),
        ("zh-hans", '14:00</time>至<time datetime="2030-05-10T16:00:00+09:00">16:00</time>（韩国时间）'),
    ],
)
def test_an_event_page_shows_the_time_of_day_in_korean_time(client, lang, expected):
    event = EventFactory(
        starts_at=datetime(2030, 5, 10, 14, tzinfo=SEOUL), ends_at=datetime(2030, 5, 10, 16, tzinfo=SEOUL)
    )
    page = client.get(url("events:detail", lang, slug=event.slug)).content.decode()
    when = page[page.index('class="event-when"') :]
    assert expected in when[: when.index("</dd>")]


def test_a_program_page_marks_the_events_that_have_ended(client):
    program = ProgramFactory()
    past = EventFactory(program=program, starts_at=timezone.now() - timedelta(days=400))
    coming = EventFactory(program=program)
    for lang, ended in (("en", "Ended"), ("ko", "종료"), ("zh-hans", "已结束")):
        page = client.get(url("programs:detail", lang, slug=program.slug)).content.decode()
        cards = {event.slug: _card(page, event.slug) for event in (past, coming)}
        assert f'<span class="badge badge-ended">{ended}</span>' in cards[past.slug]
        assert "badge-ended" not in cards[coming.slug]


def _card(page: str, slug: str) -> str:
    end = page.index(f"/events/{slug}/")
    start = page.rindex('<article class="card event-card">', 0, end)
    return page[start : page.index("</article>", end)]


def test_an_application_period_shows_times_and_their_zone(client):
    program = ProgramFactory(
        opens_at=datetime(2030, 3, 1, 9, tzinfo=SEOUL), closes_at=datetime(2030, 3, 15, 18, tzinfo=SEOUL)
    )
    page = client.get(url("programs:detail", "ko", slug=program.slug)).content.decode()
    assert "2030년 3월 1일 오전 9:00</time> ~ <time" in page
    assert "2030년 3월 15일 오후 6:00</time> (한국 시간)" in page


def test_registration_deadlines_carry_the_time_zone(client):
    event = EventFactory(registration_closes_at=timezone.now() + timedelta(days=3))
    page = client.get(url("events:detail", "zh-hans", slug=event.slug)).content.decode()
    box = page[page.index('class="registration-box"') :]
    assert "（韩国时间）" in box[: box.index("</section>")]


def test_the_data_download_gives_korean_time(client):
    member = UserFactory()
    RegistrationFactory(user=member)
    client.force_login(member)
    data = json.loads(client.get(url("accounts:export")).content)
    assert data["exported_at"].endswith("+09:00")
    registration = data["registrations"][0]
    assert registration["registered_at"].endswith("+09:00")
    assert registration["updated_at"].endswith("+09:00")
