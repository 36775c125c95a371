"""From sign-up to a promotion from the waiting list, as a member goes through it."""

import re

import pytest
from django.contrib.sites.models import Site
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import override

from accounts.models import Consent, PrivacyPolicy, User
from accounts.tests.factories import PASSWORD, UserFactory
from events.tests.factories import EventFactory
from registrations.models import Registration

pytestmark = pytest.mark.django_db


def url(name, *args, lang="en"):
    with override(lang):
        return reverse(name, args=args)


def signup_data(**overrides):
    data = {
        "email": "minji@example.org",
        "name": "Kim Minji",
        "language": "ko",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "consent_required": "on",
    }
    data.update(overrides)
    return data


def test_site_is_named_after_the_portal():
    site = Site.objects.get_current()
    assert site.name == "Busan International Exchange"
    assert site.domain == "localhost:8000"


def test_signup_page_shows_the_consent_notices_and_defaults_to_the_page_language(client):
    page = client.get(url("account_signup", lang="zh-hans")).content.decode()
    with translation.override("zh-hans"):
        for label in (
            "Purpose",
            "Personal information collected",
            "How long we keep it",
            "Your right to refuse",
        ):
            translated = translation.gettext(label)
            assert translated != label
            assert page.count(translated) == 3  # the required notice and the two optional ones
    assert '<option value="zh-hans" selected lang="zh-hans">' in page
    for name in ("consent_required", "consent_phone", "consent_news"):
        assert f'name="{name}"' in page
    # Each optional consent names its data and its purpose, and Chinese never calls the items 项目.
    assert "收集的个人信息" in page and "可选项目" not in page and "收集项目" not in page


def test_member_journey(client, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)

    # Sign up on the English site, preferring Korean.
    response = client.post(url("account_signup"), signup_data())
    assert response.status_code == 302
    member = User.objects.get(email="minji@example.org")
    assert (member.name, member.language, member.phone) == ("Kim Minji", "ko", "")

    # The verification email is in Korean and links to the Korean site.
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["minji@example.org"]
    with translation.override("ko"):
        expected_subject = translation.gettext("Please confirm your email address")
    assert expected_subject != "Please confirm your email address"
    assert expected_subject in message.subject
    assert "example.com" not in message.subject + message.body
    link = re.search(r"http://localhost:8000(/ko/accounts/confirm-email/[^\s]+/)", message.body).group(1)

    # The link works: the confirmation page opens, and confirming verifies the address.
    assert client.get(link).status_code == 200
    assert client.post(link).status_code == 302
    assert member.emailaddress_set.get().verified

    # Log in by email on a fresh browser.
    browser = Client()
    response = browser.post(url("account_login"), {"login": "minji@example.org", "password": PASSWORD})
    assert response.status_code == 302

    # Register for the event: a place is confirmed and the member is told in Korean.
    with django_capture_on_commit_callbacks(execute=True):
        browser.post(url("registrations:event-register", event.slug), {"message": ""})
    registration = Registration.objects.get(user=member, event=event)
    assert registration.status == "confirmed"
    assert f"/ko/events/{event.slug}/" in mail.outbox[-1].body

    # A second member arrives: the event is full, so they wait.
    other = UserFactory(language="zh-hans")
    other_browser = Client()
    other_browser.force_login(other)
    with django_capture_on_commit_callbacks(execute=True):
        other_browser.post(url("registrations:event-register", event.slug))
    assert Registration.objects.get(user=other).status == "waitlisted"

    # My page shows the registration with its status.
    my_page = browser.get(url("accounts:my-page")).content.decode()
    assert event.title_en in my_page
    assert "Confirmed" in my_page

    # Withdraw: the member is told; the waiting member is promoted and told by email, in their language,
    # with a link.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        browser.post(url("registrations:withdraw", registration.pk), {"confirm": "yes"})
    assert Registration.objects.get(user=other).status == "confirmed"
    assert [m.to for m in mail.outbox] == [[member.email], [other.email]]
    assert f"/ko/events/{event.slug}/" in mail.outbox[0].body
    promotion = mail.outbox[1]
    assert event.title_zh_hans in promotion.body
    # Sent after the transaction commits: outside a request the link is built from Site 1's domain.
    assert re.search(r"http://(testserver|localhost:8000)/zh-hans/my/", promotion.body)
    assert "example.com" not in promotion.body

    # And the member's page now shows the registration as withdrawn.
    assert "Cancelled" in browser.get(url("accounts:my-page")).content.decode()


