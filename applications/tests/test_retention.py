"""Answers and their files are deleted a year after the call's trip ended (the privacy policy, section 3);
the application stays with its history and the figures kept for statistics, and says what happened."""

import json
import os
from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django_q.models import Schedule

from accounts.tests.voice import assert_house_voice
from applications import services
from applications.choices import QuestionKind
from applications.models import Answer, Application
from applications.uploads import upload_check
from audit.models import AccessRecord

from .factories import CallFactory, ChildFactory, QuestionFactory, pdf_upload

pytestmark = pytest.mark.django_db
State = Application.State


def url(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(name, args=args)


def day_after(call, days: int) -> datetime:
    """Noon in Korea, ``days`` after the call's trip ended."""
    return timezone.make_aware(datetime.combine(call.trip_ends_on + timedelta(days=days), time(12)))


@pytest.fixture
def call():
    call = CallFactory(places=1)
    QuestionFactory(call=call, kind=QuestionKind.LONG_TEXT, text_en="Why this exchange?")
    QuestionFactory(call=call, kind=QuestionKind.FILE, text_en="School report", required=False)
    return call


def apply(call, *, submit=True, file=True):
    child = ChildFactory()
    answers = {}
    for question in call.questions.all():
        if question.kind != QuestionKind.FILE:
            answers[question.pk] = "I love Surabaya"
        elif file:
            answers[question.pk] = upload_check(pdf_upload())
    act = services.application_submit if submit else services.application_save_draft
    return act(account=child.account, call=call, applicant=child, answers=answers)


def test_answers_and_files_go_a_year_after_the_trip_and_the_rest_stays(
    call, django_capture_on_commit_callbacks
):
    offered = apply(call)
    services.applications_offer(call=call, applications=[offered], by=None)
    services.application_accept(application=offered, account=offered.account)
    waiting = apply(call, file=False)
    draft = apply(call, submit=False)
    paths = [answer.file.path for answer in Answer.objects.exclude(file="")]
    assert len(paths) == 2 and all(os.path.exists(path) for path in paths)
    other_call = CallFactory(trip_starts_on=call.trip_starts_on + timedelta(days=30))
    QuestionFactory(call=other_call, kind=QuestionKind.SHORT_TEXT)
    later = apply(other_call)
    history = list(offered.history.values_list("from_state", "to_state"))

    # Within the year: nothing goes.
    assert services.answers_purge(now=day_after(call, 365)) == 0
    assert Answer.objects.count() == 6

    with django_capture_on_commit_callbacks(execute=True):
        assert services.answers_purge(now=day_after(call, 366)) == 2

    offered.refresh_from_db()
    assert not offered.answers.exists() and offered.answers_deleted_at == day_after(call, 366)
    assert (offered.state, offered.age, offered.school_level, offered.district, offered.school_in_busan) == (
        State.ACCEPTED,
        15,
        "high",
        "haeundae",
        True,
    )
    assert list(offered.history.values_list("from_state", "to_state")) == history
    assert not Answer.objects.filter(application=waiting).exists()
    # The files are gone from the private storage; the draft, never submitted, is gone whole.
    assert not any(os.path.exists(path) for path in paths)
    assert not Application.objects.filter(pk=draft.pk).exists()
    # Another call's trip, a month later, keeps its answers for now.
    assert Answer.objects.filter(application=later).count() == 1
    assert Application.objects.get(pk=later.pk).answers_deleted_at is None
    # Done once: the next day's run finds nothing.
    assert services.answers_purge(now=day_after(call, 367)) == 0

    entries = {(e.action, e.object_ids, e.summary) for e in AccessRecord.objects.filter(actor_id=None)}
    assert ("change", f"{offered.pk},{waiting.pk}", "answers and files deleted (keeping time)") in entries
    assert ("delete", str(draft.pk), "draft deleted (keeping time)") in entries


@pytest.mark.parametrize(
    ("lang", "says"),
    [
        ("en", "Your answers and uploaded files were deleted on"),
        ("ko", "귀국일부터 1년이 지난"),
        ("zh-hans", "交流行程结束满一年后"),
    ],
)
def test_the_member_reads_on_the_application_page_that_the_answers_were_deleted(client, call, lang, says):
    application = apply(call)
    services.answers_purge(now=day_after(call, 366))
    client.force_login(application.account)
    page = client.get(url("applications:detail", application.pk, lang=lang)).content.decode()
    assert says in page
    assert f'href="{url("privacy:current", lang=lang)}"' in page
    assert "I love Surabaya" not in page
    # The history is still there.
    assert page.count("<time datetime=") >= 2
    titles = [call.title_ko, call.title_zh_hans, call.program.title_ko, call.program.title_zh_hans]
    assert_house_voice(page, lang, allow=[*titles, application.applicant.name])


def test_the_data_download_says_when_the_answers_were_deleted(client, call):
    application = apply(call)
    services.answers_purge(now=day_after(call, 366))
    client.force_login(application.account)
    (exported,) = json.loads(client.get(url("accounts:export")).content)["applications"]
    assert exported["answers"] == [] and exported["answers_deleted_at"].endswith("+09:00")
    assert exported["state"] == "submitted" and exported["history"]


def test_staff_see_that_the_answers_were_deleted(admin_client, call):
    application = apply(call)
    services.answers_purge(now=day_after(call, 366))
    page = admin_client.get(f"/en/admin/applications/application/{application.pk}/change/").content.decode()
    assert "Answers and files deleted" in page and "I love Surabaya" not in page


def test_the_workers_run_the_job_daily():
    job = Schedule.objects.get(name="Delete application answers and files a year after the trip")
    assert (job.func, job.minutes) == ("applications.tasks.answers_purge", 24 * 60)
