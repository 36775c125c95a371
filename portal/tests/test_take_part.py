"""The ways to take part, in one place, and what my page shows of hosting and cooperation requests."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from accounts.tests.factories import UserFactory
from applications.tests.factories import CallFactory
from cooperation.tests.factories import CooperationRequestFactory
from homestays.tests.factories import AssignmentFactory, HostOfferFactory

pytestmark = pytest.mark.django_db


def url(name, lang="en", *args):
    with override(lang):
        return reverse(name, args=args)


@pytest.mark.parametrize("lang", ["ko", "en", "zh-hans"])
def test_take_part_lists_open_calls_hosting_and_cooperation(client, lang):
    call = CallFactory()
    page = client.get(url("take-part", lang)).content.decode()
    assert url("applications:call", lang, call.slug) in page
    assert url("homestays:host", lang) in page
    assert url("cooperation:service", lang) in page
    assert f'href="{url("take-part", lang)}" aria-current="page"' in page


def test_every_page_links_to_take_part_and_the_cooperation_service(client):
    page = client.get(url("home")).content.decode()
    assert f'href="{url("take-part")}"' in page
    assert f'href="{url("cooperation:service")}"' in page


def test_a_call_page_belongs_to_take_part_in_the_menu(client):
    call = CallFactory()
    page = client.get(url("applications:call", "en", call.slug)).content.decode()
    assert f'href="{url("take-part")}" aria-current="page"' in page


def test_my_page_shows_the_host_offer_its_guests_and_cooperation_requests(client):
    member = UserFactory(language="en")
    offer = HostOfferFactory(user=member, status="approved")
    AssignmentFactory(host=offer)
    request = CooperationRequestFactory(user=member, organization_name="Busan Ocean Tech")
    client.force_login(member)
    page = client.get(url("accounts:my-page")).content.decode()
    assert "1 guest placed with your household" in page
    assert url("homestays:host") in page
    assert "Busan Ocean Tech" in page and request.get_absolute_url() in page
    assert "KST" in page or "Korean time" in page


def test_my_page_without_hosting_or_requests_says_nothing_of_them(client):
    member = UserFactory(language="en")
    client.force_login(member)
    page = client.get(url("accounts:my-page")).content.decode()
    assert 'id="homestay-heading"' not in page and 'id="cooperation-heading"' not in page
