"""The Content-Security-Policy breaks nothing: no violation in Chromium on public, member or admin pages."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import override

from accounts.tests.factories import PASSWORD, UserFactory
from events.models import Event
from programs.models import City, Program

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(transactional_db):
    call_command("load_seed", verbosity=0)


@pytest.fixture
def violations(page):
    """Every CSP violation Chromium reports on ``page``, as console text."""
    found = []

    def on_console(message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            found.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    return found


def _visit(page, url, status=200):
    response = page.goto(url)
    assert response is not None and response.status == status, url
    page.wait_for_load_state("load")
    return response


def _log_in(page, live_server, path, fields):
    _visit(page, live_server.url + path)
    for name, value in fields.items():
        page.fill(f'[name="{name}"]', value)
    page.locator('form [type="submit"]').last.click()
    page.wait_for_load_state("load")


def test_public_pages_have_no_csp_violations(live_server, page, seeded, violations):
    program = Program.objects.published().first()
    event = Event.objects.published().first()
    city = City.objects.published().first()
    for language in ("ko", "en", "zh-hans"):
        for path in [
            "/",
            "/programs/",
            f"/categories/{program.category.slug}/",
            f"/programs/{program.slug}/",
            "/events/",
            f"/events/{event.slug}/",
            "/cities/",
            f"/cities/{city.slug}/",
            "/accounts/login/",
            "/accounts/signup/",
            "/search/?q=exchange",
        ]:
            response = _visit(page, f"{live_server.url}/{language}{path}")
            assert "content-security-policy" in response.headers
        _visit(page, f"{live_server.url}/{language}/no-such-page/", status=404)
    # The text-size control and the language switcher, with the site's own script.
    _visit(page, f"{live_server.url}/en/")
    page.locator('[data-text-size="larger"]').first.click()
    page.wait_for_function("document.documentElement.classList.contains('text-large')")
    assert violations == []


def test_member_pages_have_no_csp_violations(live_server, page, seeded, violations):
    member = UserFactory()
    _log_in(page, live_server, "/en/accounts/login/", {"login": member.email, "password": PASSWORD})
    for name in ["accounts:my-page", "accounts:profile", "accounts:consents", "account_email"]:
        with override("en"):
            _visit(page, live_server.url + reverse(name))
    assert violations == []


def _admin_links(page, live_server) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    links = []
    for href in hrefs:
        path = href.split("#")[0]
        if not path.startswith("/en/admin/") or any(word in path for word in _ADMIN_SKIP):
            continue
        links.append(path)
    return links


# Leaving, downloads and pop-ups are not pages to check.
_ADMIN_SKIP = ("logout", "_popup", "export", ".csv", "/r/")


def test_admin_pages_have_no_csp_violations(live_server, page, seeded, violations):
    from registrations.tests.factories import RegistrationFactory

    event = Event.objects.published().first()
    RegistrationFactory.create_batch(3, event=event)
    staff = UserFactory(is_staff=True, is_superuser=True)
    _log_in(page, live_server, "/en/admin/login/", {"username": staff.email, "password": PASSWORD})
    assert "/admin/login/" not in page.url
    # Every admin page two clicks from the index (lists, change and add forms), history and delete pages.
    program = Program.objects.first()
    seen = set()
    queue = [
        "/en/admin/",
        f"/en/admin/programs/program/{program.pk}/history/",
        f"/en/admin/programs/program/{program.pk}/delete/",
        f"/en/admin/events/event/{event.pk}/delete/",
    ]
    for depth in range(3):
        next_queue = []
        for path in queue:
            if path in seen or len(seen) >= 120:
                continue
            seen.add(path)
            _visit(page, live_server.url + path)
            if depth < 2:
                next_queue += _admin_links(page, live_server)
        queue = next_queue
    assert len(seen) > 20
    # The language tabs of the translated fields work (their script runs).
    _visit(page, f"{live_server.url}/en/admin/programs/program/{program.pk}/change/")
    tabs = page.locator('[role="tab"]')
    if tabs.count():
        tabs.nth(1).click()
    _visit(page, live_server.url + "/ko/admin/programs/program/")
    assert violations == [], sorted(seen)
