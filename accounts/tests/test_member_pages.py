"""My page, profile, consents, data download and account deletion."""

import json
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from accounts import services
from accounts.models import Consent, User
from accounts.tests.factories import PASSWORD, UserFactory
from events.tests.factories import EventFactory
from programs.tests.factories import ProgramFactory
from registrations.models import Registration
from registrations.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def url(name, *args, lang="en"):
    with override(lang):
        return reverse(name, args=args)


@pytest.fixture
def member():
    user = UserFactory(language="en")
    services.consents_record_signup(user=user, phone=True, news=True, language="en")
    return user


def test_member_pages_need_a_login(client):
    for name in (
        "accounts:my-page",
        "accounts:profile",
        "accounts:consents",
        "accounts:export",
        "accounts:delete",
    ):
        response = client.get(url(name))
        assert response.status_code == 302
        assert response["Location"].startswith(url("account_login") + "?next=")


def test_header_links_to_my_page(client, member):
    client.force_login(member)
    assert f'href="{url("accounts:my-page")}"' in client.get(url("home")).content.decode()


def test_saving_the_profile_in_another_language_switches_the_site(client, member):
    client.force_login(member)
    response = client.post(
        url("accounts:profile"), {"name": "Wang Fang", "language": "zh-hans", "phone": "010-2"}
    )
    assert response.status_code == 302
    assert response["Location"] == url("accounts:profile", lang="zh-hans")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME]["httponly"]
    member.refresh_from_db()
    assert (member.name, member.language, member.phone) == ("Wang Fang", "zh-hans", "010-2")


def test_profile_errors_keep_what_was_typed(client, member):
    client.force_login(member)
    response = client.post(url("accounts:profile"), {"name": "", "language": "ko", "phone": "010-9999"})
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="010-9999"' in page
    assert 'aria-invalid="true"' in page
    assert 'aria-describedby="id_name_error"' in page


def test_withdrawing_the_phone_consent_erases_the_phone_and_is_recorded(client, member):
    member.phone = "010-1111-2222"
    member.save()
    client.force_login(member)
    client.post(url("accounts:consents"), {"kind": "optional_phone", "action": "withdraw"})
    member.refresh_from_db()
    assert member.phone == ""
    phone = Consent.objects.get(user=member, kind="optional_phone")
    assert phone.withdrawn_at is not None
    # The news consent is separate and stays.
    assert Consent.objects.active().filter(user=member, kind="optional_news").exists()

    client.post(url("accounts:consents"), {"kind": "optional_phone", "action": "give"})
    history = list(Consent.objects.filter(user=member, kind="optional_phone").order_by("pk"))
    assert len(history) == 2
    assert history[0].withdrawn_at is not None and history[1].withdrawn_at is None
    assert history[1].given_at >= history[0].withdrawn_at

    page = client.get(url("accounts:consents")).content.decode()
    assert page.count("Withdraw this consent<span") == 2  # phone and news
    assert "Consent history" in page
    assert "2026-12-01" in page


def test_withdrawing_the_news_consent_keeps_the_phone(client, member):
    member.phone = "010-1111-2222"
    member.save()
    client.force_login(member)
    client.post(url("accounts:consents"), {"kind": "optional_news", "action": "withdraw"})
    member.refresh_from_db()
    assert member.phone == "010-1111-2222"
    assert not Consent.objects.active().filter(user=member, kind="optional_news").exists()


def test_the_required_consent_cannot_be_withdrawn_on_its_own(client, member):
    client.force_login(member)
    response = client.post(url("accounts:consents"), {"kind": "required_terms", "action": "withdraw"})
    assert response.status_code == 302
    assert Consent.objects.active().filter(user=member, kind="required_terms").exists()


def test_phone_without_optional_consent_is_refused_on_the_profile(client):
    user = UserFactory()
    services.consents_record_signup(user=user, phone=False, news=False, language="en")
    client.force_login(user)
    response = client.post(url("accounts:profile"), {"name": "A", "language": "en", "phone": "010-3"})
    assert response.status_code == 200
    assert "first give the consent for it" in response.content.decode()
    user.refresh_from_db()
    assert user.phone == ""


