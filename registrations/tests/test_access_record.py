"""Every staff look at registrations, every export and every change of a registration's state goes into
the access record: who, from which address (through the proxy), what, which records."""

import pytest
from django.test import Client

from accounts.tests.factories import UserFactory
from accounts.tests.staff import PROGRAM_MANAGERS, make_user
from audit.models import AccessRecord
from events.tests.factories import EventFactory
from registrations import services
from registrations.models import Registration
from registrations.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/en/admin/registrations/registration/"
OFFICE = "198.51.100.17"


@pytest.fixture
def manager(settings):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    user = make_user("manager@example.com", group=PROGRAM_MANAGERS)
    client = Client(HTTP_X_FORWARDED_FOR=OFFICE)
    client.force_login(user)
    return user, client


def entries(**filters):
    return list(AccessRecord.objects.filter(**filters).order_by("pk"))


def test_staff_looking_at_registrations_is_recorded(manager):
    user, client = manager
    shown = [RegistrationFactory(message="Allergic to peanuts") for _ in range(3)]
    assert client.get(CHANGELIST, {"q": "peanuts"}).status_code == 200
    assert client.get(f"{CHANGELIST}{shown[0].pk}/change/").status_code == 200

    listed, page = entries(object_type="registrations.registration", action="view")
    assert sorted(int(pk) for pk in listed.object_ids.split(",")) == sorted(r.pk for r in shown)
    assert (listed.actor_id, listed.actor_is_staff, listed.client_address) == (user.pk, True, OFFICE)
    assert "with a search" in listed.summary and "peanuts" not in listed.summary
    assert page.object_ids == str(shown[0].pk)


def test_every_export_is_recorded(manager):
    _user, client = manager
    rows = [RegistrationFactory() for _ in range(2)]
    client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [rows[0].pk]})
    client.get(f"{CHANGELIST}export/")
    by_action, whole_list = entries(action="export")
    assert by_action.object_ids == str(rows[0].pk)
    assert by_action.summary == "CSV, 1 rows"
    assert sorted(whole_list.object_ids.split(",")) == sorted(str(r.pk) for r in rows)
    assert whole_list.client_address == OFFICE


def test_status_changes_are_recorded_with_who_made_them(manager):
    staff, client = manager
    event = EventFactory(capacity=1)
    member = UserFactory()
    member_browser = Client(HTTP_X_FORWARDED_FOR="203.0.113.50")
    member_browser.force_login(member)
    member_browser.post(f"/en/events/{event.slug}/register/", {"message": ""})
    mine = Registration.objects.get(user=member)
    waiting = RegistrationFactory(event=event, status="waitlisted")

    client.post(CHANGELIST, {"action": "waitlist", "_selected_action": [mine.pk]})
    member_browser.post(f"/en/registrations/{mine.pk}/withdraw/", {"confirm": "yes"})
    client.post(CHANGELIST, {"action": "confirm", "_selected_action": [waiting.pk]})

    changes = [
        (e.action, e.object_ids, e.actor_id, e.client_address, e.summary)
        for e in entries(object_type="registrations.registration")
        if e.action != "view"
    ]
    assert changes == [
        ("create", str(mine.pk), member.pk, "203.0.113.50", "status: confirmed"),
        ("change", str(mine.pk), staff.pk, OFFICE, "status: confirmed -> waitlisted"),
        ("change", str(mine.pk), member.pk, "203.0.113.50", "status: waitlisted -> cancelled"),
        ("change", str(waiting.pk), staff.pk, OFFICE, "status: waitlisted -> confirmed"),
    ]


def test_changes_made_by_the_workers_name_nobody():
    registration = RegistrationFactory()
    services.registration_cancel(registration=registration)
    (record,) = entries(action="change")
    assert (record.actor_id, record.client_address) == (None, None)
