"""Failed logins slow guessing down per account, per client address and per device, through the proxy, and
never lock out the account's owner, staff, or everybody else."""

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.core import mail
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override
from django_q.models import Schedule

from accounts import login_limits, services
from accounts.http import client_ip
from accounts.tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

ATTACKER = "203.0.113.9"


def url(name, lang="en"):
    with override(lang):
        return reverse(name)


@pytest.fixture(autouse=True)
def behind_the_proxy(settings):
    """As deployed: nginx appends the client's address to X-Forwarded-For, gunicorn sees 127.0.0.1."""
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1


@pytest.fixture
def clock(monkeypatch):
    """The login limits' clock, moved forward by hand."""

    class Clock:
        now = 1_800_000_000.0

        def advance(self, seconds):
            self.now += seconds

    clock = Clock()
    monkeypatch.setattr(login_limits, "_now", lambda: clock.now)
    return clock


def browser(address: str) -> Client:
    """A browser at ``address``, as the app server sees it behind nginx."""
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=address)


def log_in(client: Client, email: str, password: str = PASSWORD):
    return client.post(url("account_login"), {"login": email, "password": password})


def test_an_attacker_slows_down_on_the_account_with_growing_waits(clock):
    victim = UserFactory()
    attacker = browser(ATTACKER)
    statuses = [log_in(attacker, victim.email, "guess").status_code for _ in range(5)]
    assert statuses == [200] * 5
    held = log_in(attacker, victim.email, "guess")
    assert held.status_code == 429
    assert held["Retry-After"] == "60"
    page = held.content.decode()
    assert "You can try again in 1 minute." in page
    assert reverse("account_reset_password") in page
    # The right password does not help while the account waits: nobody learns it was right.
    assert log_in(attacker, victim.email).status_code == 429

    clock.advance(61)
    assert log_in(attacker, victim.email, "guess").status_code == 200
    assert log_in(attacker, victim.email, "guess")["Retry-After"] == "120"
    clock.advance(121)
    assert log_in(attacker, victim.email, "guess").status_code == 200
    assert log_in(attacker, victim.email, "guess")["Retry-After"] == "240"
    # Never more than a quarter of an hour, however long it goes on.
    for _ in range(10):
        clock.advance(15 * 60 + 1)
        assert log_in(attacker, victim.email, "guess").status_code == 200
    assert int(log_in(attacker, victim.email, "guess")["Retry-After"]) <= 15 * 60


def test_the_owner_on_their_own_browser_and_everybody_else_still_log_in(clock):
    victim = UserFactory()
    other = UserFactory()
    own_browser = browser("198.51.100.20")
    assert log_in(own_browser, victim.email).status_code == 302
    assert "login_device" in own_browser.cookies
    own_browser.post(url("account_logout"))

    attacker = browser(ATTACKER)
    for _ in range(8):
        log_in(attacker, victim.email, "guess")
    assert log_in(attacker, victim.email, "guess").status_code == 429

    # The owner's own browser is not held by the attacker's failures, even from another network.
    own_browser.defaults["HTTP_X_FORWARDED_FOR"] = "192.0.2.44"
    assert log_in(own_browser, victim.email).status_code == 302
    # A member at another address is not affected at all.
    assert log_in(browser("198.51.100.30"), other.email).status_code == 302
    # A new browser must wait like everyone else, or set a new password by email.
    assert log_in(browser("198.51.100.40"), victim.email).status_code == 429


def test_a_password_reset_ends_the_wait(clock):
    victim = UserFactory()
    attacker = browser(ATTACKER)
    for _ in range(6):
        log_in(attacker, victim.email, "guess")
    new_browser = browser("198.51.100.50")
    assert log_in(new_browser, victim.email).status_code == 429

    new_browser.post(url("account_reset_password"), {"email": victim.email})
    link = next(word for word in mail.outbox[-1].body.split() if "/password/reset/key/" in word)
    path = link.split("8000", 1)[1]
    form = new_browser.get(path, follow=True)
    new_password = "Jagalchi-market-2026!"
    response = new_browser.post(
        form.redirect_chain[-1][0], {"password1": new_password, "password2": new_password}
    )
    assert response.status_code == 302
    assert log_in(new_browser, victim.email, new_password).status_code == 302


