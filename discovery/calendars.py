"""iCalendar (RFC 5545) files of published events, in the visitor's language."""

from collections.abc import Callable, Iterable
from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from icalendar import Calendar, vDuration
from icalendar import Event as CalendarEvent

from events.models import Event
from programs.i18n import shown_language

PRODID = "-//Busan Metropolitan City//International Exchange portal//EN"
# How often a subscribed calendar should look for changes.
REFRESH_INTERVAL = timedelta(hours=6)


def event_uid(event: Event, *, domain: str) -> str:
    """The event's UID: the same in every language and every download, so calendars update, not duplicate."""
    host = domain.rsplit(":", 1)[0] if domain.count(":") == 1 else domain  # without a port
    return f"event-{event.pk}@{host}"


def event_sequence(event: Event) -> int:
    """A revision number that grows each time staff save the event (seconds between creation and update)."""
    return max(0, int((event.updated_at - event.created_at).total_seconds()))


def build_calendar(
    events: Iterable[Event],
    *,
    domain: str,
    url_for: Callable[[Event], str],
    name: str | None = None,
    subscribable: bool = False,
) -> Calendar:
    """A calendar of ``events`` in the active language, times in the site's time zone (with its VTIMEZONE).

    ``url_for`` gives an event's absolute address; ``name`` is shown by calendar apps that subscribe.
    """
    zone = ZoneInfo(settings.TIME_ZONE)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("name", name)
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
    if subscribable:
        calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL).to_ical().decode())
    events = list(events)
    for event in events:
        calendar.add_component(_calendar_event(event, zone=zone, domain=domain, url=url_for(event)))
    if events:
        # The zone's rules from the first event on (for Asia/Seoul: standard time only, no 1980s DST).
        first = min(event.starts_at.astimezone(zone).date() for event in events)
        calendar.add_missing_timezones(first_date=first)
    return calendar


def _calendar_event(event: Event, *, zone: ZoneInfo, domain: str, url: str) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", event_uid(event, domain=domain))
    # The content's own revision time, so an unchanged event yields identical bytes (and ETag).
    entry.add("dtstamp", event.updated_at)
    entry.add("created", event.created_at)
    entry.add("last-modified", event.updated_at)
    entry.add("sequence", event_sequence(event))
    entry.add("dtstart", event.starts_at.astimezone(zone))
    if event.ends_at:
        entry.add("dtend", event.ends_at.astimezone(zone))
    entry.add("summary", event.title, parameters=_language(event, "title"))
    description = "\n\n".join(text for text in (event.summary, event.body, url) if text)
    entry.add("description", description)
    if event.venue:
        entry.add("location", event.venue, parameters=_language(event, "venue"))
    entry.add("url", url)
    entry.add("status", "CONFIRMED")
    return entry


def _language(event: Event, field: str) -> dict[str, str]:
    """The LANGUAGE parameter of a text: the language it is actually written in (it may be a fallback)."""
    language = shown_language(event, field)
    return {"LANGUAGE": language} if language else {}
