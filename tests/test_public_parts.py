"""The parts of a page that are the same for every visitor (header, footer, lists, a program's facts) are
rendered once per edit; what is the member's own is rendered for them every time, and never shown to anyone
else."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from applications.tests.factories import CallFactory
from events.tests.factories import EventFactory
from programs.tests.factories import CategoryFactory, CityFactory, ProgramFactory
from registrations.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _members_pages(settings):
    """What members get: no page cache, the public parts kept."""
    settings.PAGE_CACHE_SECONDS = 0
    settings.PUBLIC_PART_SECONDS = 60


@pytest.fixture
def program():
    return ProgramFactory(title_en="Youth exchange", category=CategoryFactory(), cities=[CityFactory()])


def _without_token(html: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", html)


def _member(email="member@example.org") -> Client:
    client = Client()
    client.force_login(get_user_model().objects.create_user(email=email, password="a long passphrase 42"))
    return client


def test_a_members_second_visit_renders_only_what_is_theirs(program, django_assert_num_queries):
    member = _member()
    url = "/en/"
    first = member.get(url)
    assert first.status_code == 200
    # What any page costs a member: their session (unless Redis holds a copy) and their account.
    member.get("/en/accessibility/")
    with CaptureQueriesContext(connection) as own:
        member.get("/en/accessibility/")
    assert 1 <= len(own) <= 2
    # The categories, programs, events and cities are kept rendered.
    with django_assert_num_queries(len(own)):
        second = member.get(url)
    # The same page, but for the logout form's token (masked afresh for every response).
    assert _without_token(second.content) == _without_token(first.content)
    assert b"Youth exchange" in second.content


def test_an_edit_shows_to_members_at_once(program):
    member = _member()
    url = "/en/programs/" + program.slug + "/"
    assert b"Youth exchange" in member.get(url).content
    program.title_en = "Children's exchange"
    program.save()
    html = member.get(url).content.decode()
    assert "Children&#x27;s exchange" in html and "Youth exchange" not in html
    assert "Children&#x27;s exchange" in member.get("/en/").content.decode()


def test_an_edit_shows_at_once_in_the_kept_head_and_breadcrumbs(program):
    member = _member()
    url = "/en/programs/" + program.slug + "/"
    category = program.category
    html = member.get(url).content.decode()
    assert f">{category.name_en}</a></li>" in html.split('class="breadcrumbs')[1].split("</nav>")[0]
    category.name_en = "Culture and the arts"
    category.save()
    program.summary_en = "A summer in Busan for young people."
    program.save()
    html = member.get(url).content.decode()
    assert ">Culture and the arts</a></li>" in html.split('class="breadcrumbs')[1].split("</nav>")[0]
    assert '<meta name="description" content="A summer in Busan for young people.">' in html


def _account_menu(html: str) -> str:
    return html.split('<nav class="account-nav"')[1].split("</nav>")[0]


def test_the_kept_account_menu_marks_the_page_each_member_is_on():
    """The account menu is the same for every member at an address, so it is kept; kept per address, it
    still marks the page it is on, whoever comes and in whatever order."""
    pages = ["/en/my/", "/en/my/profile/", "/en/my/applicants/", "/en/my/"]
    for member in (_member("first@example.org"), _member("second@example.org")):
        for url in pages:
            menu = _account_menu(member.get(url).content.decode())
            assert re.findall(r'<a href="([^"]+)" aria-current="page"', menu) == [url]
            assert "first@example.org" not in menu and "second@example.org" not in menu


def test_what_a_view_reads_of_public_content_is_kept_until_an_edit(program):
    """The program behind its page (and whether a call takes applications), the number of events behind
    the list's pages: kept like the parts, and made stale by the same edits."""
    member = _member()
    url = "/en/programs/" + program.slug + "/"
    assert "Register your interest" in member.get(url).content.decode()
    call = CallFactory(program=program, title_en="Summer in Surabaya")
    html = member.get(url).content.decode()
    assert "See the call and apply" in html and "Summer in Surabaya" in html
    assert "Register your interest" not in html
    call.status = "draft"
    call.save()
    html = member.get(url).content.decode()
    assert "Register your interest" in html and "Summer in Surabaya" not in html

    EventFactory.create_batch(24, starts_at=timezone.now() + timedelta(days=3))
    assert member.get("/en/events/?page=2").status_code == 404
    EventFactory(title_en="The twenty-fifth", starts_at=timezone.now() + timedelta(days=30))
    second_page = member.get("/en/events/?page=2")
    assert second_page.status_code == 200 and "The twenty-fifth" in second_page.content.decode()


def test_account_links_are_the_visitors_own(program):
    url = "/en/programs/" + program.slug + "/"
    member = _member()
    for_member = member.get(url).content
    assert b'action="' + reverse("account_logout").encode() in for_member
    # The same page for an anonymous visitor, its header and footer kept from the member's visit.
    anonymous = Client().get(url).content
    assert b'action="' + reverse("account_logout").encode() not in anonymous
    assert reverse("account_login").encode() in anonymous
    assert anonymous.count(b'<footer id="footer"') == 1


