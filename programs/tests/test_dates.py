"""Dates and times as readers see them: Korean time, labelled, written the way each language writes them."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from programs import dates

SEOUL = ZoneInfo("Asia/Seoul")
UTC = ZoneInfo("UTC")


def at(*args, tz=SEOUL):
    return datetime(*args, tzinfo=tz)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ko", "2026년 12월 1일 오전 11:53 (한국 시간)"),
        ("en", "Dec. 1, 2026, 11:53 a.m. KST"),
        ("zh-hans", "2026年12月1日 11:53（韩国时间）"),
    ],
)
def test_a_moment_reads_in_korean_time_with_its_label(lang, expected):
    # 02:53 UTC is 11:53 in Seoul: what a visitor in Shanghai reads is labelled as Korean time.
    with translation.override(lang):
        assert dates.local_datetime(at(2026, 12, 1, 2, 53, tz=UTC)) == expected


def test_korean_puts_the_morning_or_afternoon_marker_first():
    with translation.override("ko"):
        assert "오후 2:00" in dates.local_datetime(at(2026, 12, 1, 14, 0))
        assert "2:00 오후" not in dates.local_datetime(at(2026, 12, 1, 14, 0))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("ko", "2021년 10월 27일 오전 10:00 ~ 오후 6:00 (한국 시간)"),
        ("en", "Oct. 27, 2021, 10 a.m. – 6 p.m. KST"),
        ("zh-hans", "2021年10月27日 10:00至18:00（韩国时间）"),
    ],
)
def test_a_session_shows_its_times_on_one_day(lang, text):
    with translation.override(lang):
        html = dates.when_html(at(2021, 10, 27, 10), at(2021, 10, 27, 18))
    assert '<time datetime="2021-10-27T10:00:00+09:00">' in html
    assert '<time datetime="2021-10-27T18:00:00+09:00">' in html
    assert _text(html) == text


def test_chinese_ranges_use_zhi_and_never_a_spaced_en_dash():
    with translation.override("zh-hans"):
        html = dates.date_range_html(at(2021, 11, 18, 10), at(2021, 11, 24, 18))
    assert _text(html) == "2021年11月18日至2021年11月24日"
    assert " – " not in html


def test_an_event_entered_without_times_shows_its_dates_only():
    with translation.override("en"):
        html = dates.when_html(at(2021, 11, 18), at(2021, 11, 24))
    assert _text(html) == "Nov. 18, 2021 – Nov. 24, 2021"
    assert "KST" not in html


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (at(2026, 12, 1, 9), None, "from Dec. 1, 2026, 9 a.m. KST"),
        (None, at(2026, 12, 15, 18), "until Dec. 15, 2026, 6 p.m. KST"),
        (None, None, ""),
    ],
)
def test_an_application_period_open_at_one_end(start, end, text):
    with translation.override("en"):
        assert _text(dates.period_html(start, end)) == text


def test_escaping_is_kept_around_the_time_elements():
    with translation.override("en"):
        html = dates.when_html(at(2021, 10, 27, 10), None)
    assert html == '<time datetime="2021-10-27T10:00:00+09:00">Oct. 27, 2021, 10 a.m.</time> KST'


def _text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", str(html))
