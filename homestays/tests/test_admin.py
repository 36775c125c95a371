"""The homestay desk in the admin: who sees it, reviewing offers, placing guests with flags and overrides,
importing guests."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.tests.staff import CONTENT_EDITORS, PROGRAM_MANAGERS, make_user
from homestays.models import Assignment, Guest, HostOffer

from .factories import AssignmentFactory, DelegationFactory, GuestFactory, HostOfferFactory

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/homestays/"
COORDINATORS = "Exchange coordinators"


@pytest.fixture
def coordinator(client):
    user = make_user("coordinator@example.com", group=COORDINATORS, name="Coordinator Lee")
    client.force_login(user)
    return user


def pages():
    offer = HostOfferFactory()
    guest = GuestFactory()
    assignment = AssignmentFactory()
    return [
        "hostoffer/",
        f"hostoffer/{offer.pk}/change/",
        f"hostoffer/{offer.pk}/review/",
        "delegation/",
        "delegation/add/",
        f"delegation/{guest.delegation_id}/change/",
        f"delegation/{guest.delegation_id}/import/",
        "delegation/import-template.csv",
        "guest/",
        f"guest/{guest.pk}/change/",
        "assignment/",
        f"assignment/add/?guest={guest.pk}",
        f"assignment/{assignment.pk}/change/",
    ]


def test_exchange_coordinators_run_the_homestay_desk(client, coordinator):
    for page in pages():
        assert client.get(ADMIN + page).status_code == 200, page


@pytest.mark.parametrize("group", [CONTENT_EDITORS, PROGRAM_MANAGERS, None])
def test_other_staff_see_none_of_it(client, group):
    client.force_login(make_user("other@example.com", group=group))
    for page in pages():
        assert client.get(ADMIN + page).status_code == 403, page
    index = client.get("/en/admin/")
    assert "homestays" not in {app["app_label"] for app in index.context["app_list"]}


def test_offers_are_neither_added_nor_deleted_by_staff(client, coordinator):
    offer = HostOfferFactory()
    assert client.get(ADMIN + "hostoffer/add/").status_code == 403
    assert client.post(ADMIN + f"hostoffer/{offer.pk}/delete/", {"post": "yes"}).status_code == 403
    assert HostOffer.objects.filter(pk=offer.pk).exists()


def test_staff_notes_are_kept_on_the_offer_and_its_data_stays_the_hosts(client, coordinator):
    offer = HostOfferFactory(beds=2)
    response = client.post(
        ADMIN + f"hostoffer/{offer.pk}/change/",
        {"staff_notes": "Met them at the fair.", "beds": "5", **_no_inlines("assignments")},
    )
    assert response.status_code == 302
    offer.refresh_from_db()
    assert (offer.staff_notes, offer.beds) == ("Met them at the fair.", 2)


def _no_inlines(prefix):
    return {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}


def test_reviewing_an_offer(client, coordinator):
    offer = HostOfferFactory(status="submitted")
    review = ADMIN + f"hostoffer/{offer.pk}/review/"
    response = client.post(review, {"decision": "declined", "message": ""})
    assert response.status_code == 200
    assert "Tell the host what to change, or why the offer is declined." in response.content.decode()
    offer.refresh_from_db()
    assert offer.status == "submitted" and mail.outbox == []

    response = client.post(review, {"decision": "approved", "message": "Welcome!"})
    assert response.status_code == 302
    offer.refresh_from_db()
    assert (offer.status, offer.reviewed_by, offer.review_message) == ("approved", coordinator, "Welcome!")
    (message,) = mail.outbox
    assert message.to == [offer.user.email] and "Welcome!" in message.body


def test_approving_several_offers_at_once(client, coordinator):
    offers = [HostOfferFactory(status="submitted") for _ in range(2)]
    client.post(ADMIN + "hostoffer/", {"action": "approve", "_selected_action": [o.pk for o in offers]})
    assert set(HostOffer.objects.values_list("status", flat=True)) == {"approved"}
    assert len(mail.outbox) == 2


def test_placing_a_guest_shows_every_household_with_its_flags_before_saving(client, coordinator):
    guest = GuestFactory(animal_allergies=["cat"])
    with_cat = HostOfferFactory(pets=["cat"], user__name="Cat family")
    HostOfferFactory(user__name="Quiet family")
    page = client.get(ADMIN + f"assignment/add/?guest={guest.pk}").content.decode()
    assert "Cat family" in page and "Quiet family" in page
    assert "Allergy against a pet of the household" in page
    assert f"?guest={guest.pk}&amp;host={with_cat.pk}" in page
    # Choosing a household fills in the form, with the delegation's dates.
    form = (
        client.get(ADMIN + f"assignment/add/?guest={guest.pk}&host={with_cat.pk}").context["adminform"].form
    )
    assert form.initial["host"] == str(with_cat.pk)
    assert form.initial["starts_on"] == guest.delegation.arrives_on


def _placement(guest, host, **extra):
    return {
        "guest": guest.pk,
        "host": host.pk,
        "starts_on": guest.delegation.arrives_on.isoformat(),
        "ends_on": guest.delegation.departs_on.isoformat(),
        **extra,
    }


def test_a_conflicting_placement_is_not_saved_without_a_reason(client, coordinator):
    guest = GuestFactory(animal_allergies=["cat"], languages=["id"])
    host = HostOfferFactory(pets=["cat"], languages=["ko"])
    response = client.post(ADMIN + "assignment/add/", _placement(guest, host))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Allergy against a pet of the household" in page and "No common language" in page
    assert "This placement breaks 2 rules (listed above). To save it anyway, give the reason." in page
    assert not Assignment.objects.exists() and mail.outbox == []


def test_an_override_with_a_reason_is_saved_and_recorded(client, coordinator):
    guest = GuestFactory(animal_allergies=["cat"])
    host = HostOfferFactory(pets=["cat"])
    response = client.post(
        ADMIN + "assignment/add/",
        _placement(guest, host, override_reason="The cat lives upstairs with grandma."),
    )
    assert response.status_code == 302
    assignment = Assignment.objects.get()
    assert assignment.override_flags == ["pet_allergy"]
    assert (assignment.overridden_by, assignment.assigned_by) == (coordinator, coordinator)
    assert assignment.override_reason == "The cat lives upstairs with grandma."
    (message,) = mail.outbox
    assert message.to == [host.user.email]
    page = client.get(ADMIN + f"assignment/{assignment.pk}/change/").content.decode()
    assert "overridden by coordinator@example.com" in page
    assert "This placement breaks these rules now" in page


def test_stays_outside_the_visit_or_with_unapproved_hosts_are_refused(client, coordinator):
    guest = GuestFactory()
    response = client.post(
        ADMIN + "assignment/add/",
        _placement(
            guest, HostOfferFactory(), ends_on=(guest.delegation.departs_on.replace(year=2099)).isoformat()
        ),
    )
    assert (
        response.status_code == 200
        and "The stay must fall within the delegation" in response.content.decode()
    )
    response = client.post(ADMIN + "assignment/add/", _placement(guest, HostOfferFactory(status="submitted")))
    assert response.status_code == 200 and not Assignment.objects.exists()


def test_changing_a_placement_keeps_its_guest_and_mails_the_households(client, coordinator):
    assignment = AssignmentFactory()
    old_host, new_host = assignment.host, HostOfferFactory()
    response = client.post(
        ADMIN + f"assignment/{assignment.pk}/change/",
        {
            "guest": GuestFactory().pk,  # ignored: a placement belongs to its guest
            "host": new_host.pk,
            "starts_on": assignment.starts_on.isoformat(),
            "ends_on": assignment.ends_on.isoformat(),
            "override_reason": "",
        },
    )
    assert response.status_code == 302
    changed = Assignment.objects.get()
    assert (changed.pk, changed.guest, changed.host) == (assignment.pk, assignment.guest, new_host)
    assert sorted(m.to[0] for m in mail.outbox) == sorted([old_host.user.email, new_host.user.email])


def test_deleting_a_placement_or_a_guest_in_the_admin_tells_the_household(client, coordinator):
    assignment = AssignmentFactory()
    client.post(ADMIN + f"assignment/{assignment.pk}/delete/", {"post": "yes"})
    assert not Assignment.objects.exists() and len(mail.outbox) == 1
    placed = AssignmentFactory()
    client.post(ADMIN + f"guest/{placed.guest_id}/delete/", {"post": "yes"})
    assert not Guest.objects.filter(pk=placed.guest_id).exists() and len(mail.outbox) == 2


def test_guests_still_to_place(client, coordinator):
    delegation = DelegationFactory()
    placed = AssignmentFactory(guest=GuestFactory(delegation=delegation)).guest
    waiting = GuestFactory(delegation=delegation)
    withdrawn = AssignmentFactory(guest=GuestFactory(delegation=delegation))
    withdrawn.host.delete()
    response = client.get(ADMIN + f"guest/?delegation__id__exact={delegation.pk}&placement=none")
    assert set(response.context["cl"].result_list) == {waiting, withdrawn.guest}
    assert placed not in response.context["cl"].result_list
    page = response.content.decode()
    assert "Place this guest" in page and "Host withdrew: place again" in page
    row = client.get(ADMIN + "delegation/").context["cl"].result_list[0]
    assert (row.n_guests, row.n_placed) == (3, 1)


def test_the_guest_list_costs_the_same_queries_however_many_guests(client, coordinator):
    delegation = DelegationFactory()

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(ADMIN + "guest/").status_code == 200
        return len(captured)

    AssignmentFactory(guest=GuestFactory(delegation=delegation))
    few = queries()
    for _ in range(5):
        AssignmentFactory(guest=GuestFactory(delegation=delegation))
        GuestFactory(delegation=delegation)
    assert queries() == few


def test_importing_guests_all_or_nothing(client, coordinator):
    delegation = DelegationFactory()
    url = ADMIN + f"delegation/{delegation.pk}/import/"
    bad = "first_name,age,gender,languages\nBudi,16,male,id\nSiti,old,female,id\n"
    response = client.post(url, {"file": SimpleUploadedFile("guests.csv", bad.encode(), "text/csv")})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing has been saved" in page and "Row 3: age: “old” is not an age in years." in page
    assert not Guest.objects.exists()

    good = "\ufefffirst_name,age,gender,languages\nBudi,16,male,id\nSiti,15,female,id; en\n"
    response = client.post(url, {"file": SimpleUploadedFile("guests.csv", good.encode(), "text/csv")})
    assert response.status_code == 302
    assert sorted(Guest.objects.filter(delegation=delegation).values_list("first_name", flat=True)) == [
        "Budi",
        "Siti",
    ]


def test_the_import_template_is_excel_ready(client, coordinator):
    response = client.get(ADMIN + "delegation/import-template.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.decode().startswith("\ufefffirst_name,family_name,age,gender")


def test_a_delegation_visiting_in_return_is_linked_to_its_call(client, coordinator):
    from applications.tests.factories import CallFactory

    call = CallFactory()
    delegation = DelegationFactory()
    page = client.get(f"{ADMIN}delegation/{delegation.pk}/change/").content.decode()
    assert 'name="call"' in page
    data = {
        "title": delegation.title,
        "city": delegation.city_id,
        "call": call.pk,
        "arrives_on": delegation.arrives_on.isoformat(),
        "departs_on": delegation.departs_on.isoformat(),
        "notes": "",
        "guests-TOTAL_FORMS": "0",
        "guests-INITIAL_FORMS": "0",
    }
    response = client.post(f"{ADMIN}delegation/{delegation.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    delegation.refresh_from_db()
    assert delegation.call == call
    assert list(call.delegations.all()) == [delegation]


def test_staff_views_reviews_and_placements_are_in_the_access_record(client, coordinator):
    from audit.models import AccessRecord

    offer = HostOfferFactory()
    client.get(ADMIN + "hostoffer/")
    client.get(ADMIN + f"hostoffer/{offer.pk}/change/")
    client.post(ADMIN + f"hostoffer/{offer.pk}/review/", {"decision": "approved", "message": ""})
    assignment = AssignmentFactory()
    client.get(ADMIN + f"assignment/{assignment.pk}/change/")
    seen = {
        (entry.action, entry.object_type) for entry in AccessRecord.objects.filter(actor_id=coordinator.pk)
    }
    assert ("view", "homestays.hostoffer") in seen
    assert ("change", "homestays.hostoffer") in seen
    assert ("view", "homestays.assignment") in seen
