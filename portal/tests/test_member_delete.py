"""Deleting a member leaves no personal data behind: not in the access record, not in the admin's log, not
in the outbox; what staff did stays recorded."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.test import Client

from accounts.tests.factories import PASSWORD, UserFactory
from audit.models import AccessRecord
from events.tests.factories import EventFactory
from outbox.models import OutgoingMail
from registrations.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

MEMBER_ADDRESS = "203.0.113.77"
STAFF_ADDRESS = "198.51.100.5"


def _everything_kept() -> str:
    """The access record, the admin's log and the outbox, as one text to search."""
    rows = [
        *AccessRecord.objects.values(),
        *LogEntry.objects.values("object_repr", "change_message"),
        *OutgoingMail.objects.values(),
    ]
    return json.dumps(rows, default=str)


@pytest.mark.parametrize("deleted_by", ["member", "staff"])
def test_a_deleted_member_leaves_no_personal_data_behind(settings, deleted_by):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    member = UserFactory(email="minji.kim@example.org", name="Kim Minji", language="ko")
    EmailAddress.objects.create(user=member, email="minji.old@example.org", verified=True)
    staff = UserFactory(is_staff=True, is_superuser=True)
    browser = Client(HTTP_X_FORWARDED_FOR=MEMBER_ADDRESS)
    desk = Client(HTTP_X_FORWARDED_FOR=STAFF_ADDRESS)
    assert (
        browser.post("/en/accounts/login/", {"login": member.email, "password": PASSWORD}).status_code == 302
    )
    desk.force_login(staff)

    # The member registers and changes their profile; staff look, export and change their name in the admin.
    event = EventFactory()
    browser.post(f"/en/events/{event.slug}/register/", {"message": "I am Kim Minji, 010-1234"})
    browser.post("/en/my/profile/", {"name": "Kim Min-ji", "language": "ko", "phone": ""})
    RegistrationFactory(user=member, event=EventFactory(), status="waitlisted")
    desk.get("/en/admin/accounts/user/")
    change_page = desk.get(f"/en/admin/accounts/user/{member.pk}/change/")
    assert change_page.status_code == 200
    form = change_page.context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "password"}
    data.update(
        {
            "name": "Minji Kim",
            "groups": [],
            "user_permissions": [],
            "last_login_0": "",
            "last_login_1": "",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "09:00:00",
            "consents-TOTAL_FORMS": "0",
            "consents-INITIAL_FORMS": "0",
            "_save": "Save",
        }
    )
    assert desk.post(f"/en/admin/accounts/user/{member.pk}/change/", data).status_code == 302
    desk.get("/en/admin/registrations/registration/export/")
    assert LogEntry.objects.filter(object_id=str(member.pk)).exists()
    assert "minji.kim@example.org" in _everything_kept()
    assert OutgoingMail.objects.filter(to__icontains="minji").exists()

    if deleted_by == "member":
        response = browser.post("/en/my/delete/", {"password": PASSWORD})
    else:
        response = desk.post(f"/en/admin/accounts/user/{member.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302

    kept = _everything_kept().lower()
    for personal in ("minji", "kim min", "010-1234", MEMBER_ADDRESS):
        assert personal not in kept, personal
    assert not OutgoingMail.objects.filter(to__icontains="minji").exists()
    # What happened stays: under the member's number, and with the staff's own address.
    deletion = AccessRecord.objects.get(action="delete", object_type="accounts.user")
    assert deletion.object_ids == str(member.pk)
    assert deletion.actor_id == (member.pk if deleted_by == "member" else staff.pk)
    staff_views = AccessRecord.objects.filter(actor_id=staff.pk, action="view", object_type="accounts.user")
    assert staff_views.count() == 2
    assert set(staff_views.values_list("client_address", flat=True)) == {STAFF_ADDRESS}
    assert AccessRecord.objects.filter(actor_id=member.pk, object_type="registrations.registration").exists()
    assert mail.outbox  # the mail went out before the account was deleted; the outbox keeps no copy
