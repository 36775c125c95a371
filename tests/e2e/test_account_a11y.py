"""Account pages in a real browser: no axe-core violations, fields labelled, errors announced and tied."""

import pytest
from django.core.management import call_command

from accounts.tests.factories import PASSWORD, UserFactory
from programs.models import Program
from registrations.models import Registration

from .support import LANGUAGES, axe_violations, log_in, unmarked_foreign_text

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ANONYMOUS_PATHS = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/confirm-email/",
    "/search/",
    "/search/?q=zzzzqqq",
]
# A word that finds something on the search page, in each language.
SEARCH_WORD = {"ko": "부산", "en": "Busan", "zh-hans": "釜山"}
MEMBER_PATHS = [
    "/my/",
    "/my/profile/",
    "/my/consents/",
    "/my/delete/",
    "/accounts/email/",
    "/accounts/reauthenticate/",
    "/accounts/password/change/",
]

# Every field is labelled, and a field in error says so and points at its error message.
_FORM_PROBLEMS = """
() => {
    const problems = [];
    const fields = document.querySelectorAll(
        "main input:not([type=hidden]):not([type=submit]), main select, main textarea");
    for (const field of fields) {
        const name = field.getAttribute("name") || field.id;
        if (!field.labels || field.labels.length === 0) {
            if (!field.getAttribute("aria-label") && !field.getAttribute("aria-labelledby")) {
                problems.push(`${name}: no label`);
            }
        }
        if (field.getAttribute("aria-invalid") === "true") {
            const ids = (field.getAttribute("aria-describedby") || "").split(/\\s+/).filter(Boolean);
            const described = ids.map(id => document.getElementById(id)).filter(Boolean);
            const isError = el => el.matches(".errorlist, .errorlist *") || el.querySelector(".errorlist");
            if (!described.some(isError)) {
                problems.push(`${name}: aria-invalid but no error in aria-describedby`);
            }
        }
    }
    for (const list of document.querySelectorAll("main .errorlist")) {
        const inAlert = list.closest('[role="alert"], [aria-live]');
        const field = list.id && document.querySelector(`[aria-describedby~="${list.id}"]`);
        if (!inAlert && !field) problems.push(`error not announced: ${list.textContent.trim().slice(0, 60)}`);
    }
    return problems;
}
"""


@pytest.fixture
def seeded(transactional_db):
    call_command("load_seed", verbosity=0)


def _check(page, language, path):
    assert page.locator("html").get_attribute("lang") == language, path
    assert axe_violations(page) == [], path
    assert page.evaluate(_FORM_PROBLEMS) == [], path
    assert unmarked_foreign_text(page, language) == [], path


@pytest.mark.parametrize("language", LANGUAGES)
def test_account_pages_have_no_accessibility_violations(live_server, page, seeded, language):
    base = f"{live_server.url}/{language}"
    for path in ANONYMOUS_PATHS:
        response = page.goto(base + path)
        assert response.status == 200, path
        _check(page, language, path)
    page.goto(f"{base}/search/?q={SEARCH_WORD[language]}")
    assert page.locator(".search-result").count() > 0
    _check(page, language, "/search/ (with results)")

    member = UserFactory(language=language)
    registration = Registration.objects.create(
        user=member, program=Program.objects.get(slug="youth-exchanges"), status=Registration.Status.PENDING
    )
    log_in(page, live_server.url, language, member.email, PASSWORD)
    registration_paths = [
        "/programs/youth-exchanges/",
        "/programs/un-week/interest/",
        f"/registrations/{registration.pk}/withdraw/",
    ]
    for path in MEMBER_PATHS + registration_paths:
        response = page.goto(base + path)
        assert response.status == 200, path
        _check(page, language, path)

    # Member forms sent back with errors: announced, focused, tied to the fields.
    for path, fields, submit in [
        ("/accounts/email/", {"email": member.email}, 'button[name="action_add"]'),
        (
            "/accounts/password/change/",
            {"oldpassword": "wrong", "password1": PASSWORD + "1", "password2": PASSWORD + "2"},
            None,
        ),
        ("/my/delete/", {"password": "wrong"}, None),
    ]:
        page.goto(base + path)
        for name, value in fields.items():
            page.fill(f'main [name="{name}"]', value)
        page.locator(submit or 'main form [type="submit"]').last.click()
        page.wait_for_load_state("load")
        assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')"), path
        assert page.locator('main [aria-invalid="true"]').count() >= 1, path
        _check(page, language, f"{path} (with errors)")


