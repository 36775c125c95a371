"""The host's own pages: offering, errors that keep what was typed, the consent, the guests a host may see,
withdrawing, and the data download and account deletion."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import override

from accounts.tests.factories import UserFactory
from homestays.consents import HOMESTAY_CONSENT
from homestays.models import Assignment, HostConsent, HostOffer
from portal.services import member_delete

from .factories import AssignmentFactory, GuestFactory, HostOfferFactory

pytestmark = pytest.mark.django_db


def url(name, lang="en"):
    with override(lang):
        return reverse(name)


def offer_post(**changes):
    today = timezone.localdate()
    data = {
        "adults": "2",
        "children": "1",
        "district": "haeundae",
        "beds": "2",
        "guest_preference": "any",
        "languages": ["ko", "en"],
        "pets": ["cat"],
        "diets": ["vegetarian"],
        "available_from": today.isoformat(),
        "available_until": (today + timedelta(days=30)).isoformat(),
        "introduction": "We are a family of three who love hiking.",
        "phone": "010-1234-5678",
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def test_host_pages_need_a_login(client):
    for name in ("homestays:host", "homestays:offer", "homestays:withdraw"):
        response = client.get(url(name))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_member_offers_to_host_with_the_consent(client):
    member = UserFactory(language="ko")
    client.force_login(member)
    page = client.get(url("homestays:offer", "ko")).content.decode()
    assert str(HOMESTAY_CONSENT.version) in page
    assert 'name="consent"' in page
    response = client.post(url("homestays:offer", "ko"), offer_post())
    assert response.status_code == 302 and response["Location"] == url("homestays:host", "ko")
    offer = HostOffer.objects.get(user=member)
    assert (offer.beds, offer.languages, offer.pets, offer.diets) == (
        2,
        ["ko", "en"],
        ["cat"],
        ["vegetarian"],
    )
    assert offer.status == "submitted"
    consent = HostConsent.objects.get(user=member)
    assert (consent.version, consent.language) == (HOMESTAY_CONSENT.version, "ko")
    # Once in force, the consent is not asked again.
    assert 'name="consent"' not in client.get(url("homestays:offer", "ko")).content.decode()


def test_errors_keep_what_was_typed_and_are_tied_to_their_fields(client):
    client.force_login(UserFactory())
    today = timezone.localdate()
    response = client.post(
        url("homestays:offer"),
        offer_post(
            beds="9",
            languages=None,
            consent=None,
            phone="call me",
            available_from=(today + timedelta(days=10)).isoformat(),
            available_until=(today + timedelta(days=5)).isoformat(),
            introduction="x" * 1001,
        ),
    )
    assert response.status_code == 200
    assert not HostOffer.objects.exists()
    page = response.content.decode()
    form = response.context["form"]
    assert set(form.errors) == {"beds", "languages", "consent", "phone", "available_until", "introduction"}
    assert 'value="call me"' in page and 'value="9"' in page
    assert 'value="cat" id="id_pets_0" aria-invalid' not in page  # untouched groups are not marked invalid
    assert 'id="id_pets_1" checked' in page or 'value="cat"' in page
    assert 'aria-describedby="id_languages_helptext id_languages_error"' in page
    assert 'href="#id_languages"' in page and 'id="id_languages"' in page
    assert "Without this consent you cannot offer to host." in page


def test_a_host_sees_only_what_a_household_needs_of_their_own_guests(client):
    assignment = AssignmentFactory(
        guest=GuestFactory(
            first_name="Budi",
            family_name="Santoso",
            age=16,
            gender="male",
            languages=["id", "en"],
            diet=["halal"],
            allergies="peanuts",
            needs="Takes medicine at night",
        )
    )
    other = AssignmentFactory(guest=GuestFactory(first_name="Dewi", family_name="Lestari"))
    client.force_login(assignment.host.user)
    page = client.get(url("homestays:host")).content.decode()
    assert "Budi" in page and "16" in page and "Indonesian" in page and "Halal" in page
    with override("en"):
        start, end = date_format(assignment.starts_on), date_format(assignment.ends_on)
    assert f'datetime="{assignment.starts_on.isoformat()}">{start}</time> to <time' in page
    assert f'datetime="{assignment.ends_on.isoformat()}">{end}</time>' in page
    for hidden in ("Santoso", "peanuts", "Takes medicine", "Male"):
        assert hidden not in page
    # Never another household's guests, nor the other household.
    assert "Dewi" not in page and other.host.user.email not in page


def test_the_host_page_shows_the_review_and_the_office_message(client):
    offer = HostOfferFactory(status="changes_requested", review_message="Please add your phone number.")
    client.force_login(offer.user)
    page = client.get(url("homestays:host")).content.decode()
    assert "Changes requested" in page and "Please add your phone number." in page
    assert "Please add your phone number." in client.get(url("homestays:offer")).content.decode()


def test_withdrawing_deletes_the_offer(client):
    assignment = AssignmentFactory()
    user = assignment.host.user
    client.force_login(user)
    page = client.get(url("homestays:withdraw")).content.decode()
    assert "1 guest is placed with you" in page
    response = client.post(url("homestays:withdraw"), {})
    assert response.status_code == 200 and HostOffer.objects.filter(user=user).exists()
    response = client.post(url("homestays:withdraw"), {"confirm": "on"})
    assert response.status_code == 302
    assert not HostOffer.objects.filter(user=user).exists()
    assert Assignment.objects.get(pk=assignment.pk).host is None
    page = client.get(url("homestays:host")).content.decode()
    assert "Offer to host" in page and "Not given." in page


def test_the_data_download_holds_the_offer_consents_and_guests(client):
    assignment = AssignmentFactory(guest=GuestFactory(first_name="Budi", family_name="Santoso"))
    client.force_login(assignment.host.user)
    data = json.loads(client.get(url("accounts:export")).content)
    homestay = data["homestay"]
    assert homestay["offer"]["beds"] == 2 and homestay["offer"]["phone"] == "010-1234-5678"
    assert homestay["consents"][0]["version"] == HOMESTAY_CONSENT.version
    assert homestay["consents"][0]["given_at"].endswith("+09:00")
    assert homestay["guests"] == [
        {
            "first_name": "Budi",
            "age": 16,
            "languages": ["id", "en"],
            "diet": [],
            "from": assignment.starts_on.isoformat(),
            "until": assignment.ends_on.isoformat(),
        }
    ]
    assert "staff_notes" not in json.dumps(homestay)


def test_deleting_the_account_deletes_the_offer_and_frees_the_guest():
    assignment = AssignmentFactory()
    member_delete(user=assignment.host.user)
    assert not HostOffer.objects.exists() and not HostConsent.objects.exists()
    assert Assignment.objects.get(pk=assignment.pk).host is None


def test_the_account_menu_links_to_the_homestay_page(client):
    client.force_login(UserFactory())
    page = client.get(url("accounts:my-page")).content.decode()
    assert f'href="{url("homestays:host")}"' in page


def test_the_host_page_costs_the_same_queries_however_many_guests(client, django_assert_max_num_queries):
    offer = HostOfferFactory(beds=6)
    client.force_login(offer.user)
    AssignmentFactory(host=offer)
    with django_assert_max_num_queries(10):
        assert client.get(url("homestays:host")).status_code == 200
    for _ in range(5):
        AssignmentFactory(host=offer)
    with django_assert_max_num_queries(10):
        assert client.get(url("homestays:host")).content.decode().count('class="guest-card"') == 6
