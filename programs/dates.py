"""Dates and times as every reader sees them: in Korean time, said so, and written the way their language
writes them (Korean "오전 11:53", Chinese ranges with 至, the formats in ``busan_exchange/formats``).

A visitor in Shanghai or Jakarta reads a time on this site as Korean time only if the page says so: every
time of day shown carries the time-zone label; a date alone does not need one.
"""

from datetime import datetime, time

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext


def _local(value: datetime) -> datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


def with_time_zone(text: str) -> str:
    """``text`` (a time or a range of times) followed by the Korean time-zone label of the active language."""
    return pgettext("a time followed by its time zone", "%(time)s KST") % {"time": text}


def local_datetime(value: datetime | None) -> str:
    """``value`` in Korean time with its date, time of day and time-zone label: "2026년 12월 1일 오전 11:53
    (한국 시간)", "Dec. 1, 2026, 11:53 a.m. KST", "2026年12月1日 11:53（韩国时间）"."""
    if not value:
        return ""
    return with_time_zone(date_format(_local(value), "DATETIME_FORMAT"))


def is_all_day(start: datetime, end: datetime | None) -> bool:
    """An event entered without a time of day: starting at midnight and ending at midnight (or not at all)."""
    midnight = time(0, 0)
    ends_at_midnight = end is None or _local(end).time() in (midnight, time(23, 59))
    return _local(start).time() == midnight and ends_at_midnight


def _time_element(value: datetime, fmt: str) -> SafeString:
    local = _local(value)
    return format_html('<time datetime="{}">{}</time>', local.isoformat(), date_format(local, fmt))


def _range(start_html: SafeString, end_html: SafeString) -> SafeString:
    # The translation is the site's own text: escaped as a whole, then the two <time> elements put in.
    template = conditional_escape(pgettext("a range of dates or times", "%(start)s – %(end)s"))
    return mark_safe(template % {"start": start_html, "end": end_html})  # noqa: S308 (escaped above)


def date_range_html(start: datetime, end: datetime | None) -> SafeString:
    """The days from ``start`` to ``end`` (dates only), as ``<time>`` elements in the active language."""
    first = _time_element(start, "DATE_FORMAT")
    if end is None or _local(end).date() == _local(start).date():
        return first
    return _range(first, _time_element(end, "DATE_FORMAT"))


def when_html(start: datetime, end: datetime | None) -> SafeString:
    """When something takes place, with its times of day and the time-zone label.

    Same day: "2021년 10월 27일 오전 10:00 – 오후 6:00 (한국 시간)"; over several days, both ends in full; an
    event entered without a time of day shows its dates only.
    """
    if is_all_day(start, end):
        return date_range_html(start, end)
    first = _time_element(start, "DATETIME_FORMAT")
    if end is None:
        text = first
    elif _local(end).date() == _local(start).date():
        text = _range(first, _time_element(end, "TIME_FORMAT"))
    else:
        text = _range(first, _time_element(end, "DATETIME_FORMAT"))
    template = conditional_escape(with_time_zone("%(time)s"))
    return mark_safe(template % {"time": text})  # noqa: S308 (escaped above)


def datetime_html(value: datetime | None) -> SafeString:
    """One moment as a ``<time>`` element with its time-zone label."""
    if not value:
        return mark_safe("")
    template = conditional_escape(with_time_zone("%(time)s"))
    return mark_safe(template % {"time": _time_element(value, "DATETIME_FORMAT")})  # noqa: S308


def period_html(start: datetime | None, end: datetime | None) -> SafeString:
    """An open-ended or closed period of moments (an application window), with the time-zone label."""
    if start and end:
        return when_html(start, end)
    if not (start or end):
        return mark_safe("")
    if start:
        template = conditional_escape(pgettext("a period with only its start", "from %(time)s"))
        moment = datetime_html(start)
    else:
        template = conditional_escape(pgettext("a period with only its end", "until %(time)s"))
        moment = datetime_html(end)
    return mark_safe(template % {"time": moment})  # noqa: S308 (escaped above)