@pytest.mark.parametrize("language", LANGUAGES)
def test_signup_errors_are_announced_and_tied_to_their_fields(live_server, page, artifacts_dir, language):
    page.goto(f"{live_server.url}/{language}/accounts/signup/")
    page.fill('input[name="email"]', "not-an-email")
    page.fill('input[name="name"]', "Kim Minji")
    page.fill('input[name="password1"]', PASSWORD)
    page.fill('input[name="password2"]', PASSWORD + "?")
    page.fill('input[name="phone"]', "010-1234-5678")
    page.locator('main form [type="submit"]').click()
    page.wait_for_load_state("load")
    assert "/accounts/signup/" in page.url

    # Nothing typed is lost, except the passwords.
    assert page.input_value('input[name="email"]') == "not-an-email"
    assert page.input_value('input[name="name"]') == "Kim Minji"
    assert page.input_value('input[name="phone"]') == "010-1234-5678"
    # The fields in error: marked invalid and described by their message.
    for name in ("email", "password2", "consent_required", "phone"):
        field = page.locator(f'[name="{name}"]')
        assert field.get_attribute("aria-invalid") == "true", name
        described = (field.get_attribute("aria-describedby") or "").split()
        assert any(page.locator(f"#{id_} .errorlist, .errorlist#{id_}").count() for id_ in described), name
    # A summary at the top is announced, and leads to the fields.
    summary = page.locator('main [role="alert"]').first
    assert summary.is_visible()
    assert summary.locator('a[href="#id_email"]').count() == 1
    # Keyboard focus is on the summary, so a screen reader reads it first.
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    _check(page, language, "/accounts/signup/ (with errors)")
    page.screenshot(path=str(artifacts_dir / f"signup-errors-desktop-{language}.png"), full_page=True)


@pytest.mark.parametrize("language", LANGUAGES)
def test_login_errors_are_announced(live_server, page, language):
    page.goto(f"{live_server.url}/{language}/accounts/login/")
    page.fill('input[name="login"]', "nobody@example.org")
    page.fill('input[name="password"]', "wrong-password")
    page.locator('main form [type="submit"]').click()
    page.wait_for_load_state("load")
    assert page.locator('main [role="alert"]').first.is_visible()
    assert page.input_value('input[name="login"]') == "nobody@example.org"
    _check(page, language, "/accounts/login/ (with errors)")


# Django 5.2 has no Simplified Chinese for its password-length message; the project catalogue supplies it
# (busan_exchange/i18n_extra.py), so a Chinese page never falls back to another language for it.
def test_password_errors_on_a_chinese_page_are_not_in_korean(live_server, page):
    page.goto(f"{live_server.url}/zh-hans/accounts/signup/")
    page.fill('input[name="password1"]', "short")
    page.fill('input[name="password2"]', "short")
    page.locator('main form [type="submit"]').click()
    page.wait_for_load_state("load")
    assert page.locator('[aria-invalid="true"][name="password1"]').count() == 1
    assert unmarked_foreign_text(page, "zh-hans") == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_refusal_pages_are_accessible_and_say_what_to_do(live_server, page, seeded, language):
    base = f"{live_server.url}/{language}"
    response = page.goto(f"{base}/search/?q=a%00b")
    assert response.status == 400
    _check(page, language, "400")

    member = UserFactory(language=language)
    for _ in range(6):
        page.goto(f"{base}/accounts/login/")
        page.fill('input[name="login"]', member.email)
        page.fill('input[name="password"]', "not the password")
        with page.expect_navigation() as navigation:
            page.locator('main form [type="submit"]').click()
    assert navigation.value.status == 429
    assert navigation.value.headers["retry-after"] == "60"
    _check(page, language, "429")
    # The way out it offers works: a new password by email.
    page.locator("main a[href$='/accounts/password/reset/']").click()
    page.wait_for_url(f"**/{language}/accounts/password/reset/")
