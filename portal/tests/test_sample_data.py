"""Development sample data: only with DEBUG on, idempotent, every item marked as an example."""

from datetime import date, timedelta

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.tests.factories import UserFactory
from cooperation.models import PartnerOrganization
from events.models import Event
from events.sample_data import load
from homestays.models import Assignment, Delegation, Guest, HostOffer
from registrations.models import Registration
from registrations.selectors import OPEN, window_state

pytestmark = pytest.mark.django_db


def test_sample_data_never_loads_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_sample_data")


def test_sample_data_loads_twice_without_duplicates(settings):
    from django.apps import apps

    settings.DEBUG = True
    call_command("load_sample_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = {model: model.objects.count() for model in apps.get_models()}
    call_command("load_sample_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert {model: model.objects.count() for model in apps.get_models()} == counts


def test_sample_data_has_an_open_youth_exchange_call_marked_as_an_example(settings, client):
    from django.utils import timezone

    from applications.models import Call

    settings.DEBUG = True
    call_command("load_seed", verbosity=0)
    call_command("load_sample_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call = Call.objects.open().get(slug__startswith="example-")
    assert call.program.slug == "youth-exchanges"
    assert call.title_ko.startswith("[예시]") and call.title_en.startswith("[Example]")
    assert call.title_zh_hans.startswith("[示例]")
    assert call.trip_starts_on > timezone.localdate()
    assert call.questions.filter(kind="file").exists()
    page = client.get(f"/en/calls/{call.slug}/").content.decode()
    assert "[Example]" in page and "Apply" in page
    program_page = client.get("/en/programs/youth-exchanges/").content.decode()
    assert call.get_absolute_url() in program_page


def test_sample_data_shows_both_matching_services_at_once(settings):
    settings.DEBUG = True
    call_command("load_seed", verbosity=0)
    call_command("load_sample_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    hosts = HostOffer.objects.select_related("user")
    assert hosts.count() == 2 and {host.status for host in hosts} == {"approved"}
    for host in hosts:
        assert "Example" in host.user.name or "예시" in host.user.name
        assert not host.user.has_usable_password()
    delegation = Delegation.objects.get()
    assert "[Example]" in delegation.title and delegation.city.slug == "surabaya"
    assert Guest.objects.filter(delegation=delegation).count() == 4
    assert Assignment.objects.count() == 3
    partners = PartnerOrganization.objects.all()
    assert partners.count() == 2
    for partner in partners:
        assert partner.name_ko.startswith("[예시]") and partner.name_en.startswith("[Example]")
        assert partner.name_zh_hans.startswith("[示例]")


def test_a_fresh_run_has_upcoming_events_open_for_registration_marked_as_examples(settings, client):
    settings.DEBUG = True
    call_command("load_sample_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    examples = Event.objects.published().upcoming().filter(slug__startswith="example-")
    assert examples.count() >= 3
    open_now = [event for event in examples if window_state(event) == OPEN]
    assert len(open_now) >= 2
    for event in examples:
        assert event.title_ko.startswith("[예시] ")
        assert event.title_en.startswith("[Example] ")
        assert event.title_zh_hans.startswith("[示例] ")
        assert "not a real schedule" in event.body_en
    # The home page says something is scheduled, and a member can register.
    home = client.get("/en/").content.decode()
    assert "No events are scheduled" not in home
    assert "[Example]" in home
    member = UserFactory()
    client.force_login(member)
    event = open_now[0]
    client.post(reverse("registrations:event-register", kwargs={"slug": event.slug}), {"message": ""})
    assert Registration.objects.filter(user=member, event=event).exists()


def test_examples_are_dated_again_from_the_day_they_are_loaded():
    load(today=date(2030, 1, 1))
    event = Event.objects.get(slug="example-asean-culture-day")
    first = event.starts_at
    load(today=date(2030, 1, 8))
    event.refresh_from_db()
    assert event.starts_at - first == timedelta(days=7)
    assert Event.objects.filter(slug="example-asean-culture-day").count() == 1