def test_consents_are_stored_with_version_and_time(client):
    client.post(
        url("account_signup"), signup_data(consent_phone="on", phone="010-1234-5678", consent_news="on")
    )
    member = User.objects.get()
    assert member.phone == "010-1234-5678"
    consents = {c.kind: c for c in member.consents.all()}
    assert set(consents) == {
        Consent.Kind.REQUIRED_TERMS,
        Consent.Kind.OPTIONAL_PHONE,
        Consent.Kind.OPTIONAL_NEWS,
    }
    assert consents[Consent.Kind.REQUIRED_TERMS].version == "2026-11-01"
    assert consents[Consent.Kind.OPTIONAL_PHONE].version == "2026-12-01"
    assert consents[Consent.Kind.OPTIONAL_NEWS].version == "2026-12-01"
    policy = PrivacyPolicy.objects.get(version="1.0")
    for consent in consents.values():
        assert consent.given_at is not None
        assert consent.withdrawn_at is None
        assert consent.language == "en"
        # Each consent points at the privacy policy in force when it was given.
        assert consent.policy == policy


def test_news_and_phone_are_separate_consents(client):
    client.post(url("account_signup"), signup_data(consent_news="on", phone="010-1234-5678"))
    assert User.objects.count() == 0  # a phone number needs its own consent
    response = client.post(url("account_signup"), signup_data(consent_news="on"))
    assert response.status_code == 302
    member = User.objects.get()
    assert {c.kind for c in member.consents.all()} == {
        Consent.Kind.REQUIRED_TERMS,
        Consent.Kind.OPTIONAL_NEWS,
    }
    assert member.phone == ""


def test_optional_consent_can_be_refused_without_blocking_signup(client):
    response = client.post(url("account_signup"), signup_data())
    assert response.status_code == 302
    member = User.objects.get()
    assert list(member.consents.values_list("kind", flat=True)) == [Consent.Kind.REQUIRED_TERMS]


def test_refusing_the_required_consent_blocks_signup_and_keeps_what_was_typed(client):
    response = client.post(url("account_signup"), signup_data(consent_required="", name="Lee Jun"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Without this consent you cannot become a member." in page
    assert 'value="Lee Jun"' in page
    assert 'value="minji@example.org"' in page
    assert 'aria-describedby="id_consent_required_error"' in page
    assert not User.objects.exists()


def test_phone_needs_the_phone_consent(client):
    response = client.post(url("account_signup"), signup_data(phone="010-0000-0000"))
    assert response.status_code == 200
    assert "tick the consent for it" in response.content.decode()
    assert 'value="010-0000-0000"' in response.content.decode()
    assert not User.objects.exists()


def test_allauth_pages_use_the_site_layout(client):
    for name in ("account_login", "account_signup", "account_reset_password"):
        page = client.get(url(name)).content.decode()
        assert 'class="site-header"' in page
        assert 'id="footer"' in page
        assert 'class="form' in page
        assert "<label" in page


def test_the_confirmation_page_names_the_address_once_and_confirming_logs_the_member_in(client):
    client.post(url("account_signup", lang="ko"), signup_data(email="once@example.org"))
    link = re.search(r"https?://[^/\s]+(/ko/accounts/confirm-email/[^\s]+/)", mail.outbox[0].body).group(1)
    page = client.get(link).content.decode()
    # The page itself, after the message that the link was sent.
    content = page[page.index("<h1") : page.index("</main>")]
    assert content.count("once@example.org") == 1
    response = client.post(link, follow=True)
    assert response.wsgi_request.user.email == "once@example.org"
