"""Staff change a program's Chinese title in the admin; visitors see it on the Chinese page at once."""

import pytest
from django.core.management import call_command

from accounts.tests.factories import PASSWORD, UserFactory
from programs.models import Program

from .support import LANGUAGES

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded(transactional_db):
    call_command("load_seed", verbosity=0)


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_change_the_chinese_title_and_visitors_see_it(live_server, browser, page, seeded, language):
    program = Program.objects.get(slug="youth-exchanges")
    old_title = program.title_zh_hans
    new_title = f"青少年国际交流（{language}）"
    chinese_page = f"{live_server.url}/zh-hans/programs/{program.slug}/"

    # A visitor reads the Chinese page first, so it may sit in the page cache.
    visitor = browser.new_context(viewport={"width": 1280, "height": 900})
    reader = visitor.new_page()
    reader.goto(chinese_page)
    assert reader.locator("h1").inner_text() == old_title

    # Staff log into the admin in their language.
    staff = UserFactory(is_staff=True, is_superuser=True, language=language)
    page.goto(f"{live_server.url}/{language}/admin/")
    page.wait_for_url(f"**/{language}/admin/login/**")
    page.fill('input[name="username"]', staff.email)
    page.fill('input[name="password"]', PASSWORD)
    page.locator('#login-form [type="submit"]').click()
    page.wait_for_url(f"**/{language}/admin/")

    # The program's change form: the Chinese title sits behind its language tab.
    page.goto(f"{live_server.url}/{language}/admin/programs/program/{program.pk}/change/")
    field = page.locator("#id_title_zh_hans")
    if not field.is_visible():
        tab = page.locator('[role="tab"][aria-controls]').filter(has_text="zh")
        if not tab.count():
            tab = page.get_by_role("tab", name="简体中文")
        tab.first.click()
    assert field.is_visible()
    assert field.input_value() == old_title
    field.fill(new_title)
    page.locator('input[name="_save"]').last.click()
    page.wait_for_url(f"**/{language}/admin/programs/program/")
    assert page.locator(".messagelist .success").count() == 1
    program.refresh_from_db()
    assert program.title_zh_hans == new_title

    # The server's page cache was emptied on save: the visitor reloading the page sees the new title at once
    # (a browser may reuse its own copy for the page's short max-age until then), and so does a new visitor.
    reader.reload()
    assert reader.locator("h1").inner_text() == new_title
    visitor.close()
    visitor = browser.new_context(viewport={"width": 1280, "height": 900})
    reader = visitor.new_page()
    reader.goto(chinese_page)
    assert reader.locator("h1").inner_text() == new_title
    reader.goto(f"{live_server.url}/zh-hans/programs/")
    assert reader.get_by_role("link", name=new_title, exact=True).count() >= 1
    reader.goto(f"{live_server.url}/en/programs/{program.slug}/")
    assert reader.locator("h1").inner_text() == program.title_en
    visitor.close()
