"""The registrations desk: counts, members' lists, status actions through the services, CSV, overview."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.tests.factories import UserFactory
from accounts.tests.staff import CONTENT_EDITORS, PROGRAM_MANAGERS, make_user
from events.models import Event
from events.tests.factories import EventFactory
from programs.tests.factories import ProgramFactory
from registrations import emails
from registrations.admin_reports import csv_cell, registrations_overview
from registrations.models import Registration
from registrations.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/en/admin/registrations/registration/"


@pytest.fixture
def manager_client(client):
    client.force_login(make_user("manager@example.com", group=PROGRAM_MANAGERS))
    return client


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("editor@example.com", group=CONTENT_EDITORS))
    return client


def registrations_for(target, *statuses):
    """One registration per status, each by a new member, for a program or an event."""
    where = {"event": target} if isinstance(target, Event) else {"program": target, "event": None}
    return [RegistrationFactory(status=status, **where) for status in statuses]


def test_program_list_shows_counts_per_status_in_one_query(manager_client):
    program = ProgramFactory(title_en="Youth exchanges")
    registrations_for(program, "confirmed", "confirmed", "waitlisted", "cancelled", "pending")

    def list_queries():
        with CaptureQueriesContext(connection) as captured:
            response = manager_client.get("/en/admin/programs/program/")
        assert response.status_code == 200
        return response, len(captured)

    response, few = list_queries()
    row = response.context["cl"].result_list[0]
    assert (row.n_confirmed, row.n_waitlisted, row.n_cancelled) == (2, 1, 1)
    html = response.content.decode()
    assert f"{CHANGELIST}?program__id__exact={program.pk}&amp;status__exact=confirmed" in html
    # The counts come in the same query as the programs: more programs, same number of queries.
    for _ in range(5):
        registrations_for(ProgramFactory(), "confirmed", "waitlisted")
    assert list_queries()[1] == few


def test_event_list_shows_counts(manager_client):
    event = EventFactory(title_en="Peace forum", capacity=1)
    registrations_for(event, "confirmed", "waitlisted", "waitlisted")
    response = manager_client.get("/en/admin/events/event/")
    row = response.context["cl"].result_list[0]
    assert (row.n_confirmed, row.n_waitlisted, row.n_cancelled) == (1, 2, 0)
    assert f"event__id__exact={event.pk}&amp;status__exact=waitlisted" in response.content.decode()


def test_editors_see_counts_but_no_links_to_personal_data(editor_client):
    program = ProgramFactory()
    registrations_for(program, "confirmed")
    html = editor_client.get("/en/admin/programs/program/").content.decode()
    assert "registrations/registration/" not in html


def test_members_of_a_program_with_status_and_message(manager_client):
    program = ProgramFactory()
    other = ProgramFactory()
    member = UserFactory(email="mina@example.com", name="김민아")
    RegistrationFactory(user=member, program=program, event=None, message="아이와 함께 참가하고 싶어요")
    RegistrationFactory(program=other, event=None)
    response = manager_client.get(CHANGELIST, {"program__id__exact": program.pk})
    assert response.context["cl"].result_count == 1
    html = response.content.decode()
    assert "mina@example.com" in html and "김민아" in html and "아이와 함께 참가하고 싶어요" in html
    # The program's change page links to the same list.
    html = manager_client.get(f"/en/admin/programs/program/{program.pk}/change/").content.decode()
    assert f"{CHANGELIST}?program__id__exact={program.pk}" in html


def test_confirm_action_sends_the_sites_email(manager_client, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=5)
    registration = RegistrationFactory(event=event, status="pending", user=UserFactory(language="en"))
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(
            CHANGELIST, {"action": "confirm", "_selected_action": [registration.pk]}
        )
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == "confirmed"
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [registration.user.email]

    # Exactly the mail the site sends for a confirmed registration.
    mail.outbox.clear()
    emails.registration_mail_send(registration_id=registration.pk, kind="confirmed")
    assert (sent.subject, sent.body) == (mail.outbox[0].subject, mail.outbox[0].body)


def test_cancel_action_moves_the_waiting_list_up_with_its_email(
    manager_client, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    confirmed, waiting = registrations_for(event, "confirmed", "waitlisted")
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(CHANGELIST, {"action": "cancel", "_selected_action": [confirmed.pk]})
    confirmed.refresh_from_db()
    waiting.refresh_from_db()
    assert (confirmed.status, waiting.status) == ("cancelled", "confirmed")
    # The member whose place staff cancelled is told, as when they withdraw themselves.
    assert [m.to for m in mail.outbox] == [[confirmed.user.email], [waiting.user.email]]
    sent = mail.outbox[1]
    mail.outbox.clear()
    emails.registration_mail_send(registration_id=waiting.pk, kind="promoted")
    assert sent.subject == mail.outbox[0].subject


def test_waitlist_action_tells_the_member(manager_client, django_capture_on_commit_callbacks):
    (registration,) = registrations_for(EventFactory(), "confirmed")
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(CHANGELIST, {"action": "waitlist", "_selected_action": [registration.pk]})
    registration.refresh_from_db()
    assert registration.status == "waitlisted"
    assert [m.to for m in mail.outbox] == [[registration.user.email]]


def test_confirming_beyond_capacity_is_refused_with_a_message_unless_forced(manager_client):
    event = EventFactory(capacity=1)
    _confirmed, waiting = registrations_for(event, "confirmed", "waitlisted")
    response = manager_client.post(
        CHANGELIST, {"action": "confirm", "_selected_action": [waiting.pk]}, follow=True
    )
    waiting.refresh_from_db()
    assert waiting.status == "waitlisted"
    assert "1 registration was not changed: There are no places left." in response.content.decode()

    manager_client.post(CHANGELIST, {"action": "confirm_beyond_capacity", "_selected_action": [waiting.pk]})
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"


def export_rows(response) -> list[list[str]]:
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:])))


def test_csv_export_opens_in_excel_with_korean_and_chinese(manager_client):
    program = ProgramFactory(title_ko="청소년 교류", title_en="Youth exchanges", title_zh_hans="青少年交流")
    member = UserFactory(email="wang@example.com", name="王小明")
    RegistrationFactory(user=member, program=program, event=None, message='=HYPERLINK("http://evil")')
    RegistrationFactory(user=UserFactory(name="김민수"), program=program, event=None, message="-1+2")
    RegistrationFactory(user=UserFactory(name="@admin"), program=program, event=None, message="\tx")

    response = manager_client.get("/ko/admin/registrations/registration/export/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="registrations-')
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = export_rows(response)
    assert len(rows) == 4
    body = {row[4]: row for row in rows[1:]}
    assert body["王小明"][2] == "청소년 교류"
    assert body["王小明"][3] == "wang@example.com"
    assert body["王小明"][7] == '\'=HYPERLINK("http://evil")'
    assert body["김민수"][7] == "'-1+2"
    assert "'@admin" in body
    assert body["'@admin"][7] == "'\tx"


def test_csv_export_follows_the_lists_filters(manager_client):
    event = EventFactory(title_en="Peace forum")
    registrations_for(event, "confirmed", "waitlisted")
    registrations_for(EventFactory(), "confirmed")
    response = manager_client.get(
        "/en/admin/registrations/registration/export/",
        {"event__id__exact": event.pk, "status__exact": "confirmed"},
    )
    rows = export_rows(response)
    assert len(rows) == 2
    assert rows[0][0] == "Number"
    assert rows[1][2] == "Peace forum" and rows[1][6] == "Confirmed"


def test_export_action_on_selected_registrations(manager_client):
    chosen, _other = registrations_for(EventFactory(), "confirmed", "confirmed")
    response = manager_client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [chosen.pk]})
    rows = export_rows(response)
    assert [row[0] for row in rows[1:]] == [str(chosen.pk)]


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tfoo", "\rfoo"])
def test_csv_cells_starting_like_a_formula_are_neutralised(value):
    assert csv_cell(value) == "'" + value


def test_csv_cells_otherwise_unchanged():
    assert csv_cell("부산 1+1") == "부산 1+1"
    assert csv_cell(None) == ""
    assert csv_cell(12) == "12"


def test_overview_counts_registrations_per_item_and_month(manager_client):
    program = ProgramFactory(title_en="Youth exchanges")
    event = EventFactory(title_en="Peace forum")
    now = timezone.now()
    for registration in registrations_for(program, "confirmed", "cancelled"):
        Registration.objects.filter(pk=registration.pk).update(created_at=now)
    (old,) = registrations_for(event, "waitlisted")
    Registration.objects.filter(pk=old.pk).update(created_at=now - timedelta(days=40))

    overview = registrations_overview(now=now)
    assert len(overview.months) == 12
    assert overview.months[-1] == timezone.localdate(now).replace(day=1)
    rows = {str(row.item): row for row in overview.rows}
    assert rows[str(program)].total == 2
    assert rows[str(program)].cells[-1] == (2, 10)
    assert rows[str(event)].total == 1

    response = manager_client.get("/en/admin/registrations/registration/overview/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Youth exchanges" in html and "Peace forum" in html
    assert re.search(r'<span class="bar bar-10"', html)
    assert "<script" not in html.split("</head>")[1].split("<!-- START SVGs")[0]
    # Linked from the admin index.
    assert (
        "/en/admin/registrations/registration/overview/" in manager_client.get("/en/admin/").content.decode()
    )


def test_staff_cannot_add_registrations_in_the_admin(manager_client):
    assert manager_client.get("/en/admin/registrations/registration/add/").status_code == 403


def test_after_raising_the_capacity_staff_fill_the_places(manager_client, django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    _confirmed, first, second = registrations_for(event, "confirmed", "waitlisted", "waitlisted")
    event.capacity = 2
    event.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(
            "/en/admin/events/event/", {"action": "fill_places", "_selected_action": [event.pk]}
        )
    assert response.status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "waitlisted")
    assert [m.to for m in mail.outbox] == [[first.user.email]]


def test_editors_cannot_fill_places(editor_client):
    event = EventFactory(capacity=2)
    (waiting,) = registrations_for(event, "waitlisted")
    editor_client.post("/en/admin/events/event/", {"action": "fill_places", "_selected_action": [event.pk]})
    waiting.refresh_from_db()
    assert waiting.status == "waitlisted"


def test_search_finds_registrations_by_the_members_email_name_or_message(manager_client):
    ana = UserFactory(email="ana.kim@example.org", name="Ana Kim")
    bo = UserFactory(email="bo@example.net", name="Bo Park")
    RegistrationFactory(user=ana, message="")
    RegistrationFactory(user=bo, message="Could I bring my daughter?")
    RegistrationFactory(message="Nothing to find here")

    def found(term):
        page = manager_client.get(CHANGELIST, {"q": term}).content.decode()
        return sorted(re.findall(r"(ana\.kim@example\.org|bo@example\.net|[\w.+-]+@example\.\w+)</a>", page))

    assert found("ANA.KIM") == ["ana.kim@example.org"]
    assert found("park") == ["bo@example.net"]
    assert found("daughter") == ["bo@example.net"]
    assert found("kim example.org") == ["ana.kim@example.org"]  # every word must match
    assert found("nobody-has-this") == []


def test_program_and_event_filters_offer_the_next_ones_and_keep_the_chosen_one(manager_client):
    now = timezone.now()
    past = EventFactory(title_en="Past lantern walk", starts_at=now - timedelta(days=30))
    soon = EventFactory(title_en="Harbour festival", starts_at=now + timedelta(days=3))
    RegistrationFactory(event=past)
    RegistrationFactory(event=soon)

    def filters(page):
        return page.split('id="changelist-filter"')[1].split("</nav>")[0]

    page = manager_client.get(CHANGELIST).content.decode()
    assert "Harbour festival" in filters(page) and "Past lantern walk" not in filters(page)

    # From the past event's registration counts in the event list: the filter names it and applies it.
    page = manager_client.get(CHANGELIST, {"event__id__exact": past.pk}).content.decode()
    assert "Past lantern walk" in filters(page)
    assert Registration.objects.get(event=past).user.email in page
    assert Registration.objects.get(event=soon).user.email not in page

    refused = manager_client.get(CHANGELIST, {"event__id__exact": "x"})
    assert refused.status_code == 302 and "e=1" in refused["Location"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes exist on PostgreSQL only")
def test_searches_by_part_of_a_word_have_indexes_on_postgresql():
    with connection.cursor() as cursor:
        members = connection.introspection.get_constraints(cursor, "accounts_user")
        registrations = connection.introspection.get_constraints(cursor, "registrations_registration")
    assert {"accounts_user_email_trgm", "accounts_user_name_trgm"} <= set(members)
    assert "registration_message_trgm" in registrations
    assert registrations["registration_created_idx"]["columns"] == ["created_at", "id"]
