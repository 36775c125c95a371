from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from accounts.tests.factories import PASSWORD, UserFactory
from events.tests.factories import EventFactory
from programs.tests.factories import ProgramFactory
from registrations.models import Registration
from registrations.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def url(name, *args, lang="en"):
    with override(lang):
        return reverse(name, args=args)


def test_anonymous_visitor_is_sent_to_log_in_and_brought_back(client):
    event = EventFactory()
    member = UserFactory()
    detail = url("events:detail", event.slug)
    page = client.get(detail)
    login_link = f"{url('account_login')}?next={detail}"
    assert login_link in page.content.decode()

    register = url("registrations:event-register", event.slug)
    response = client.post(register, {"message": "hello"})
    assert response.status_code == 302
    assert response["Location"].startswith(url("account_login") + "?next=")

    response = client.post(
        url("account_login"), {"login": member.email, "password": PASSWORD, "next": detail}
    )
    assert response.status_code == 302
    assert response["Location"] == detail


def test_unsafe_next_is_ignored_after_login(client):
    member = UserFactory()
    response = client.post(
        url("account_login"), {"login": member.email, "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_anonymous_box_is_the_same_for_every_anonymous_visitor(client, django_user_model):
    event = EventFactory(capacity=5)
    RegistrationFactory(event=event)
    first = client.get(url("events:detail", event.slug)).content
    client.cookies.clear()
    second = client.get(url("events:detail", event.slug)).content
    assert first == second
    assert b"csrfmiddlewaretoken" not in first
    assert b"4 places left" in first


def test_member_registers_for_an_event_and_sees_it_on_my_page(client, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=3)
    member = UserFactory()
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("registrations:event-register", event.slug), {"message": "Two of us"})
    assert response.status_code == 302
    assert response["Location"] == url("events:detail", event.slug)
    registration = Registration.objects.get(user=member, event=event)
    assert registration.status == "confirmed"
    assert registration.message == "Two of us"

    detail = client.get(url("events:detail", event.slug)).content.decode()
    assert "Your registration is confirmed" in detail
    assert "Withdraw my registration" in detail
    assert "2 places left" in detail

    my_page = client.get(url("accounts:my-page")).content.decode()
    assert event.title_en in my_page
    assert "Confirmed" in my_page


def test_program_interest_with_message(client):
    program = ProgramFactory()
    member = UserFactory()
    client.force_login(member)
    page = client.get(url("programs:detail", program.slug)).content.decode()
    assert url("registrations:program-interest", program.slug) in page
    client.post(url("registrations:program-interest", program.slug), {"message": "Interested!"})
    assert Registration.objects.get(user=member, program=program).message == "Interested!"


def test_duplicate_is_refused_and_what_was_typed_is_kept(client):
    event = EventFactory()
    member = UserFactory()
    RegistrationFactory(user=member, event=event)
    client.force_login(member)
    response = client.post(url("registrations:event-register", event.slug), {"message": "My typed words"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "You have already registered for this." in content
    assert "My typed words" in content
    assert Registration.objects.filter(user=member, event=event).count() == 1


def test_closed_window_is_refused_with_a_message(client):
    now = timezone.now()
    event = EventFactory(
        registration_opens_at=now - timedelta(days=9), registration_closes_at=now - timedelta(days=1)
    )
    member = UserFactory()
    client.force_login(member)
    assert "Registration is closed." in client.get(url("events:detail", event.slug)).content.decode()
    response = client.post(url("registrations:event-register", event.slug), {"message": "late"})
    assert response.status_code == 200
    assert "Registration is closed." in response.content.decode()
    assert "late" in response.content.decode()
    assert not Registration.objects.exists()


def test_full_event_tells_the_member_they_will_join_the_waiting_list(client):
    event = EventFactory(capacity=1)
    RegistrationFactory(event=event)
    member = UserFactory()
    client.force_login(member)
    assert "join the waiting list" in client.get(url("events:detail", event.slug)).content.decode()
    client.post(url("registrations:event-register", event.slug))
    assert Registration.objects.get(user=member).status == "waitlisted"
    assert "number 1 on the waiting list" in client.get(url("events:detail", event.slug)).content.decode()


def test_member_confirms_the_withdrawal_is_told_by_mail_and_the_next_is_promoted(client, mailoutbox):
    event = EventFactory(capacity=1)
    member = UserFactory(language="zh-hans")
    mine = RegistrationFactory(user=member, event=event)
    waiting = RegistrationFactory(event=event, status="waitlisted")
    client.force_login(member)
    my_page = client.get(url("accounts:my-page")).content.decode()
    withdraw = url("registrations:withdraw", mine.pk)
    # My page links to the question; nothing there withdraws at one click.
    assert f'href="{withdraw}?next={url("accounts:my-page")}"' in my_page
    assert f'action="{withdraw}"' not in my_page
    question = client.get(withdraw).content.decode()
    assert "Keep my registration" in question
    assert 'name="confirm" value="yes"' in question
    # A form that skips the question only gets the question.
    assert client.post(withdraw, {"next": url("accounts:my-page")}).status_code == 200
    mine.refresh_from_db()
    assert mine.status == "confirmed" and mailoutbox == []

    response = client.post(withdraw, {"next": url("accounts:my-page"), "confirm": "yes"})
    assert response["Location"] == url("accounts:my-page")
    mine.refresh_from_db()
    waiting.refresh_from_db()
    assert (mine.status, waiting.status) == ("cancelled", "confirmed")
    assert [message.to for message in mailoutbox] == [[member.email], [waiting.user.email]]
    withdrawn = mailoutbox[0]
    with override("zh-hans"):
        assert gettext("Your registration for %(title)s is withdrawn") % {"title": event.title_zh_hans} in (
            withdrawn.subject
        )
    assert f"/zh-hans/events/{event.slug}/" in withdrawn.body
    assert "We have sent you an email." in client.get(url("accounts:my-page")).content.decode()


def test_another_members_registration_is_not_found(client):
    registration = RegistrationFactory()
    intruder = UserFactory()
    client.force_login(intruder)
    withdraw = url("registrations:withdraw", registration.pk)
    assert client.get(withdraw).status_code == 404
    assert client.post(withdraw).status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert registration.event.title_en not in client.get(url("accounts:my-page")).content.decode()


def test_withdraw_ignores_an_unsafe_next(client):
    registration = RegistrationFactory()
    client.force_login(registration.user)
    response = client.post(
        url("registrations:withdraw", registration.pk), {"next": "https://evil.example/", "confirm": "yes"}
    )
    assert response["Location"] == url("accounts:my-page")


def test_registration_page_offers_no_form_when_there_is_nothing_to_fill_in(client):
    now = timezone.now()
    closed = EventFactory(
        registration_opens_at=now - timedelta(days=9), registration_closes_at=now - timedelta(days=1)
    )
    open_event = EventFactory()
    member = UserFactory()
    client.force_login(member)

    page = client.get(url("registrations:event-register", closed.slug)).content.decode()
    assert "Registration is closed." in page
    assert 'name="message"' not in page

    RegistrationFactory(user=member, event=open_event)
    page = client.get(url("registrations:event-register", open_event.slug)).content.decode()
    assert "Withdraw my registration" in page
    assert 'name="message"' not in page


def test_interest_is_never_called_confirmed(client):
    registration = RegistrationFactory(event=None, program=ProgramFactory(), status="confirmed")
    client.force_login(registration.user)
    my_page = client.get(url("accounts:my-page")).content.decode()
    assert "Interest registered" in my_page and "Confirmed" not in my_page
    assert (
        "Here you can follow your applications, your interest in programs and your registrations" in my_page
    )
    korean = client.get(url("accounts:my-page", lang="ko")).content.decode()
    assert "관심 등록됨" in korean and "확정" not in korean
    chinese = client.get(url("accounts:my-page", lang="zh-hans")).content.decode()
    assert "已登记意向" in chinese and "已确认" not in chinese
