"""Login rate limits (site and admin) and enumeration-safe answers."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils.translation import override

from accounts.models import User
from accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def url(name, lang="en"):
    with override(lang):
        return reverse(name)


def test_repeated_failed_logins_answer_429(client):
    member = UserFactory()
    statuses = [
        client.post(url("account_login"), {"login": member.email, "password": "wrong"}).status_code
        for _ in range(6)
    ]
    assert statuses[:5] == [200] * 5
    assert statuses[5] == 429
    # Even the right password is refused while the limit holds; the answer is a page of the site.
    response = client.post(url("account_login"), {"login": member.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert 'class="site-header"' in response.content.decode()


def test_repeated_failed_admin_logins_answer_429(client):
    staff = UserFactory(is_staff=True)
    admin_login = url("admin:login")
    assert admin_login == "/en/admin/login/"
    statuses = [
        client.post(admin_login, {"username": staff.email, "password": "wrong"}).status_code for _ in range(6)
    ]
    assert statuses[:5] == [200] * 5
    assert statuses[5] == 429


def test_admin_login_still_works_within_the_limit(client):
    staff = UserFactory(is_staff=True)
    client.post(url("admin:login"), {"username": staff.email, "password": "wrong"})
    response = client.post(url("admin:login"), {"username": staff.email, "password": PASSWORD})
    assert response.status_code == 302


def test_failed_logins_share_one_budget_between_site_and_admin(client):
    member = UserFactory(is_staff=True)
    for _ in range(5):
        client.post(url("account_login"), {"login": member.email, "password": "wrong"})
    assert client.post(url("admin:login"), {"username": member.email, "password": "wrong"}).status_code == 429


def _signup_data(email):
    return {
        "email": email,
        "name": "Someone",
        "language": "en",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "consent_required": "on",
    }


def _signup(client, email):
    return client.post(url("account_signup"), _signup_data(email))


def test_signup_with_an_existing_email_looks_like_success(client):
    existing = UserFactory(language="zh-hans")
    fresh = _signup(client, "new.member@example.org")
    client.logout()
    repeat = _signup(client, existing.email)
    assert (repeat.status_code, repeat["Location"]) == (fresh.status_code, fresh["Location"])
    assert User.objects.filter(email=existing.email).count() == 1
    # The owner of the address is told, in their own language, that they already have an account.
    assert mail.outbox[-1].to == [existing.email]
    assert "/zh-hans/accounts/password/reset/" in mail.outbox[-1].body


def test_password_reset_for_an_unknown_email_looks_like_success(client):
    member = UserFactory()
    known = client.post(url("account_reset_password"), {"email": member.email})
    unknown = client.post(url("account_reset_password"), {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [m.to for m in mail.outbox] == [[member.email], ["nobody@example.org"]]


def test_password_reset_mail_is_in_the_members_language_with_a_working_link(client):
    member = UserFactory(language="ko")
    client.post(url("account_reset_password"), {"email": member.email})
    body = mail.outbox[0].body
    link = next(word for word in body.split() if "/password/reset/key/" in word)
    assert "/ko/accounts/password/reset/key/" in link
    response = client.get(link.replace("http://testserver", ""), follow=True)
    assert response.status_code == 200
    assert 'name="password1"' in response.content.decode()


# --- Links in allauth's mail ------------------------------------------------------------------------


def _links(body: str) -> list[str]:
    return [word for word in body.split() if word.startswith("http")]


@pytest.mark.parametrize("host", ["127.0.0.1:6666", "localhost:1", "testserver"])
def test_links_in_account_mail_use_the_configured_address_whatever_the_host(client, settings, host):
    settings.PORTAL_DOMAIN = "exchange.busan.example"
    settings.PORTAL_URL_SCHEME = "https"
    member = UserFactory()
    # A password reset, a sign-up's confirmation, and "you already have an account".
    client.post(url("account_reset_password"), {"email": member.email}, HTTP_HOST=host)
    client.post(url("account_signup"), _signup_data("newcomer@example.org"), HTTP_HOST=host)
    client.logout()
    client.post(url("account_signup"), _signup_data(member.email), HTTP_HOST=host)
    assert len(mail.outbox) == 3
    for message in mail.outbox:
        links = _links(message.body)
        assert links, message.body
        for link in links:
            assert link.startswith("https://exchange.busan.example/"), link
        assert host not in message.body


def test_staff_sessions_end_after_half_an_hour_without_activity(client, monkeypatch, settings):
    from datetime import timedelta

    from django.utils import timezone

    # The database's expiry dates follow the moved clock; a copy in Redis would expire in real time only.
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.db"

    staff = UserFactory(is_staff=True, is_superuser=True)
    member = UserFactory()
    staff_browser, member_browser = client, type(client)()
    assert (
        staff_browser.post(url("admin:login"), {"username": staff.email, "password": PASSWORD}).status_code
        == 302
    )
    assert (
        member_browser.post(url("account_login"), {"login": member.email, "password": PASSWORD}).status_code
        == 302
    )
    index = url("admin:index")
    assert staff_browser.session.get_expiry_age() == 30 * 60
    real_now = timezone.now()

    def later(minutes):
        monkeypatch.setattr(timezone, "now", lambda: real_now + timedelta(minutes=minutes))

    # Each request starts the half hour again.
    later(25)
    assert staff_browser.get(index).status_code == 200
    later(50)
    assert staff_browser.get(index).status_code == 200
    later(81)
    response = staff_browser.get(index)
    assert response.status_code == 302 and url("admin:login") in response["Location"]
    # Members stay logged in.
    assert member_browser.get(url("accounts:my-page")).status_code == 200


def test_an_address_logs_in_only_once_it_is_verified(client):
    from allauth.account.models import EmailAddress

    staff = UserFactory(is_staff=True, is_superuser=True)
    EmailAddress.objects.create(user=staff, email="new.address@example.org", verified=False, primary=False)
    site = client.post(url("account_login"), {"login": "new.address@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert site.status_code == 200
    admin = client.post(url("admin:login"), {"username": "new.address@example.org", "password": PASSWORD})
    assert admin.status_code == 200
    assert "_auth_user_id" not in client.session
    # Once confirmed, the new address is as good as the first.
    EmailAddress.objects.filter(email="new.address@example.org").update(verified=True)
    admin = client.post(url("admin:login"), {"username": "new.address@example.org", "password": PASSWORD})
    assert admin.status_code == 302
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_signing_up_does_the_same_work_whether_or_not_the_address_is_registered(client, settings):
    from accounts.tests.hashers import CountingHasher

    existing = UserFactory()
    settings.PASSWORD_HASHERS = ["accounts.tests.hashers.CountingHasher"]
    work = {}
    for kind, email in (("new", "new.member@example.org"), ("registered", existing.email)):
        CountingHasher.calls = 0
        response = _signup(client, email)
        client.logout()
        assert response.status_code == 302
        work[kind] = CountingHasher.calls
    assert work["new"] >= 1
    assert work["registered"] == work["new"]


@pytest.mark.parametrize("address", ["own", "second"])
def test_a_session_lasts_only_as_long_as_the_account_lets_it(client, address):
    """Whichever address the member logged in with (their account's own, or a verified second one, which
    another backend checks), every request reads the account again: a password changed elsewhere, an
    account staff deactivate and a deleted account each end the session at the next request."""
    from allauth.account.models import EmailAddress

    member = UserFactory()
    login = member.email
    if address == "second":
        login = "second.address@example.org"
        EmailAddress.objects.create(user=member, email=login, verified=True, primary=False)
    my_page = url("accounts:my-page")

    def logged_in():
        client.post(url("account_login"), {"login": login, "password": PASSWORD})
        assert client.get(my_page).status_code == 200

    logged_in()
    member.set_password("another long passphrase 42")
    member.save()
    assert client.get(my_page).status_code == 302
    member.set_password(PASSWORD)
    member.save()

    logged_in()
    User.objects.filter(pk=member.pk).update(is_active=False)
    assert client.get(my_page).status_code == 302
    User.objects.filter(pk=member.pk).update(is_active=True)

    logged_in()
    member.delete()
    assert client.get(my_page).status_code == 302
