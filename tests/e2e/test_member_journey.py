"""A visitor becomes a member and registers interest, in a real browser, in each of the three languages."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

from accounts.models import User
from programs.models import Program
from registrations.models import Registration

from .support import LANGUAGES, field_suffix, log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "Gwangalli-bridge-2026!"


@pytest.fixture
def seeded(transactional_db):
    call_command("load_seed", verbosity=0)


def _confirmation_path(mailoutbox, email: str) -> str:
    (message,) = [m for m in mailoutbox if email in m.to]
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", message.body).group(0)
    return urlsplit(link).path


@pytest.mark.parametrize("language", LANGUAGES)
def test_visitor_signs_up_verifies_logs_in_registers_and_withdraws(
    live_server, page, seeded, mailoutbox, language
):
    base = f"{live_server.url}/{language}"
    email = f"minji.{field_suffix(language)}@example.org"
    program = Program.objects.get(slug="youth-exchanges")
    title = getattr(program, f"title_{field_suffix(language)}")

    # Sign up from the header link.
    page.goto(f"{base}/")
    page.locator(".account-links a[href*='/accounts/signup/']").click()
    page.wait_for_url(f"**/{language}/accounts/signup/")
    page.fill('input[name="email"]', email)
    page.fill('input[name="name"]', "Kim Minji")
    assert page.input_value('select[name="language"]') == language
    page.fill('input[name="password1"]', PASSWORD)
    page.fill('input[name="password2"]', PASSWORD)
    page.check('input[name="consent_required"]')
    page.locator('main form [type="submit"]').click()
    page.wait_for_url(f"**/{language}/accounts/confirm-email/")
    member = User.objects.get(email=email)
    assert member.language == language and member.name == "Kim Minji"

    # The verification link from the mail, in the member's language.
    path = _confirmation_path(mailoutbox, email)
    assert path.startswith(f"/{language}/accounts/confirm-email/")
    page.goto(live_server.url + path)
    page.locator('main form [type="submit"]').click()
    page.wait_for_url(lambda url: "/accounts/confirm-email/" not in url)
    assert member.emailaddress_set.get(email=email).verified
    # Confirming in the browser that signed up logs the member in, with a welcome.
    assert page.locator(".account-links a[href$='/my/']").is_visible()
    assert page.locator('.messages [class*="message-success"]').count() >= 1

    # Open the program, register interest in the box beside it.
    page.goto(f"{base}/programs/{program.slug}/")
    box = page.locator("aside .registration-box")
    box.locator("textarea").fill("I would like to join the summer exchange.")
    box.locator('[type="submit"]').click()
    page.wait_for_url(f"**/{language}/programs/{program.slug}/")
    assert page.locator('.messages [class*="message-success"]').count() == 1
    assert box.locator(".registration-status .status").is_visible()
    registration = Registration.objects.get(user=member, program=program)
    assert registration.status != Registration.Status.CANCELLED

    # The member page lists it; withdraw it from there.
    page.locator(".account-links a[href$='/my/']").click()
    page.wait_for_url(f"**/{language}/my/")
    item = page.locator(".registration-item").filter(has=page.get_by_role("link", name=title, exact=True))
    assert item.count() == 1
    assert "join the summer exchange" in item.inner_text()
    # Withdrawing asks first; keeping the registration changes nothing.
    item.locator("a.button").click()
    page.wait_for_url(f"**/{language}/registrations/{registration.pk}/withdraw/**")
    assert title in page.locator("main").inner_text()
    page.locator("main .form-actions a").click()
    page.wait_for_url(f"**/{language}/my/")
    registration.refresh_from_db()
    assert registration.status != Registration.Status.CANCELLED
    item.locator("a.button").click()
    page.wait_for_url(f"**/{language}/registrations/{registration.pk}/withdraw/**")
    mailoutbox.clear()
    page.locator('main form [type="submit"]').click()
    page.wait_for_url(f"**/{language}/my/")
    assert page.locator('.messages [class*="message-success"]').count() == 1
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert page.locator(".registration-item.registration-cancelled").count() == 1
    assert page.locator(".registration-item a.button").count() == 0
    # And a mail says so, in the member's language, linking to the program in that language.
    (withdrawn,) = [m for m in mailoutbox if email in m.to]
    assert f"/{language}/programs/{program.slug}/" in withdrawn.body

    # Back on the program page, the box offers to register again.
    page.goto(f"{base}/programs/{program.slug}/")
    assert box.locator("textarea").is_visible()

    # Logging out and in again goes through the site's own login form.
    page.locator(".account-links button[type='submit']").click()
    page.wait_for_load_state("load")
    log_in(page, live_server.url, language, email, PASSWORD)
    assert page.locator(".account-links a[href$='/my/']").is_visible()
