"""The staff desk: who sees what, bulk actions through the services, counts, filters, CSV, the lottery,
and a fixed number of queries for a call with 5,000 applications."""

import csv
import io
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.tests.factories import UserFactory
from accounts.tests.staff import CONTENT_EDITORS, PROGRAM_MANAGERS, make_user
from applications.choices import QuestionKind, Selection
from applications.models import Answer, Applicant, Application, Call
from programs.tests.factories import ProgramFactory

from .factories import CallFactory, ChildFactory, QuestionFactory, submitted

pytestmark = pytest.mark.django_db
DESK = "/ko/admin/applications/application/"
State = Application.State


@pytest.fixture
def manager():
    return make_user("manager@example.com", group=PROGRAM_MANAGERS, language="ko")


@pytest.fixture
def call(manager):
    call = CallFactory(places=2)
    call.managers.add(manager)
    return call


def test_content_editors_cannot_see_applicants(client, call):
    submitted(call, ChildFactory(name="Secret Child"))
    client.force_login(make_user("editor@example.com", group=CONTENT_EDITORS))
    assert client.get(DESK).status_code == 403
    assert client.get("/ko/admin/applications/call/").status_code == 403
    assert "Secret Child" not in client.get("/ko/admin/").content.decode()


def test_managers_see_only_the_calls_they_run(client, call, manager):
    submitted(call, ChildFactory(name="Mine"))
    other = CallFactory()
    submitted(other, ChildFactory(name="Not mine"))
    client.force_login(manager)
    page = client.get(DESK).content.decode()
    assert "Mine" in page and "Not mine" not in page
    assert client.get(f"{DESK}{Application.objects.get(call=other).pk}/change/").status_code in (302, 404)
    calls = client.get("/ko/admin/applications/call/").content.decode()
    assert call.title_ko in calls and other.title_ko not in calls


def test_the_desk_is_in_korean_with_counts_flags_and_answers_in_korean(client, call, manager):
    question = QuestionFactory(
        call=call,
        kind=QuestionKind.ONE_CHOICE,
        text_ko="영어 실력",
        text_en="English",
        options_ko="기초\n유창함",
        options_en="Basic\nFluent",
    )
    application = submitted(call, ChildFactory(name="김바다"))
    Answer.objects.create(application=application, question=question, value=1)
    submitted(call, state=State.OFFERED, offer_expires_at=application.submitted_at)
    submitted(call, age=19)
    client.force_login(manager)
    page = client.get(f"{DESK}?call__id__exact={call.pk}").content.decode()
    assert "김바다" in page
    assert "제출됨" in page  # the state, in Korean
    assert "정원: 2" in page
    assert "자격 미달" in page  # the 19-year-old, against the call's 13 to 17
    detail = client.get(f"{DESK}{application.pk}/change/").content.decode()
    assert "영어 실력" in detail and "유창함" in detail


def test_filters(client, call, manager):
    submitted(call, ChildFactory(name="Fifteen"), age=15)
    submitted(call, ChildFactory(name="Nineteen"), age=19)
    submitted(call, ChildFactory(name="Outsider"), district="outside", age=14)
    client.force_login(manager)
    by_age = client.get(f"{DESK}?age=19").content.decode()
    assert "Nineteen" in by_age and "Fifteen" not in by_age
    not_eligible = client.get(f"{DESK}?eligible=no").content.decode()
    assert "Nineteen" in not_eligible and "Fifteen" not in not_eligible
    in_busan = client.get(f"{DESK}?district=busan").content.decode()
    assert "Outsider" not in in_busan and "Fifteen" in in_busan
    state = client.get(f"{DESK}?state__exact=submitted&school_level__exact=high").content.decode()
    assert "Fifteen" in state


def test_bulk_offer_through_the_service_refuses_more_than_the_places(client, call, manager, mailoutbox):
    applications = [submitted(call) for _ in range(3)]
    client.force_login(manager)
    response = client.post(
        DESK, {"action": "offer", "_selected_action": [a.pk for a in applications]}, follow=True
    )
    assert "2" in response.content.decode()
    assert not Application.objects.filter(state=State.OFFERED).exists()
    client.post(DESK, {"action": "offer", "_selected_action": [a.pk for a in applications[:2]]})
    assert Application.objects.filter(state=State.OFFERED).count() == 2
    assert len(mailoutbox) == 2
    change = Application.objects.filter(state=State.OFFERED).first().history.last()
    assert change.by == manager and change.actor == "staff"
    client.post(DESK, {"action": "shortlist", "_selected_action": [applications[2].pk]})
    client.post(DESK, {"action": "not_select", "_selected_action": [applications[2].pk]})
    assert Application.objects.get(pk=applications[2].pk).state == State.NOT_SELECTED


