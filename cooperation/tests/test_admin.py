"""The consulting & matching desk: who sees it, the directory, moving requests on, consultations and
proposals through the services, counts per state and city, and the CSV export."""

import csv
import io

import pytest
from django.core import mail
from django.utils import timezone

from accounts.tests.staff import CONTENT_EDITORS, PROGRAM_MANAGERS, make_user
from cooperation.models import CooperationRequest, PartnerOrganization, ProposedPartner
from programs.tests.factories import CityFactory

from .factories import CooperationRequestFactory, PartnerOrganizationFactory, ProposedPartnerFactory

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/cooperation/"
COORDINATORS = "Exchange coordinators"
State = CooperationRequest.State


@pytest.fixture
def coordinator(client):
    user = make_user("coordinator@example.com", group=COORDINATORS, name="Coordinator Lee")
    client.force_login(user)
    return user


def pages():
    partner = PartnerOrganizationFactory()
    request = CooperationRequestFactory()
    return [
        "partnerorganization/",
        "partnerorganization/add/",
        f"partnerorganization/{partner.pk}/change/",
        "cooperationrequest/",
        f"cooperationrequest/{request.pk}/change/",
        f"cooperationrequest/{request.pk}/transition/",
        "cooperationrequest/overview/",
        "cooperationrequest/export/",
    ]


def test_exchange_coordinators_run_the_matching_desk(client, coordinator):
    for page in pages():
        assert client.get(ADMIN + page).status_code == 200, page


@pytest.mark.parametrize("group", [CONTENT_EDITORS, PROGRAM_MANAGERS, None])
def test_other_staff_see_none_of_it(client, group):
    client.force_login(make_user("other@example.com", group=group))
    for page in pages():
        assert client.get(ADMIN + page).status_code == 403, page


def test_requests_are_neither_added_nor_deleted_nor_edited_by_staff(client, coordinator):
    request = CooperationRequestFactory(description="Our own words.")
    assert client.get(ADMIN + "cooperationrequest/add/").status_code == 403
    assert client.post(ADMIN + f"cooperationrequest/{request.pk}/delete/", {"post": "yes"}).status_code == 403
    client.post(
        ADMIN + f"cooperationrequest/{request.pk}/change/",
        {"description": "Changed by staff", **_inlines()},
    )
    request.refresh_from_db()
    assert request.description == "Our own words."


def _inlines(consultations=(), proposals=()):
    data = {
        "consultations-TOTAL_FORMS": str(len(consultations)),
        "consultations-INITIAL_FORMS": "0",
        "proposals-TOTAL_FORMS": str(len(proposals)),
        "proposals-INITIAL_FORMS": "0",
    }
    for i, row in enumerate(consultations):
        data.update({f"consultations-{i}-{key}": value for key, value in row.items()})
    for i, row in enumerate(proposals):
        data.update({f"proposals-{i}-{key}": value for key, value in row.items()})
    return data


def test_a_consultation_and_proposals_go_through_the_services(client, coordinator):
    request = CooperationRequestFactory(user__language="ko")
    partner = PartnerOrganizationFactory()
    now = timezone.localtime()
    response = client.post(
        ADMIN + f"cooperationrequest/{request.pk}/change/",
        _inlines(
            consultations=[
                {
                    "held_at_0": now.strftime("%Y-%m-%d"),
                    "held_at_1": "10:00:00",
                    "mode": "online",
                    "notes": "Keen",
                }
            ],
            proposals=[{"partner": partner.pk, "note": "Also in robotics."}],
        ),
    )
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    request.refresh_from_db()
    # Recording the first consultation takes the request into consultation, with its consultant.
    assert (request.state, request.consultant) == (State.IN_CONSULTATION, coordinator)
    consultation = request.consultations.get()
    assert (consultation.recorded_by, consultation.notes) == (coordinator, "Keen")
    proposal = request.proposals.get()
    assert (proposal.partner, proposal.proposed_by) == (partner, coordinator)
    (message,) = mail.outbox
    assert f"/ko/my/cooperation/{request.pk}/" in message.body


def test_moving_a_request_on_and_closing_it_with_a_reason(client, coordinator):
    request = CooperationRequestFactory()
    transition = ADMIN + f"cooperationrequest/{request.pk}/transition/"
    form = client.get(transition).context["form"]
    assert [value for value, _label in form.fields["state"].choices] == [
        "assigned",
        "in_consultation",
        "closed",
    ]

    response = client.post(transition, {"state": "assigned"})
    assert (
        response.status_code == 200
        and "Choose the consultant who takes the request." in response.content.decode()
    )
    response = client.post(transition, {"state": "assigned", "consultant": coordinator.pk})
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.state, request.consultant) == (State.ASSIGNED, coordinator)

    response = client.post(transition, {"state": "closed", "reason": ""})
    assert "Give the reason for closing the request" in response.content.decode()
    client.post(transition, {"state": "closed", "reason": "The organisation found a partner itself."})
    request.refresh_from_db()
    assert request.state == State.CLOSED
    assert request.state_changes.last().changed_by == coordinator
    assert len(mail.outbox) == 2