def test_a_member_logs_out_with_their_own_token_from_a_header_kept_for_others(program):
    """The header is kept for members around the logout form's CSRF token: each member's page carries a
    token of their own, and logging out with it works, whoever's visit kept the header."""
    url = "/en/programs/" + program.slug + "/"
    first = _member("first@example.org")
    assert b'action="' + reverse("account_logout").encode() in first.get(url).content
    second = Client(enforce_csrf_checks=True)
    second.force_login(
        get_user_model().objects.create_user(email="second@example.org", password="a long passphrase 42")
    )
    html = second.get(url).content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert header.count('name="csrfmiddlewaretoken"') == 1
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', header).group(1)
    assert header.count(">Log out</button>") == 1 and ">Log in</a>" not in header
    response = second.post(reverse("account_logout"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert "_auth_user_id" not in second.session
    # The first member is still logged in, and still gets the member's header.
    assert b'action="' + reverse("account_logout").encode() in first.get(url).content


def test_a_members_registration_is_shown_to_them_alone():
    event = EventFactory(title_en="Harbour festival", capacity=10)
    url = "/en/events/" + event.slug + "/"
    first = _member("first@example.org")
    RegistrationFactory(event=event, user=get_user_model().objects.get(email="first@example.org"))
    assert b"Your registration:" in first.get(url).content
    second = _member("second@example.org")
    html = second.get(url).content.decode()
    assert "Your registration:" not in html
    assert 'name="csrfmiddlewaretoken"' in html  # their own form, with their own token
    assert "9 places left" in html


def _my_registrations(client: Client) -> str:
    html = client.get("/en/my/").content.decode()
    return html[html.index('id="registrations-heading"') :]


def test_the_registrations_on_my_page_show_each_change_at_once():
    """The registrations on a member's page are kept rendered under what they show: a new status or
    message, or an edit of the event, shows at the next visit."""
    member = _member()
    user = get_user_model().objects.get(email="member@example.org")
    event = EventFactory(title_en="Harbour festival", capacity=10)
    registration = RegistrationFactory(user=user, event=event, status="waitlisted", message="Two of us.")
    html = _my_registrations(member)
    assert "Harbour festival" in html and "Waiting list" in html and "Two of us." in html
    assert _my_registrations(member) == html  # kept: the same again

    # Changed by staff, as a place was freed: no edit of public content, the list still shows it at once.
    type(registration).objects.filter(pk=registration.pk).update(status="confirmed", message="Three of us.")
    html = _my_registrations(member)
    assert "Confirmed" in html and "Waiting list" not in html
    assert "Three of us." in html and "Two of us." not in html

    event.title_en = "Harbour festival, new date"
    event.save()
    assert "Harbour festival, new date" in _my_registrations(member)


def test_the_registrations_kept_for_one_member_never_show_on_anothers_page():
    """Two registrations that read the same (same event, status, time and message) are still each their
    member's own: the link to withdraw leads to the member's registration, never to the other one."""
    event = EventFactory(title_en="Harbour festival", capacity=10)
    pages = {}
    for email in ("first@example.org", "second@example.org"):
        client = _member(email)
        user = get_user_model().objects.get(email=email)
        pages[client] = RegistrationFactory(user=user, event=event, message="From Busan.")
    Registration = type(next(iter(pages.values())))
    Registration.objects.filter(event=event).update(created_at=timezone.now() - timedelta(days=1))
    for _ in range(2):
        for client, registration in pages.items():
            html = _my_registrations(client)
            assert "From Busan." in html
            links = re.findall(r'href="(/en/registrations/[^"?]+)', html)
            assert links == [reverse("registrations:withdraw", args=[registration.pk])], links


def test_each_language_has_its_own_parts(program):
    member = _member()
    english = member.get("/en/programs/" + program.slug + "/").content.decode()
    korean = member.get("/ko/programs/" + program.slug + "/").content.decode()
    assert program.title_en in english and program.title_ko not in english
    assert program.title_ko in korean and '<html lang="ko"' in korean
    assert "Log out" in english and "Log out" not in korean


def test_an_address_with_parameters_the_page_does_not_read_is_rendered_for_that_visit_alone(program):
    member = _member()
    noisy = member.get("/en/?utm_source=newsletter").content.decode()
    assert "utm_source" in noisy  # the text-size links bring the visitor back to the address they came to
    plain = member.get("/en/").content.decode()
    assert "utm_source" not in plain


def test_the_time_moves_pages_on_without_an_edit(settings, program):
    """A part is kept at most PUBLIC_PART_SECONDS: an event that has ended leaves the upcoming list."""
    settings.PUBLIC_PART_SECONDS = 0  # as if the time had passed
    event = EventFactory(title_en="Closing soon", starts_at=timezone.now() + timedelta(hours=1))
    member = _member()
    assert "Closing soon" in member.get("/en/events/").content.decode().split('id="past-heading"')[0]
    type(event).objects.filter(pk=event.pk).update(
        starts_at=timezone.now() - timedelta(days=2), ends_at=timezone.now() - timedelta(days=1)
    )
    html = member.get("/en/events/").content.decode()
    assert "Closing soon" in html.split('id="past-heading"')[1]


def test_registering_reads_the_event_as_kept_and_what_decides_afresh():
    """The registration form keeps the event like its page does; whether it still takes registrations is
    read again from the database as the member registers, so neither an edit nor the clock is missed."""
    event = EventFactory(title_en="Harbour festival", capacity=10)
    url = reverse("registrations:event-register", args=[event.slug])
    member = _member()
    assert "Harbour festival" in member.get(url).content.decode()  # kept now

    # Registration closes by the clock, with no edit to make the kept event stale.
    type(event).objects.filter(pk=event.pk).update(
        registration_closes_at=timezone.now() - timedelta(minutes=1)
    )
    refused = member.post(url, {"message": "Looking forward to it"})
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Registration is closed." in html and "Looking forward to it" in html
    assert not event.registrations.exists()

    # Unpublished by staff: the edit makes the kept event stale at once.
    event.refresh_from_db()
    event.registration_closes_at = None
    event.status = "draft"
    event.save()
    assert member.post(url, {"message": "Looking forward to it"}).status_code == 404
    assert not event.registrations.exists()
