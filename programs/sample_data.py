"""Development sample data: what ``manage.py load_sample_data`` (run by ``make run`` only) uses to mark
invented items as examples, so nobody mistakes them for real content.

Each app may have a ``sample_data`` module with ``load(*, today) -> list[str]``: it creates or refreshes its
examples (dated relative to ``today``, found again by their ``example-`` slugs) and returns a line per item.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

EXAMPLE_SLUG_PREFIX = "example-"
_PREFIX = {"ko": "[예시] ", "en": "[Example] ", "zh-hans": "[示例] "}
NOTE = {
    "ko": "이 항목은 개발용 예시입니다. 실제 일정이 아닙니다.",
    "en": "This is an example for trying the site out; it is not a real schedule.",
    "zh-hans": "此条目为开发示例，并非真实日程。",
}


def example(texts: dict[str, str]) -> dict[str, str]:
    """``texts`` (per language) with the visible "[Example]" mark in front, in each language."""
    return {code: _PREFIX[code] + text for code, text in texts.items()}


def with_note(texts: dict[str, str]) -> dict[str, str]:
    """``texts`` followed by a paragraph saying, in each language, that this is an example."""
    return {code: f"{text}\n\n{NOTE[code]}" for code, text in texts.items()}


def at(day: date, hour: int, minute: int = 0) -> datetime:
    """``day`` at ``hour:minute`` in Korean time."""
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(settings.TIME_ZONE))


def days_from(today: date, days: int) -> date:
    return today + timedelta(days=days)


def load(*, today: date) -> list[str]:
    """Programs need no examples of their own: their calls and events carry the dates."""
    return []
