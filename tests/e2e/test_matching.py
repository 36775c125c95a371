"""Matching in a real browser, in Korean and in Chinese: a member offers to host and later sees the guest
staff placed with them; an organisation files a consulting request and sees it matched. axe-clean pages."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import timezone

from accounts.tests.factories import PASSWORD, UserFactory
from accounts.tests.staff import PASSWORD as STAFF_PASSWORD
from accounts.tests.staff import make_user
from cooperation import services as cooperation_services
from cooperation.models import Consultation, CooperationRequest, ProposedPartner
from cooperation.tests.factories import PartnerOrganizationFactory
from homestays.models import Assignment, HostOffer
from homestays.tests.factories import DelegationFactory, GuestFactory
from programs.models import City

from .support import axe_violations, log_in, unmarked_foreign_text

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["ko", "zh-hans"]
COORDINATORS = "Exchange coordinators"
TEXT = {
    "ko": {
        "introduction": "해운대 바닷가 근처에 사는 세 식구입니다.",
        "organisation": "해운대 로보틱스",
        "field": "교육용 로봇",
        "description": "동남아시아의 교육용 로봇 유통 파트너를 찾고 있습니다.",
        "times": "평일 오전",
        "approved": "승인",
        "received": "접수",
        "matched": "매칭 완료",
    },
    "zh-hans": {
        "introduction": "我们是住在海云台海边的三口之家。",
        "organisation": "海云台机器人公司",
        "field": "教育机器人",
        "description": "我们正在寻找东南亚的教育机器人经销合作伙伴。",
        "times": "工作日上午",
        "approved": "已批准",
        "received": "已受理",
        "matched": "对接成功",
    },
}


@pytest.fixture
def seeded(transactional_db):
    call_command("load_seed", verbosity=0)


def _watch_csp(page, found: list[str]) -> list[str]:
    """Collect into ``found`` every Content-Security-Policy violation Chromium reports on ``page``."""

    def on_console(message):
        if "Content Security Policy" in message.text:
            found.append(f"{page.url}: {message.text}")

    page.on("console", on_console)
    return found


def _check(page, language, where):
    assert page.locator("html").get_attribute("lang") == language, where
    assert axe_violations(page) == [], where
    assert unmarked_foreign_text(page, language) == [], where


def _coordinator(language):
    """A member of the exchange coordinators. Browser tests empty every table between tests, so the group its
    data migrations made is made again here, with the same permissions."""
    group, _created = Group.objects.get_or_create(name=COORDINATORS)
    for app in ("homestays.migrations.0002_staff_group", "cooperation.migrations.0002_staff_group"):
        for app_label, codename in import_module(app).PERMISSIONS:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
    return make_user("coordinator@example.org", group=COORDINATORS, language=language)


def _admin_log_in(page, base_url, language, email):
    page.goto(f"{base_url}/{language}/admin/")
    page.wait_for_url(f"**/{language}/admin/login/**")
    page.fill('input[name="username"]', email)
    page.fill('input[name="password"]', STAFF_PASSWORD)
    page.locator('#login-form [type="submit"]').click()
    page.wait_for_url(lambda url: url.endswith(f"/{language}/admin/"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_offers_to_host_and_later_sees_the_guest_placed_with_them(
    live_server, browser, page, seeded, mailoutbox, language
):
    base = f"{live_server.url}/{language}"
    text = TEXT[language]
    member = UserFactory(language=language)
    violations = _watch_csp(page, [])
    log_in(page, live_server.url, language, member.email, PASSWORD)

    # The homestay page explains hosting and the consent; the account menu leads there.
    page.goto(f"{base}/my/")
    page.locator(".account-nav a[href$='/my/homestay/']").click()
    page.wait_for_url(f"**/{language}/my/homestay/")
    _check(page, language, "homestay page, no offer")
    page.locator("main a[href$='/my/homestay/offer/']").click()
    page.wait_for_url(f"**/{language}/my/homestay/offer/")
    _check(page, language, "offer form")

    # A first try with a wrong phone number and no consent: refused, announced, nothing typed is lost.
    today = timezone.localdate()
    page.fill('input[name="adults"]', "2")
    page.fill('input[name="children"]', "1")
    page.select_option('select[name="district"]', "haeundae")
    page.fill('input[name="beds"]', "1")
    page.check('input[name="languages"][value="ko"]')
    page.check('input[name="languages"][value="id"]')
    page.check('input[name="diets"][value="halal"]')
    page.fill('input[name="available_from"]', today.isoformat())
    page.fill('input[name="available_until"]', (today + timedelta(days=60)).isoformat())
    page.fill('textarea[name="introduction"]', text["introduction"])
    page.fill('input[name="phone"]', "call me")
    page.locator('main form [type="submit"]').click()
    page.wait_for_load_state("load")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert page.locator('main [aria-invalid="true"]').count() >= 2
    assert page.input_value('textarea[name="introduction"]') == text["introduction"]
    assert page.is_checked('input[name="languages"][value="id"]')
    _check(page, language, "offer form with errors")
    assert not HostOffer.objects.filter(user=member).exists()

    page.fill('input[name="phone"]', "010-1234-5678")
    page.check('input[name="consent"]')
    page.locator('main form [type="submit"]').click()
    page.wait_for_url(f"**/{language}/my/homestay/")
    assert page.locator('.messages [class*="message-success"]').count() == 1
    offer = HostOffer.objects.get(user=member)
    assert offer.status == "submitted" and offer.languages == ["ko", "id"]
    # base.html gives the message list role="status", which axe reads as a list item outside a list: the
    # page is checked without the one-time message.
    page.reload()
    _check(page, language, "homestay page, offer sent")

    # Staff approve the offer and place a guest from Surabaya with the household, in the admin.
    guest = GuestFactory(
        first_name="Budi",
        languages=["id", "en"],
        diet=["halal"],
        delegation=DelegationFactory(
            city=City.objects.get(slug="surabaya"),
            arrives_on=today + timedelta(days=10),
            departs_on=today + timedelta(days=15),
        ),
    )
    coordinator = _coordinator(language)
    staff_context = browser.new_context(viewport={"width": 1280, "height": 900})
    staff = staff_context.new_page()
    _watch_csp(staff, violations)
    _admin_log_in(staff, live_server.url, language, coordinator.email)
    staff.goto(f"{live_server.url}/{language}/admin/homestays/hostoffer/{offer.pk}/review/")
    staff.check('input[name="decision"][value="approved"]')
    staff.locator('#content-main form [type="submit"]').click()
    staff.wait_for_url(f"**/admin/homestays/hostoffer/{offer.pk}/change/")
    offer.refresh_from_db()
    assert offer.status == "approved"

    staff.goto(f"{live_server.url}/{language}/admin/homestays/assignment/add/?guest={guest.pk}")
    staff.locator(f".host-options a[href*='host={offer.pk}']").click()
    staff.wait_for_load_state("load")
    assert staff.input_value('select[name="host"]') == str(offer.pk)
    staff.locator('input[name="_save"]').click()
    staff.wait_for_url(f"**/{language}/admin/homestays/assignment/")
    assignment = Assignment.objects.get(guest=guest)
    assert assignment.host == offer and assignment.override_reason == ""
    staff_context.close()
    to_host = [m for m in mailoutbox if m.to == [member.email]]
    assert len(to_host) == 3  # received, approved, guest placed
    assert f"/{language}/my/homestay/" in to_host[-1].body and "Budi" in to_host[-1].body

    # The host sees the guest: first name, age, languages, diet and dates; not the family name.
    page.goto(f"{base}/my/homestay/")
    card = page.locator(".guest-card")
    assert card.count() == 1
    assert card.locator(".guest-name").inner_text() == "Budi"
    assert guest.family_name not in page.locator("main").inner_text()
    assert text["approved"] in page.locator(".host-status .status").inner_text()
    _check(page, language, "homestay page with a guest")
    assert violations == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_organisation_files_a_consulting_request_and_sees_it_matched(
    live_server, browser, page, seeded, mailoutbox, language
):
    base = f"{live_server.url}/{language}"
    text = TEXT[language]
    member = UserFactory(language=language)
    violations = _watch_csp(page, [])

    # Visitors read about the service, and log in from there to file a request.
    page.goto(f"{base}/cooperation/")
    _check(page, language, "service page, visitor")
    page.locator(".detail-aside a[href*='/accounts/login/']").click()
    page.wait_for_url(f"**/{language}/accounts/login/**")
    page.fill('input[name="login"]', member.email)
    page.fill('input[name="password"]', PASSWORD)
    page.locator('main form [type="submit"]').click()
    page.wait_for_url(f"**/{language}/cooperation/request/")
    page.reload()  # without the "logged in" message (see above)
    _check(page, language, "request form")

    surabaya = City.objects.get(slug="surabaya")
    page.fill('input[name="organization_name"]', text["organisation"])
    page.check('input[name="organization_type"][value="company"]')
    page.fill('input[name="field"]', text["field"])
    page.select_option('select[name="size"]', "10-49")
    page.select_option('select[name="city_sought"]', str(surabaya.pk))
    page.check('input[name="kind"][value="trade"]')
    page.fill('textarea[name="description"]', text["description"])
    page.fill('textarea[name="preferred_times"]', text["times"])
    page.check('input[name="preferred_mode"][value="online"]')
    assert page.input_value('input[name="contact_email"]') == member.email
    assert not page.locator('input[name="fax"]').is_visible()
    page.check('input[name="consent"]')
    # The consent to be introduced to partners abroad is separate: without it the request is not taken.
    page.locator('main form [type="submit"]').click()
    page.wait_for_load_state()
    summary = page.locator(".error-summary")
    assert summary.locator('a[href="#id_provision_consent"]').count() == 1
    assert page.is_checked('input[name="consent"]') and not page.is_checked('input[name="provision_consent"]')
    assert page.input_value('input[name="organization_name"]') == text["organisation"]
    assert not CooperationRequest.objects.exists()
    _check(page, language, "request form, provision consent missing")
    page.check('input[name="provision_consent"]')
    page.locator('main form [type="submit"]').click()
    page.wait_for_url(f"**/{language}/my/cooperation/*/")
    request = CooperationRequest.objects.get(user=member)
    assert request.city_sought == surabaya and request.language == language
    assert text["received"] in page.locator(".status-box .status").inner_text()
    assert page.locator('.messages [class*="message-success"]').count() == 1
    page.reload()
    _check(page, language, "request page, received")

    # The consultant takes it, consults, proposes a partner, then records the match in the admin.
    coordinator = _coordinator(language)
    partner = PartnerOrganizationFactory(city=surabaya)
    cooperation_services.consultation_save(
        consultation=Consultation(request=request, held_at=timezone.now(), mode="online"), by=coordinator
    )
    proposal = cooperation_services.proposal_save(
        proposal=ProposedPartner(request=request, partner=partner), by=coordinator
    )
    cooperation_services.request_transition(request=request, state="match_proposed", by=coordinator)
    page.reload()
    assert page.locator(".partner-card").count() == 1
    _check(page, language, "request page, partners proposed")

    staff_context = browser.new_context(viewport={"width": 1280, "height": 900})
    staff = staff_context.new_page()
    _watch_csp(staff, violations)
    _admin_log_in(staff, live_server.url, language, coordinator.email)
    staff.goto(f"{live_server.url}/{language}/admin/cooperation/cooperationrequest/{request.pk}/change/")
    staff.goto(f"{live_server.url}/{language}/admin/cooperation/cooperationrequest/{request.pk}/transition/")
    staff.check('input[name="state"][value="matched"]')
    staff.check(f'input[name="matched"][value="{proposal.pk}"]')
    staff.locator('#content-main form [type="submit"]').click()
    staff.wait_for_url(f"**/admin/cooperation/cooperationrequest/{request.pk}/change/")
    staff_context.close()
    request.refresh_from_db()
    assert request.state == "matched"

    # The requester sees the match, and has had an email at each step, in their language.
    page.reload()
    assert text["matched"] in page.locator(".status-box .status").inner_text()
    partner_name = getattr(partner, f"name_{language.replace('-', '_')}")
    assert page.locator(".partner-matched h3").inner_text() == partner_name
    _check(page, language, "request page, matched")
    to_member = [m for m in mailoutbox if m.to == [member.email]]
    assert len(to_member) == 4  # received, in consultation, partners proposed, matched
    assert all(f"/{language}/my/cooperation/{request.pk}/" in m.body for m in to_member)
    assert partner_name in to_member[-1].body

    page.goto(f"{base}/my/cooperation/")
    assert page.locator(".registration-item").count() == 1
    _check(page, language, "my cooperation requests")
    assert violations == []
