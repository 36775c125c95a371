"""Screenshots of the main pages at desktop and phone width in each language, and checks of how they look.

The pictures go to ``test-artifacts/screenshots/`` (not committed), named ``<page>-<width>-<language>.png``.
"""

import re

import pytest
from django.core.management import call_command

from accounts.tests.factories import PASSWORD, UserFactory
from events.models import Event
from programs.models import Program
from registrations.models import Registration

from .support import LANGUAGES, log_in, privacy_policy_restore, unmarked_foreign_text

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PROGRAM = "youth-exchanges"
OTHER_PROGRAM = "un-week"
EVENT = "world-peace-forum-2021"
# The event's start date as each language writes it (Django's DATE_FORMAT for the language).
EVENT_DATE = {
    "ko": re.compile(r"^2021년 10월 27일$"),
    "en": re.compile(r"^Oct\. 27, 2021$"),
    "zh-hans": re.compile(r"^2021年10月27日$"),
}

# The event's times on its own page: the marker before the time in Korean, 至 in Chinese, the time zone named.
EVENT_WHEN = {
    "ko": "2021년 10월 27일 오전 10:00 ~ 오후 6:00 (한국 시간)",
    "en": "Oct. 27, 2021, 10 a.m. – 6 p.m. KST",
    "zh-hans": "2021年10月27日 10:00至18:00（韩国时间）",
}

# Anything in the page sticking out past the right edge of the window, or text cut off inside its box.
_LAYOUT_PROBLEMS = """
() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    for (const el of document.querySelectorAll("body *")) {
        if (el.closest(".visually-hidden, .skip-links")) continue;
        const rect = el.getBoundingClientRect();
        if (rect.width === 0 || rect.height === 0) continue;
        if (rect.right > width + 1) problems.push(`sticks out: ${el.tagName.toLowerCase()}.${el.className}`);
        const style = getComputedStyle(el);
        if (["hidden", "clip"].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1
                && !el.matches("img, .card")) {
            problems.push(`text cut off: ${el.tagName.toLowerCase()}.${el.className}`);
        }
    }
    return problems.slice(0, 5);
}
"""


@pytest.fixture
def seeded(transactional_db):
    call_command("load_seed", verbosity=0)
    privacy_policy_restore()


def _shoot(page, path: str, artifacts_dir, name: str, language: str) -> None:
    page.goto(path)
    page.wait_for_load_state("load")
    # Every page wears the official banner at the very top and the full footer.
    assert page.locator(".gov-banner").bounding_box()["y"] == 0, name
    assert page.locator("footer .footer-privacy strong").is_visible(), name
    assert page.evaluate(_LAYOUT_PROBLEMS) == [], f"{name}: {page.url}"
    assert unmarked_foreign_text(page, language) == [], f"{name}: {page.url}"
    page.screenshot(path=str(artifacts_dir / f"{name}.png"), full_page=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_screenshots_of_the_main_pages(live_server, page, phone, seeded, artifacts_dir, language):
    member = UserFactory(language=language, name="Kim Minji")
    Registration.objects.create(
        user=member,
        program=Program.objects.get(slug=PROGRAM),
        status=Registration.Status.PENDING,
        message="I would like to join the summer exchange.",
    )
    Registration.objects.create(
        user=member, event=Event.objects.get(slug=EVENT), status=Registration.Status.CONFIRMED
    )
    base = f"{live_server.url}/{language}"
    visitor_pages = [
        ("home", f"{base}/"),
        ("program", f"{base}/programs/{PROGRAM}/"),
        ("event", f"{base}/events/{EVENT}/"),
        ("signup", f"{base}/accounts/signup/"),
        ("privacy", f"{base}/privacy/"),
        ("login", f"{base}/accounts/login/"),
    ]
    # Logged in: the member page, and a program's registration box with its form.
    member_pages = [
        ("my-page", f"{base}/my/"),
        ("program-member", f"{base}/programs/{OTHER_PROGRAM}/"),
    ]
    for width, browser_page in (("desktop", page), ("mobile", phone)):
        for name, url in visitor_pages:
            _shoot(browser_page, url, artifacts_dir, f"{name}-{width}-{language}", language)
        log_in(browser_page, live_server.url, language, member.email, PASSWORD)
        for name, url in member_pages:
            _shoot(browser_page, url, artifacts_dir, f"{name}-{width}-{language}", language)
        # This program lists no facts: the registration box opens its aside, with nothing empty above it.
        aside = browser_page.locator(".detail-aside").bounding_box()
        heading = browser_page.locator("#registration-box-heading").bounding_box()
        assert heading["y"] - aside["y"] < 48
        assert browser_page.locator(".detail-aside textarea").is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_event_dates_read_in_the_language_of_the_page(live_server, page, seeded, language):
    page.goto(f"{live_server.url}/{language}/events/{EVENT}/")
    dates = page.locator(".detail-aside .facts time")
    assert dates.first.get_attribute("datetime") == "2021-10-27T10:00:00+09:00"
    # The event's own page gives the times of day, in Korean time, and says so.
    assert page.locator(".detail-aside .event-when").inner_text().strip() == EVENT_WHEN[language]
    page.goto(f"{live_server.url}/{language}/events/")
    card_date = page.locator(f'a[href$="/events/{EVENT}/"]').first.locator(
        "xpath=ancestor::*[self::li or self::article][1]"
    )
    assert EVENT_DATE[language].match(card_date.locator("time").first.inner_text().strip())


def test_print_layout_of_a_program_page(live_server, page, seeded, artifacts_dir):
    page.emulate_media(media="print")
    page.goto(f"{live_server.url}/en/programs/{PROGRAM}/")
    # Navigation and controls are left out; the content and its facts are kept, in one column.
    for selector in (".utility-bar", ".main-nav", ".site-search", ".breadcrumbs", ".registration-box"):
        assert not page.locator(selector).first.is_visible(), selector
    assert page.locator("h1").is_visible()
    assert page.locator(".detail-aside .facts").is_visible()
    main = page.locator(".detail-main").bounding_box()
    aside = page.locator(".detail-aside").bounding_box()
    assert aside["y"] >= main["y"] + main["height"] - 1
    page.screenshot(path=str(artifacts_dir / "program-print-en.png"), full_page=True)