def test_one_address_trying_many_accounts_is_slowed_down_alone(clock):
    members = [UserFactory() for _ in range(22)]
    attacker = browser(ATTACKER)
    statuses = [log_in(attacker, member.email, "Password123").status_code for member in members[:20]]
    assert statuses == [200] * 20
    held = log_in(attacker, members[20].email, "Password123")
    assert held.status_code == 429
    assert held["Retry-After"] == "60"
    # The next address along is another client.
    assert log_in(browser("203.0.113.10"), members[21].email).status_code == 302
    # Failures leak away: an hour later the address starts afresh.
    clock.advance(60 * 60)
    assert log_in(attacker, members[20].email).status_code == 302


def test_a_normal_morning_of_logins_meets_no_limit():
    members = [UserFactory() for _ in range(40)]
    for number, member in enumerate(members):
        client = browser(f"10.20.{number // 200}.{number % 200 + 1}")
        # Some mistype their password first.
        if number % 3 == 0:
            assert log_in(client, member.email, "typo").status_code == 200
        assert log_in(client, member.email).status_code == 302


def test_an_office_behind_one_address_logs_in_all_morning(clock):
    """Fifty colleagues behind one address, a few typing their password wrong once: nobody waits."""
    members = [UserFactory() for _ in range(50)]
    office = "198.51.100.99"
    for number, member in enumerate(members):
        clock.advance(60)
        client = browser(office)
        if number % 4 == 0:
            log_in(client, member.email, "typo")
        assert log_in(client, member.email).status_code == 302, number


def test_without_a_trusted_proxy_the_header_is_ignored(settings, clock):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 0
    members = [UserFactory() for _ in range(21)]
    for number, member in enumerate(members[:20]):
        # Inventing a new address for each try does not help: the header is not believed.
        log_in(browser(f"192.0.2.{number + 1}"), member.email, "guess")
    assert log_in(browser("192.0.2.200"), members[20].email, "guess").status_code == 429


def test_staff_share_the_rules_and_keep_their_way_into_the_admin(clock):
    staff = UserFactory(is_staff=True, is_superuser=True)
    admin_login = url("admin:login")
    desk = browser("198.51.100.60")
    assert desk.post(admin_login, {"username": staff.email, "password": PASSWORD}).status_code == 302
    desk.post(url("admin:logout"))

    attacker = browser(ATTACKER)
    guess = {"username": staff.email, "password": "guess"}
    statuses = [attacker.post(admin_login, guess).status_code for _ in range(6)]
    assert statuses == [200] * 5 + [429]
    held = attacker.post(admin_login, {"username": staff.email, "password": PASSWORD})
    assert held.status_code == 429 and held["Retry-After"] == "60"
    # The site's login waits too: one set of counts for both doors.
    assert log_in(attacker, staff.email).status_code == 429
    # Staff at their own desk get in.
    assert desk.post(admin_login, {"username": staff.email, "password": PASSWORD}).status_code == 302


def test_a_trusted_browser_that_keeps_failing_is_held_on_its_own(clock):
    member = UserFactory()
    shared_computer = browser("198.51.100.70")
    assert log_in(shared_computer, member.email).status_code == 302
    shared_computer.post(url("account_logout"))
    statuses = [log_in(shared_computer, member.email, "guess").status_code for _ in range(11)]
    assert statuses == [200] * 10 + [429]
    # The account itself is not held for other browsers.
    assert log_in(browser("198.51.100.71"), member.email).status_code == 302


