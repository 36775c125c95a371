"""The public page, the intake form (errors, honeypot, rate limits) and the requester's own pages."""

import json

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import override

from accounts.tests.factories import UserFactory
from cooperation.models import CooperationRequest
from programs.tests.factories import CityFactory

from .factories import CooperationRequestFactory, ProposedPartnerFactory

pytestmark = pytest.mark.django_db

State = CooperationRequest.State


def url(name, *args, lang="en"):
    with override(lang):
        return reverse(name, args=args)


def intake(**changes):
    data = {
        "organization_name": "Busan Ocean Tech",
        "organization_type": "company",
        "field": "Marine technology",
        "size": "10-49",
        "website": "oceantech.example.org",
        "contact_name": "Lee Minho",
        "contact_position": "",
        "contact_email": "minho@example.org",
        "contact_phone": "",
        "city_sought": "",
        "country_sought": "Viet Nam",
        "kind": "trade",
        "kind_other": "",
        "description": "We seek a partner for fish farming sensors.",
        "preferred_times": "Tuesday afternoons",
        "preferred_mode": "online",
        "consent": "on",
        "provision_consent": "on",
        "fax": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize(
    ("lang", "title", "origin"),
    [
        ("ko", "국제협력 컨설팅 및 매칭 서비스", "2021년에 시작된 서비스"),
        ("en", "International cooperation consulting & matching", "A service that began in 2021"),
        ("zh-hans", "国际合作咨询与对接服务", "始于2021年的服务"),
    ],
)
def test_the_public_page_explains_the_service_in_each_language(client, lang, title, origin):
    call_command("load_seed", verbosity=0)
    page = client.get(url("cooperation:service", lang=lang)).content.decode()
    assert f"<h1>{title}</h1>" in page
    assert origin in page
    # The 2021 service's own page, from the seed, is linked.
    assert "/events/international-cooperation-consulting-matching-2021/" in page
    assert f"{url('account_login', lang=lang)}?next=" in page


def test_members_see_a_link_to_the_form_instead_of_a_login(client):
    client.force_login(UserFactory())
    page = client.get(url("cooperation:service")).content.decode()
    assert f'href="{url("cooperation:request")}"' in page


def test_the_form_needs_a_login(client):
    response = client.get(url("cooperation:request"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_member_files_a_request(client):
    member = UserFactory(name="Lee Minho", language="en")
    client.force_login(member)
    form = client.get(url("cooperation:request")).context["form"]
    assert form["contact_email"].value() == member.email and form["contact_name"].value() == "Lee Minho"
    response = client.post(url("cooperation:request"), intake())
    request = CooperationRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == url("cooperation:detail", request.pk)
    assert (request.user, request.website, request.country_sought) == (
        member,
        "https://oceantech.example.org",
        "Viet Nam",
    )
    assert len(mail.outbox) == 1
    page = client.get(response["Location"]).content.decode()
    assert "Busan Ocean Tech" in page and "Received" in page


def test_errors_keep_what_was_typed_and_explain_each_field(client):
    client.force_login(UserFactory())
    response = client.post(
        url("cooperation:request"),
        intake(
            organization_type=None,
            country_sought="",
            kind="other",
            description="x" * 3001,
            contact_email="not an email",
            consent=None,
            provision_consent=None,
        ),
    )
    assert response.status_code == 200 and not CooperationRequest.objects.exists()
    errors = response.context["form"].errors
    assert set(errors) == {
        "organization_type",
        "country_sought",
        "kind_other",
        "description",
        "contact_email",
        "consent",
        "provision_consent",
    }
    page = response.content.decode()
    assert 'value="Busan Ocean Tech"' in page and 'value="not an email"' in page
    assert "Choose a city above or name a country or region." in page
    assert 'href="#id_organization_type"' in page


def test_the_form_asks_for_two_separate_consents_each_with_its_notice(client):
    client.force_login(UserFactory())
    page = client.get(url("cooperation:request")).content.decode()
    assert page.count('type="checkbox"') == 2
    assert "<legend>Consent to the collection and use of personal information for consulting" in page
    assert (
        "<legend>Consent to the provision of personal information to partner organisations abroad (required)"
        "</legend>" in page
    )
    # The notice PIPA art. 17(2) and 28-8(2) ask for: recipients, their purpose, items, where, when and
    # how, how long they keep it, the right to refuse and what refusing means.
    for label in (
        "Recipients",
        "Recipients' purpose",
        "Personal information provided",
        "Where, when and how it is provided",
        "How long the recipients keep it",
    ):
        assert f"<dt>{label}</dt>" in page
    assert "in the city or country your request names" in page
    assert "for consulting only, without introductions, call the office" in page
    assert page.count("Text version 2026-12-01") == 2


def test_without_the_consent_to_be_introduced_the_request_is_not_taken(client):
    client.force_login(UserFactory())
    response = client.post(url("cooperation:request"), intake(provision_consent=None))
    assert response.status_code == 200 and not CooperationRequest.objects.exists() and not mail.outbox
    assert set(response.context["form"].errors) == {"provision_consent"}
    page = response.content.decode()
    assert "Without this consent we cannot introduce you to partners abroad" in page
    assert 'href="#id_provision_consent"' in page
    assert 'value="Busan Ocean Tech"' in page and 'name="consent" required id="id_consent" checked' in page


def test_the_request_page_shows_both_consents_with_their_versions_and_times(client):
    member = UserFactory(language="ko")
    client.force_login(member)
    client.post(url("cooperation:request", lang="ko"), intake())
    request = CooperationRequest.objects.get()
    page = client.get(url("cooperation:detail", request.pk, lang="ko")).content.decode()
    assert "해외 파트너 기관에 대한 개인정보 제3자 제공 동의(필수)" in page
    assert "컨설팅 및 매칭을 위한 개인정보 수집·이용 동의(필수)" in page
    assert page.count("(동의서 버전 2026-12-01)") == 2
    assert "한국 시간" in page
    # What was agreed to can be read again, recipients included.
    assert "제공받는 자" in page


def test_a_request_sent_before_the_provision_consent_says_it_cannot_be_matched(client):
    request = CooperationRequestFactory(provision_consent_version="", provision_consented_at=None)
    client.force_login(request.user)
    page = client.get(url("cooperation:detail", request.pk)).content.decode()
    assert "Not given: this request was sent before the consent was asked for." in page


def test_the_honeypot_stops_automated_senders_and_keeps_the_text(client):
    client.force_login(UserFactory())
    response = client.post(url("cooperation:request"), intake(fax="+82 51 000 0000"))
    assert response.status_code == 200 and not CooperationRequest.objects.exists()
    page = response.content.decode()
    assert "leave the last field empty" in page and 'value="Busan Ocean Tech"' in page


def test_the_honeypot_field_is_hidden_from_people(client):
    client.force_login(UserFactory())
    page = client.get(url("cooperation:request")).content.decode()
    assert '<div class="form-field form-trap" aria-hidden="true">' in page
    assert 'tabindex="-1"' in page


def test_rate_limit_per_account(client, settings):
    settings.COOPERATION_INTAKE_LIMITS = {"account": (2, 3600), "address": (100, 3600)}
    client.force_login(UserFactory())
    for _ in range(2):
        assert client.post(url("cooperation:request"), intake(consent=None)).status_code == 200
    response = client.post(url("cooperation:request"), intake())
    assert response.status_code == 429
    assert not CooperationRequest.objects.exists()
    assert 'value="Busan Ocean Tech"' in response.content.decode()
    # Another member is not held back by the first one's attempts.
    client.force_login(UserFactory())
    assert client.post(url("cooperation:request"), intake()).status_code == 302


def test_rate_limit_per_client_address(client, settings):
    settings.COOPERATION_INTAKE_LIMITS = {"account": (100, 3600), "address": (2, 3600)}
    for _ in range(2):
        client.force_login(UserFactory())
        assert client.post(url("cooperation:request"), intake(consent=None)).status_code == 200
    client.force_login(UserFactory())
    refused = client.post(url("cooperation:request"), intake())
    assert refused.status_code == 429 and refused["Retry-After"] == "3600"
    other_address = client.post(url("cooperation:request"), intake(), REMOTE_ADDR="198.51.100.7")
    assert other_address.status_code == 302


def test_requesters_never_see_other_requests(client):
    mine = CooperationRequestFactory()
    theirs = CooperationRequestFactory()
    client.force_login(mine.user)
    assert client.get(url("cooperation:detail", theirs.pk)).status_code == 404
    assert client.get(url("cooperation:withdraw", theirs.pk)).status_code == 404
    assert client.post(url("cooperation:withdraw", theirs.pk)).status_code == 404
    page = client.get(url("cooperation:list")).content.decode()
    assert mine.organization_name in page and theirs.organization_name not in page


def test_proposed_partners_appear_once_proposed_and_the_match_once_matched(client):
    request = CooperationRequestFactory(state=State.IN_CONSULTATION)
    chosen = ProposedPartnerFactory(request=request, note="Same field as yours.")
    other = ProposedPartnerFactory(request=request)
    client.force_login(request.user)
    detail = url("cooperation:detail", request.pk)
    page = client.get(detail).content.decode()
    assert chosen.partner.name_en not in page

    request.state = State.MATCH_PROPOSED
    request.save()
    page = client.get(detail).content.decode()
    assert chosen.partner.name_en in page and other.partner.name_en in page and "Same field as yours." in page
    assert chosen.partner.contact_email not in page  # the partner's contact stays with staff

    request.state = State.MATCHED
    request.save()
    chosen.is_match = True
    chosen.save()
    page = client.get(detail).content.decode()
    assert chosen.partner.name_en in page and other.partner.name_en not in page
    assert "Your partner" in page


def test_a_partner_name_in_another_language_is_marked_with_its_language(client):
    request = CooperationRequestFactory(state=State.MATCH_PROPOSED)
    proposal = ProposedPartnerFactory(request=request, partner__name_zh_hans="")
    client.force_login(request.user)
    page = client.get(url("cooperation:detail", request.pk, lang="zh-hans")).content.decode()
    assert f'<h3 lang="en">{proposal.partner.name_en}</h3>' in page


def test_withdrawing_from_the_requesters_page(client):
    request = CooperationRequestFactory()
    client.force_login(request.user)
    assert client.get(url("cooperation:withdraw", request.pk)).status_code == 200
    response = client.post(url("cooperation:withdraw", request.pk))
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.state == State.CLOSED


def test_the_data_download_holds_the_requests(client):
    request = CooperationRequestFactory(city_sought=CityFactory(slug="surabaya"))
    ProposedPartnerFactory(request=request, is_match=True)
    client.force_login(request.user)
    (exported,) = json.loads(client.get(url("accounts:export")).content)["cooperation_requests"]
    assert exported["organization"] == request.organization_name
    assert exported["contact_email"] == "jiwoo@example.org"
    assert exported["city_sought"] == "surabaya"
    assert exported["received_at"].endswith("+09:00")
    assert exported["proposed_partners"][0]["matched"] is True
    assert exported["consent_version"] == exported["provision_consent_version"] == "2026-12-01"
    assert exported["provision_consented_at"].endswith("+09:00")
    assert "notes" not in json.dumps(exported)


def test_the_account_menu_links_to_the_requests(client):
    client.force_login(UserFactory())
    page = client.get(url("accounts:my-page")).content.decode()
    assert f'href="{url("cooperation:list")}"' in page


def test_the_public_page_is_served_from_the_page_cache_to_visitors(client, settings):
    first = client.get(url("cooperation:service"))
    assert first.status_code == 200 and "public" in first["Cache-Control"]


def test_the_requesters_pages_cost_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    request = CooperationRequestFactory(state=State.MATCH_PROPOSED)
    for _ in range(4):
        ProposedPartnerFactory(request=request)
        CooperationRequestFactory(user=request.user)
    client.force_login(request.user)
    with django_assert_max_num_queries(10):
        assert client.get(url("cooperation:list")).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(url("cooperation:detail", request.pk)).status_code == 200
