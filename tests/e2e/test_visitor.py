"""A visitor in a real browser: reading, switching language, keyboard, text size, phones, accessibility."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from programs.models import Program

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["ko", "en", "zh-hans"]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


@pytest.fixture
def seeded(transactional_db):
    call_command("load_seed", verbosity=0)


def public_paths(language):
    program = Program.objects.get(slug="youth-exchanges")
    return [
        f"/{language}/",
        f"/{language}/programs/",
        f"/{language}/categories/{program.category.slug}/",
        f"/{language}/programs/{program.slug}/",
        f"/{language}/events/",
        f"/{language}/events/past/",
        f"/{language}/events/world-peace-forum-2021/",
        f"/{language}/cities/",
        f"/{language}/cities/surabaya/",
        f"/{language}/no-such-page/",
    ]


def axe_violations(page):
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    return [
        f"{v['id']}: {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_accessibility_violations_on_public_pages(live_server, page, seeded, language):
    for path in public_paths(language):
        page.goto(live_server.url + path)
        assert page.locator("html").get_attribute("lang") == language
        assert axe_violations(page) == [], path


@pytest.mark.parametrize("language", LANGUAGES)
def test_visitor_reads_home_opens_program_and_switches_language(live_server, page, seeded, language):
    program = Program.objects.get(slug="youth-exchanges")
    page.goto(f"{live_server.url}/{language}/")
    title = getattr(program, f"title_{language.replace('-', '_')}")
    page.get_by_role("link", name=title, exact=True).first.click()
    page.wait_for_url(f"**/{language}/programs/youth-exchanges/")
    assert page.locator("h1").inner_text() == title
    for other in LANGUAGES:
        if other == language:
            continue
        name = {"ko": "한국어", "en": "English", "zh-hans": "简体中文"}[other]
        page.locator(".language-switcher").get_by_role("link", name=name).click()
        page.wait_for_url(f"**/{other}/programs/youth-exchanges/")
        assert page.locator("h1").inner_text() == getattr(program, f"title_{other.replace('-', '_')}")
        assert page.locator("html").get_attribute("lang") == other


def test_skip_link_is_first_and_moves_focus_to_content(live_server, page, seeded):
    page.goto(live_server.url + "/en/programs/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#content"
    assert page.evaluate("document.activeElement.getBoundingClientRect().top >= 0")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"
    # The next Tab lands inside the content, not back in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("document.getElementById('content').contains(document.activeElement)")


def test_every_interactive_element_is_reachable_with_a_visible_focus_style(live_server, page, seeded):
    page.goto(live_server.url + "/en/")
    # Number every visible control, then walk the page with Tab and note which ones receive focus.
    expected = page.evaluate(
        """() => {
            const controls = 'a[href], button, input, select, textarea, summary';
            const all = Array.from(document.querySelectorAll(controls));
            const shown = all.filter(el => el.closest('.skip-links') || el.getClientRects().length > 0);
            shown.forEach((el, i) => el.setAttribute('data-focus-id', String(i)));
            return shown.length;
        }"""
    )
    reached = set()
    for _ in range(expected + 5):
        page.keyboard.press("Tab")
        info = page.evaluate(
            """() => {
                const el = document.activeElement;
                // A card's link draws its focus ring around the whole card (:focus-within).
                const ringed = el.closest('.card') || el;
                const style = getComputedStyle(ringed);
                return {id: el.getAttribute('data-focus-id'), html: el.outerHTML.slice(0, 120),
                        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2};
            }"""
        )
        if info["id"] is None:
            break
        assert info["outline"], f"no visible focus style on {info['html']}"
        reached.add(info["id"])
    assert reached == {str(i) for i in range(expected)}


def test_text_size_control_changes_size_and_survives_navigation(live_server, page, seeded):
    page.goto(live_server.url + "/en/")
    base = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    page.get_by_role("link", name="Larger").click()
    larger = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert larger > base
    page.get_by_role("link", name="Programs", exact=True).first.click()
    page.wait_for_url("**/en/programs/")
    after = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert after > 16
    page.get_by_role("link", name="Smaller").click()
    page.get_by_role("link", name="Smaller").click()
    smaller = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert smaller < 16


def test_text_size_control_works_without_javascript(live_server, browser, seeded):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/ko/programs/")
    page.get_by_role("link", name=re.compile("크게|Larger")).click()
    page.wait_for_url("**/ko/programs/")
    assert "text-large" in page.locator("html").get_attribute("class")
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_phone_width_has_no_horizontal_scroll_and_usable_navigation(live_server, phone, seeded, language):
    for path in public_paths(language):
        phone.goto(live_server.url + path)
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
    phone.goto(f"{live_server.url}/{language}/")
    nav = phone.locator(".main-nav a").first
    assert nav.is_visible()
    box = nav.bounding_box()
    assert box["height"] >= 24 and box["x"] >= 0 and box["x"] + box["width"] <= 360
    nav.click()
    phone.wait_for_url(f"**/{language}/programs/")