def test_a_forged_device_cookie_is_worthless(clock):
    victim = UserFactory()
    attacker = browser(ATTACKER)
    attacker.cookies["login_device"] = "eyJpZCI6ImZvcmdlZCJ9:forged:signature"
    for _ in range(5):
        log_in(attacker, victim.email, "guess")
    assert log_in(attacker, victim.email, "guess").status_code == 429


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (1, "198.51.100.1", "198.51.100.1"),
        # What the client wrote comes first; nginx appends what it saw.
        (1, "10.0.0.1, 198.51.100.1", "198.51.100.1"),
        (2, "10.0.0.1, 198.51.100.1, 172.16.0.5", "198.51.100.1"),
        # Shorter than expected (a request past fewer proxies): the farthest address our proxies wrote.
        (2, "198.51.100.1", "198.51.100.1"),
        (1, "[2001:db8::1]:4711", "2001:db8::1"),
        (1, "198.51.100.1:5555", "198.51.100.1"),
        # Garbage, or no header: the connection's own address.
        (1, "not-an-address", "127.0.0.1"),
        (1, "", "127.0.0.1"),
        (1, "\x00", "127.0.0.1"),
        (0, "198.51.100.1", "127.0.0.1"),
    ],
)
def test_client_address_from_the_proxy_header(rf, settings, count, forwarded, expected):
    settings.PORTAL_TRUSTED_PROXY_COUNT = count
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_client_address_from_a_header_the_proxy_overwrites(rf, settings):
    settings.PORTAL_CLIENT_IP_HEADER = "X-Real-IP"
    request = rf.get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_REAL_IP="198.51.100.3", HTTP_X_FORWARDED_FOR="1.2.3.4"
    )
    assert client_ip(request) == "198.51.100.3"


def test_a_short_or_broken_header_never_answers_500(settings):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 3
    member = UserFactory()
    for forwarded in ("198.51.100.1", "", "x, y", ","):
        response = browser(forwarded).post(url("account_login"), {"login": member.email, "password": "guess"})
        assert response.status_code == 200, forwarded


def test_every_429_says_when_to_come_back():
    """allauth's own limits (here: sign-up, twenty a minute from one address) carry Retry-After too."""
    client = browser(ATTACKER)
    statuses = []
    for number in range(21):
        response = client.post(url("account_signup"), {"email": f"bot{number}@example.org"})
        statuses.append(response.status_code)
    assert statuses[-1] == 429
    assert response["Retry-After"] == "60"
    assert "Too many attempts" in response.content.decode()
    # Another address signs up as usual.
    assert browser("198.51.100.80").get(url("account_signup")).status_code == 200


def test_ended_sessions_and_expired_counts_leave_the_database(settings, client):
    """The daily job "Delete ended sessions and expired login counts": Django would keep both rows."""
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": settings.PORTAL_CACHE_TABLE,
            "OPTIONS": {"MAX_ENTRIES": 50_000, "CULL_FREQUENCY": 10**12},
        },
    }
    member = UserFactory()
    log_in(client, member.email, "wrong password")  # a count for the account and one for the address
    client.force_login(member)
    Session.objects.create(session_key="x" * 32, session_data="", expire_date=timezone.now() - timedelta(1))

    def rows():
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {settings.PORTAL_CACHE_TABLE}")  # noqa: S608
            return cursor.fetchone()[0], Session.objects.count()

    counts, sessions = rows()
    assert counts >= 2 and sessions == 2
    assert services.login_data_purge() == 1  # the ended session; the counts still count
    assert rows() == (counts, 1)
    # A day later the counts have leaked away (one failure: an hour for the account, three minutes for the
    # address), and they leave the table; the member's two-week session stays.
    assert services.login_data_purge(now=timezone.now() + timedelta(days=1)) == counts
    assert rows() == (0, 1)
    assert client.get(url("accounts:my-page")).status_code == 200


def test_the_workers_run_the_job_daily():
    job = Schedule.objects.get(name="Delete ended sessions and expired login counts")
    assert (job.func, job.minutes) == ("accounts.tasks.login_data_purge", 24 * 60)
