"""Which events count as upcoming and which as past."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events.models import Event

from .factories import EventFactory

pytestmark = pytest.mark.django_db


def test_upcoming_and_past_split_every_event_once():
    now = timezone.now()
    future = EventFactory(starts_at=now + timedelta(days=1))
    running = EventFactory(starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=1))
    over = EventFactory(starts_at=now - timedelta(days=3), ends_at=now - timedelta(days=2))
    started_without_end = EventFactory(starts_at=now - timedelta(hours=1), ends_at=None)

    assert set(Event.objects.upcoming(now)) == {future, running}
    assert set(Event.objects.past(now)) == {over, started_without_end}


def test_an_event_cannot_end_before_it_starts():
    from django.db import IntegrityError

    now = timezone.now()
    with pytest.raises(IntegrityError):
        EventFactory(starts_at=now, ends_at=now - timedelta(hours=1))