def test_data_export_has_the_members_data_and_nobody_elses(client, member):
    mine = RegistrationFactory(user=member, message="My own note")
    theirs = RegistrationFactory(message="Somebody else's note")
    client.force_login(member)
    response = client.get(url("accounts:export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["profile"]["email"] == member.email
    assert data["profile"]["name"] == member.name
    assert {c["kind"] for c in data["consents"]} == {"required_terms", "optional_phone", "optional_news"}
    assert all(c["version"] and c["given_at"] for c in data["consents"])
    assert {c["privacy_policy_version"] for c in data["consents"]} == {"1.0"}
    # Times in Korean time, as the site shows them, not UTC.
    assert all(c["given_at"].endswith("+09:00") for c in data["consents"])
    assert data["profile"]["date_joined"].endswith("+09:00")
    assert [r["slug"] for r in data["registrations"]] == [mine.event.slug]
    assert data["registrations"][0]["message"] == "My own note"
    text = response.content.decode()
    assert theirs.user.email not in text
    assert "Somebody else's note" not in text
    assert theirs.event.slug not in text


def test_deleting_the_account_needs_the_password(client, member):
    client.force_login(member)
    response = client.post(url("accounts:delete"), {"password": "not it"})
    assert response.status_code == 200
    assert "The password is not correct." in response.content.decode()
    assert User.objects.filter(pk=member.pk).exists()


def test_deleting_the_account_removes_personal_data_and_keeps_anonymous_registrations(
    client, member, django_capture_on_commit_callbacks, mailoutbox
):
    now = timezone.now()
    upcoming = EventFactory(capacity=1)
    past = EventFactory(starts_at=now - timedelta(days=30), ends_at=now - timedelta(days=29))
    program = ProgramFactory()
    RegistrationFactory(user=member, event=upcoming, message="call me on 010-1111")
    RegistrationFactory(user=member, event=past, message="vegetarian")
    RegistrationFactory(user=member, event=None, program=program)
    waiting = RegistrationFactory(event=upcoming, status="waitlisted")
    client.force_login(member)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 302

    assert not User.objects.filter(pk=member.pk).exists()
    assert not User.objects.filter(email=member.email).exists()
    assert not EmailAddress.objects.filter(email=member.email).exists()
    assert not Consent.objects.filter(user_id=member.pk).exists()
    kept = Registration.objects.filter(user__isnull=True)
    assert kept.count() == 3
    assert set(kept.values_list("message", flat=True)) == {""}
    # The place for what is still to come went to the waiting list; the past event keeps its status.
    assert kept.get(event=upcoming).status == "cancelled"
    assert kept.get(event=past).status == "confirmed"
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert mailoutbox[-1].to == [waiting.user.email]
    # Logged out.
    assert client.get(url("accounts:my-page")).status_code == 302


def test_changing_the_email_address_asks_for_the_password_then_is_verified_first(client, member, mailoutbox):
    member.language = "ko"
    member.save()
    client.force_login(member)
    response = client.post(url("account_email"), {"action_add": "", "email": "new.address@example.org"})
    # A session alone (perhaps someone else's hands on an open browser) cannot change the address.
    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == url("account_reauthenticate")
    assert mailoutbox == []
    response = client.post(response["Location"], {"password": "wrong"})
    assert response.status_code == 200 and mailoutbox == []
    # With the password, the change that was asked for goes through.
    client.post(url("account_reauthenticate") + "?next=" + url("account_email"), {"password": PASSWORD})
    message = mailoutbox[-1]
    assert message.to == ["new.address@example.org"]
    link = next(word for word in message.body.split() if "/confirm-email/" in word)
    assert "/ko/accounts/confirm-email/" in link
    member.refresh_from_db()
    assert member.email != "new.address@example.org"
    client.post(urlsplit(link).path)
    member.refresh_from_db()
    assert member.email == "new.address@example.org"
    page = client.get(url("account_email")).content.decode()
    assert "<dd>new.address@example.org</dd>" in page
    assert "pending-email" not in page  # nothing is waiting for confirmation any more
