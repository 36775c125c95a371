"""Development sample data: a few upcoming events with registration open, so a newcomer on a fresh
``make run`` can try registering. Dated relative to today, every title marked "[예시] / [Example] / [示例]"
and every text saying it is an example (``programs.sample_data``). Never part of a production release.
"""

from datetime import date

from django.db import transaction
from django.utils import translation

from programs.models import City, Program, Status
from programs.sample_data import EXAMPLE_SLUG_PREFIX, at, days_from, example, with_note

from .models import Event

# "starts"/"ends": (days from today, hour, minute) in Korean time; "registration": (opens, closes) in days
# from today, or None for open until the event starts.
EXAMPLES = [
    {
        "slug": "youth-exchange-info-session",
        "starts": (14, 14, 0),
        "ends": (14, 16, 0),
        "registration": (-1, 13),
        "capacity": 30,
        "program": "youth-exchanges",
        "cities": ["surabaya", "vladivostok"],
        "title": {
            "ko": "청소년 교류 참가자 설명회",
            "en": "Information session for the youth exchanges",
            "zh-hans": "青少年交流参加者说明会",
        },
        "summary": {
            "ko": "올해 청소년 교류의 일정과 참가 방법을 안내합니다.",
            "en": "This year's youth exchanges: dates, places and how to take part.",
            "zh-hans": "介绍今年青少年交流的日程和参加方式。",
        },
        "venue": {
            "ko": "부산광역시청 국제회의실",
            "en": "Busan City Hall, conference room",
            "zh-hans": "釜山广域市厅会议室",
        },
    },
    {
        "slug": "asean-culture-day",
        "starts": (30, 10, 0),
        "ends": (30, 17, 0),
        "registration": (-3, 28),
        # Few places, to try the waiting list.
        "capacity": 3,
        "program": "asean-partnership",
        "cities": [],
        "title": {"ko": "아세안 문화의 날", "en": "ASEAN culture day", "zh-hans": "东盟文化日"},
        "summary": {
            "ko": "아세안 국가의 음식과 음악을 시민과 함께 나눕니다.",
            "en": "Food and music of ASEAN countries, shared with citizens.",
            "zh-hans": "与市民一同分享东盟国家的美食和音乐。",
        },
        "venue": {"ko": "부산시민공원", "en": "Busan Citizens Park", "zh-hans": "釜山市民公园"},
    },
    {
        "slug": "sister-cities-photo-exhibition",
        "starts": (45, 10, 0),
        "ends": (52, 18, 0),
        "registration": None,
        "capacity": None,
        "program": "citizens-cultural-sports-exchanges",
        "cities": ["nagasaki", "beijing"],
        "title": {
            "ko": "자매·우호협력도시 사진전",
            "en": "Photo exhibition of the sister and friendship cities",
            "zh-hans": "姐妹城市和友好城市摄影展",
        },
        "summary": {
            "ko": "부산과 자매·우호협력도시 시민이 찍은 사진을 전시합니다.",
            "en": "Photographs taken by citizens of Busan and of its sister and friendship cities.",
            "zh-hans": "展出釜山及其姐妹城市、友好城市市民拍摄的照片。",
        },
        "venue": {
            "ko": "부산광역시청 전시실",
            "en": "Busan City Hall, exhibition hall",
            "zh-hans": "釜山广域市厅展厅",
        },
    },
    {
        "slug": "world-peace-forum-preview",
        "starts": (60, 13, 30),
        "ends": (60, 17, 0),
        # Registration opens later: the page says when.
        "registration": (7, 58),
        "capacity": 100,
        "program": "un-week",
        "cities": [],
        "title": {
            "ko": "세계평화포럼 사전 공개 토론",
            "en": "World Peace Forum: open discussion ahead of the forum",
            "zh-hans": "世界和平论坛会前公开讨论",
        },
        "summary": {
            "ko": "올해 세계평화포럼의 주제를 시민과 미리 함께 이야기합니다.",
            "en": "Citizens discuss this year's World Peace Forum theme ahead of the forum.",
            "zh-hans": "论坛召开前，与市民共同探讨今年世界和平论坛的主题。",
        },
        "venue": {
            "ko": "부산광역시청 국제회의실",
            "en": "Busan City Hall, conference room",
            "zh-hans": "釜山广域市厅会议室",
        },
    },
]


def _set(event: Event, field: str, texts: dict[str, str]) -> None:
    for code, text in texts.items():
        setattr(event, f"{field}_{code.replace('-', '_')}", text)


def load(*, today: date) -> list[str]:
    """Create or refresh the example events, dated from ``today``; one line per event."""
    programs = {p.slug: p for p in Program.objects.filter(slug__in=[e["program"] for e in EXAMPLES])}
    cities = {c.slug: c for c in City.objects.filter(slug__in=[s for e in EXAMPLES for s in e["cities"]])}
    lines = []
    with transaction.atomic(), translation.override("ko"):
        for item in EXAMPLES:
            slug = EXAMPLE_SLUG_PREFIX + item["slug"]
            event = Event.objects.filter(slug=slug).first() or Event(slug=slug)
            start_day, start_hour, start_minute = item["starts"]
            end_day, end_hour, end_minute = item["ends"]
            event.starts_at = at(days_from(today, start_day), start_hour, start_minute)
            event.ends_at = at(days_from(today, end_day), end_hour, end_minute)
            if item["registration"]:
                opens, closes = item["registration"]
                event.registration_opens_at = at(days_from(today, opens), 9)
                event.registration_closes_at = at(days_from(today, closes), 18)
            else:
                event.registration_opens_at = event.registration_closes_at = None
            event.capacity = item["capacity"]
            event.status = Status.PUBLISHED
            event.program = programs.get(item["program"])
            _set(event, "title", example(item["title"]))
            event.title = event.title_ko
            _set(event, "summary", item["summary"])
            _set(event, "body", with_note(item["summary"]))
            _set(event, "venue", item["venue"])
            event.full_clean()
            event.save()
            event.cities.set([cities[s] for s in item["cities"] if s in cities])
            lines.append(f"event {slug} on {event.starts_at:%Y-%m-%d %H:%M}")
    return lines