def test_csv_export_utf8_bom_formulas_neutralised_answers_in_korean(client, call, manager):
    question = QuestionFactory(call=call, kind=QuestionKind.SHORT_TEXT, text_ko="하고 싶은 말")
    application = submitted(call, ChildFactory(name='=HYPERLINK("http://x")'))
    Answer.objects.create(application=application, question=question, value="+82 부산")
    client.force_login(manager)
    response = client.get(f"{DESK}export/?call__id__exact={call.pk}")
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert "하고 싶은 말" in rows[0]
    assert rows[1][2].startswith("'=") and "'+82 부산" in rows[1]


def test_export_needs_the_permission(client, call):
    staff = make_user("plain@example.com")
    client.force_login(staff)
    assert client.get(f"{DESK}export/").status_code == 403


def test_lottery_from_the_call_admin(client, manager):
    now = timezone.now()
    call = CallFactory(
        places=1,
        selection=Selection.LOTTERY,
        opens_at=now - timedelta(days=5),
        closes_at=now - timedelta(days=1),
    )
    call.managers.add(manager)
    for _ in range(3):
        submitted(call)
    client.force_login(manager)
    client.post("/ko/admin/applications/call/", {"action": "draw_lottery", "_selected_action": [call.pk]})
    call.refresh_from_db()
    assert call.lottery_seed and call.lottery_drawn_by == manager
    assert Application.objects.filter(state=State.OFFERED).count() == 1
    page = client.get(f"/ko/admin/applications/call/{call.pk}/change/").content.decode()
    assert call.lottery_seed in page


def test_a_manager_creating_a_call_runs_it(client, manager):
    program = ProgramFactory()
    client.force_login(manager)
    response = client.post(
        "/ko/admin/applications/call/add/",
        {
            "program": program.pk,
            "title_ko": "새 모집 공고",
            "slug": "new-call",
            "status": "draft",
            "order": 0,
            "trip_starts_on": "2027-07-20",
            "trip_ends_on": "2027-07-29",
            "opens_at_0": "2027-01-01",
            "opens_at_1": "09:00",
            "closes_at_0": "2027-02-01",
            "closes_at_1": "18:00",
            "places": 10,
            "selection": "staff",
            "offer_hours": 72,
            "residence": "any",
            "school_levels": ["middle"],
            "questions-TOTAL_FORMS": 0,
            "questions-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    call = Call.objects.get(slug="new-call")
    assert list(call.managers.all()) == [manager] and call.school_levels == ["middle"]


def _desk_queries(client, call) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{DESK}?call__id__exact={call.pk}")
    assert response.status_code == 200
    return len(queries)


def test_the_desk_for_5000_applications_makes_a_fixed_number_of_queries(client):
    admin_user = make_user("root@example.com", superuser=True)
    small, large = CallFactory(places=100), CallFactory(places=100)
    guardian = UserFactory()
    for call, count in ((small, 20), (large, 5000)):
        children = ChildFactory.build_batch(count, account=guardian)
        children = Applicant.objects.bulk_create(children)
        Application.objects.bulk_create(
            Application(
                call=call,
                applicant=child,
                account=guardian,
                state=State.SUBMITTED,
                age=15,
                school_level="high",
                district="nam",
                is_child=True,
            )
            for child in children
        )
    client.force_login(admin_user)
    _desk_queries(client, small)  # warm the session and content types
    assert _desk_queries(client, large) == _desk_queries(client, small)
    assert _desk_queries(client, large) <= 20


def test_staff_views_exports_changes_and_file_downloads_are_in_the_access_record(client, call, manager):
    from applications import services
    from applications.tests.factories import pdf_upload
    from applications.uploads import upload_check
    from audit.models import AccessRecord

    file_question = QuestionFactory(call=call, kind=QuestionKind.FILE, required=False)
    child = ChildFactory()
    application = services.application_submit(
        account=child.account,
        call=call,
        applicant=child,
        answers={file_question.pk: upload_check(pdf_upload())},
    )
    client.force_login(manager)
    client.get(f"{DESK}?call__id__exact={call.pk}")
    client.get(f"{DESK}{application.pk}/change/")
    client.get(f"{DESK}export/?call__id__exact={call.pk}")
    client.post(DESK, {"action": "shortlist", "_selected_action": [application.pk]})
    answer = Answer.objects.get(application=application)
    assert client.get(f"/ko/application-files/{answer.pk}/").status_code == 200

    entries = AccessRecord.objects.filter(actor_id=manager.pk).order_by("at", "pk")
    seen = [(entry.action, entry.object_type) for entry in entries]
    assert ("view", "applications.application") in seen
    assert ("export", "applications.application") in seen
    assert ("change", "applications.application") in seen
    assert ("view", "applications.answer") in seen
    assert all(entry.client_address == "127.0.0.1" for entry in entries)