def test_matching_names_the_partner(client, coordinator):
    request = CooperationRequestFactory(state=State.MATCH_PROPOSED, consultant=coordinator)
    chosen = ProposedPartnerFactory(request=request)
    ProposedPartnerFactory(request=request)
    transition = ADMIN + f"cooperationrequest/{request.pk}/transition/"
    response = client.post(transition, {"state": "matched"})
    assert "Mark the proposed partner" in response.content.decode()
    client.post(transition, {"state": "matched", "matched": [chosen.pk]})
    request.refresh_from_db()
    assert request.state == State.MATCHED
    assert list(request.proposals.filter(is_match=True)) == [chosen]


def test_handing_a_request_to_another_consultant(client, coordinator):
    other = make_user("other-consultant@example.com", group=COORDINATORS)
    make_user("editor@example.com", group=CONTENT_EDITORS)
    request = CooperationRequestFactory(state=State.ASSIGNED, consultant=coordinator)
    transition = ADMIN + f"cooperationrequest/{request.pk}/transition/"
    consultants = client.get(transition).context["form"].fields["consultant"].queryset
    assert set(consultants) == {coordinator, other}
    client.post(transition, {"state": "", "consultant": other.pk})
    request.refresh_from_db()
    assert (request.state, request.consultant) == (State.ASSIGNED, other)
    assert mail.outbox == []


def test_counts_per_state_and_city(client, coordinator):
    surabaya = CityFactory(name_en="Surabaya")
    CooperationRequestFactory(city_sought=surabaya)
    CooperationRequestFactory(city_sought=surabaya, state=State.MATCHED)
    CooperationRequestFactory(city_sought=None, country_sought="Viet Nam")
    CooperationRequestFactory(city_sought=None, country_sought="viet nam ")
    overview = client.get(ADMIN + "cooperationrequest/overview/").context["overview"]
    assert overview.total == 4
    states = [value for value, _label in overview.states]
    assert overview.per_state[states.index("new")] == 3 and overview.per_state[states.index("matched")] == 1
    rows = {row.place: row for row in overview.rows}
    assert rows["Surabaya"].total == 2 and rows["Surabaya"].counts[states.index("matched")] == 1
    assert rows["Viet Nam"].total == 2


def test_csv_export_is_excel_ready_and_neutralises_formulas(client, coordinator):
    CooperationRequestFactory(organization_name='=HYPERLINK("http://evil")', field="부산 해양")
    response = client.get(ADMIN + "cooperationrequest/export/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    header, row = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert header[0] == "Number"
    assert row[5] == '\'=HYPERLINK("http://evil")' and row[7] == "부산 해양"


def test_csv_export_follows_the_lists_filters(client, coordinator):
    CooperationRequestFactory(organization_name="Open one")
    CooperationRequestFactory(organization_name="Closed one", state=State.CLOSED, closed_reason="x")
    text = client.get(ADMIN + "cooperationrequest/export/?state__exact=closed").content.decode()
    assert "Closed one" in text and "Open one" not in text


def test_partners_once_proposed_are_kept(client, coordinator):
    partner = ProposedPartnerFactory().partner
    assert (
        client.post(ADMIN + f"partnerorganization/{partner.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    assert PartnerOrganization.objects.filter(pk=partner.pk).exists()


def test_staff_views_changes_and_exports_are_in_the_access_record(client, coordinator):
    from audit.models import AccessRecord

    request = CooperationRequestFactory()
    client.get(ADMIN + "cooperationrequest/")
    client.get(ADMIN + f"cooperationrequest/{request.pk}/change/")
    client.post(
        ADMIN + f"cooperationrequest/{request.pk}/transition/",
        {"state": "assigned", "consultant": coordinator.pk},
    )
    client.get(ADMIN + "cooperationrequest/export/")
    seen = {
        (entry.action, entry.object_type, entry.object_ids)
        for entry in AccessRecord.objects.filter(actor_id=coordinator.pk)
    }
    kind = "cooperation.cooperationrequest"
    assert ("view", kind, str(request.pk)) in seen
    assert ("change", kind, str(request.pk)) in seen
    assert ("export", kind, str(request.pk)) in seen


def test_staff_see_both_consents_on_the_request(client, coordinator):
    request = CooperationRequestFactory()
    page = client.get(ADMIN + f"cooperationrequest/{request.pk}/change/").content.decode()
    assert "Consent to collection and use" in page and "Consent to provision to partners abroad" in page
    assert page.count("Version 2026-12-01, given on ") == 2


def test_without_the_consent_to_be_introduced_staff_cannot_propose_or_match(client, coordinator):
    request = CooperationRequestFactory(
        state=State.IN_CONSULTATION,
        consultant=coordinator,
        provision_consent_version="",
        provision_consented_at=None,
    )
    change = ADMIN + f"cooperationrequest/{request.pk}/change/"
    response = client.get(change)
    page = response.content.decode()
    assert "Not given (request sent before this consent was asked for)" in page
    (proposals,) = [
        inline for inline in response.context["inline_admin_formsets"] if inline.opts.model is ProposedPartner
    ]
    assert not proposals.has_add_permission
    # A proposal posted all the same is ignored.
    client.post(change, _inlines(proposals=[{"partner": PartnerOrganizationFactory().pk, "note": "x"}]))
    assert not request.proposals.exists()

    transition = ADMIN + f"cooperationrequest/{request.pk}/transition/"
    response = client.post(transition, {"state": "match_proposed"})
    assert "has not agreed to the provision of their details to partners abroad" in response.content.decode()
    request.refresh_from_db()
    assert request.state == State.IN_CONSULTATION and mail.outbox == []
