"""Every transition, recorded with who and when and mailed in the member's language; offers, expiry by the
scheduled job, the waiting list taking freed places, the lottery, and members leaving."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone, translation
from django_q.models import Schedule
from django_q.tasks import async_task

from accounts.tests.factories import UserFactory
from applications import services
from applications.choices import QuestionKind, Selection
from applications.exceptions import ApplicationError
from applications.models import Answer, Applicant, Application, StateChange
from applications.selectors import lottery_replay
from applications.uploads import upload_check

from .factories import CallFactory, ChildFactory, QuestionFactory, pdf_upload

pytestmark = pytest.mark.django_db
State = Application.State


@pytest.fixture
def call():
    return CallFactory(places=2)


@pytest.fixture
def guardian():
    return UserFactory(language="ko")


def apply(call, applicant, answers=None, **kwargs):
    return services.application_submit(
        account=applicant.account, call=call, applicant=applicant, answers=answers or {}, **kwargs
    )


def test_submitting_records_the_facts_the_history_and_mails_the_guardian_in_their_language(call, guardian):
    child = ChildFactory(account=guardian, name="김하늘")
    mail.outbox.clear()
    application = apply(call, child)
    assert application.state == State.SUBMITTED
    assert (application.age, application.school_level, application.district) == (15, "high", "haeundae")
    assert application.is_child and application.account == guardian
    history = list(application.history.values_list("from_state", "to_state", "actor", "by"))
    assert history == [
        ("", "draft", "applicant", guardian.pk),
        ("draft", "submitted", "applicant", guardian.pk),
    ]
    (message,) = mail.outbox
    assert message.to == [guardian.email]
    assert "김하늘" in message.body
    assert "신청" in message.subject  # Korean: the guardian's language


def test_an_ineligible_applicant_cannot_submit(call):
    child = ChildFactory(school_level="university")
    with pytest.raises(ApplicationError) as error:
        apply(call, child)
    assert error.value.code == "not_eligible"
    assert not Application.objects.exists()


def test_someone_elses_child_cannot_be_applied_for(call):
    child = ChildFactory()
    with pytest.raises(ApplicationError):
        services.application_submit(account=UserFactory(), call=call, applicant=child, answers={})


def test_required_answers_are_checked_by_the_server_too(call):
    question = QuestionFactory(call=call, text_en="Why?")
    child = ChildFactory()
    with pytest.raises(ApplicationError) as error:
        apply(call, child)
    assert error.value.code == "answer_required"
    application = apply(call, child, {question.pk: "Because"})
    assert application.answers.get().value == "Because"


def test_a_second_submission_is_refused_as_a_duplicate(call):
    child = ChildFactory()
    apply(call, child)
    with pytest.raises(ApplicationError) as error:
        apply(call, child)
    assert error.value.code == "duplicate"
    assert Application.objects.count() == 1


def test_closed_or_unpublished_calls_take_no_applications():
    child = ChildFactory()
    closed = CallFactory(
        closes_at=timezone.now() - timedelta(minutes=1), opens_at=timezone.now() - timedelta(days=3)
    )
    coming = CallFactory(opens_at=timezone.now() + timedelta(days=1))
    draft = CallFactory(status="draft")
    for call, code in ((closed, "closed"), (coming, "not_open"), (draft, "unavailable")):
        with pytest.raises(ApplicationError) as error:
            apply(call, child)
        assert error.value.code == code


def test_a_draft_keeps_answers_and_files_until_submitted(call):
    text = QuestionFactory(call=call, kind=QuestionKind.LONG_TEXT)
    file = QuestionFactory(call=call, kind=QuestionKind.FILE)
    child = ChildFactory()
    draft = services.application_save_draft(
        account=child.account, call=call, applicant=child, answers={file.pk: upload_check(pdf_upload())}
    )
    assert draft.state == State.DRAFT
    stored = Answer.objects.get(question=file)
    assert stored.file_name == "consent.pdf" and stored.file_type == "application/pdf"
    # Submitting later with only the text: the stored file still answers its question.
    application = apply(call, child, {text.pk: "Essay"})
    assert application.pk == draft.pk and application.state == State.SUBMITTED
    assert application.answers.count() == 2


def test_staff_transitions_each_recorded_and_mailed(call, guardian):
    staff = UserFactory(is_staff=True)
    first, second, third = (apply(call, ChildFactory(account=guardian)) for _ in range(3))
    mail.outbox.clear()
    services.applications_shortlist(applications=[first, second], by=staff)
    services.applications_waitlist(applications=[third], by=staff)
    services.applications_not_select(applications=[second], by=staff)
    first.refresh_from_db()
    second.refresh_from_db()
    third.refresh_from_db()
    assert (first.state, second.state, third.state) == (
        State.UNDER_REVIEW,
        State.NOT_SELECTED,
        State.WAITLISTED,
    )
    assert len(mail.outbox) == 4
    change = StateChange.objects.filter(application=second).last()
    assert (change.from_state, change.to_state, change.actor, change.by) == (
        "under_review",
        "not_selected",
        "staff",
        staff,
    )
    with pytest.raises(ApplicationError):
        services.applications_shortlist(applications=[second], by=staff)


def test_an_offer_has_a_deadline_shown_in_korean_time_in_the_members_language(call):
    english = UserFactory(language="en")
    application = apply(call, ChildFactory(account=english))
    now = timezone.now()
    mail.outbox.clear()
    services.applications_offer(call=call, applications=[application], by=None, now=now)
    application.refresh_from_db()
    assert application.state == State.OFFERED
    assert application.offer_expires_at == now + timedelta(hours=72)
    (message,) = mail.outbox
    deadline = timezone.localtime(application.offer_expires_at)
    assert "(Korean time)" in message.body
    assert f"{deadline:%Y}" in message.body and deadline.strftime("%-I:%M") in message.body.replace(
        " a.m.", ""
    )


def test_offering_more_places_than_free_is_refused_and_changes_nothing(call):
    applications = [apply(call, ChildFactory()) for _ in range(3)]
    with pytest.raises(ApplicationError) as error:
        services.applications_offer(call=call, applications=applications, by=None)
    assert error.value.code == "no_places"
    with translation.override("en"):
        assert "Only 2" in str(error.value)
    assert not Application.objects.filter(state=State.OFFERED).exists()
    services.applications_offer(call=call, applications=applications[:2], by=None)
    with pytest.raises(ApplicationError):
        services.applications_offer(call=call, applications=applications[2:], by=None)


def test_accepting_and_declining(call):
    accepting, declining, waiting = (apply(call, ChildFactory()) for _ in range(3))
    services.applications_offer(call=call, applications=[accepting, declining], by=None)
    services.applications_waitlist(applications=[waiting], by=None)
    services.application_accept(application=accepting, account=accepting.account)
    mail.outbox.clear()
    services.application_decline(application=declining, account=declining.account)
    accepting.refresh_from_db()
    waiting.refresh_from_db()
    assert accepting.state == State.ACCEPTED
    # The declined place went to the first on the waiting list, who is told.
    assert waiting.state == State.OFFERED
    assert {m.to[0] for m in mail.outbox} == {declining.account.email, waiting.account.email}
    with pytest.raises(ApplicationError):
        services.application_accept(application=declining, account=declining.account)


def test_accepting_after_the_deadline_is_refused_with_a_clear_message(call):
    application = apply(call, ChildFactory())
    now = timezone.now()
    services.applications_offer(call=call, applications=[application], by=None, now=now)
    with pytest.raises(ApplicationError) as error, translation.override("en"):
        services.application_accept(
            application=application, account=application.account, now=now + timedelta(hours=72)
        )
    assert error.value.code == "offer_expired"
    with translation.override("en"):
        assert "(Korean time)" in str(error.value) and "can no longer be accepted" in str(error.value)


def test_the_scheduled_job_expires_offers_and_the_waiting_list_takes_the_place(task_worker):
    call = CallFactory(places=1)
    offered, waiting_first, waiting_second = (apply(call, ChildFactory()) for _ in range(3))
    now = timezone.now()
    services.applications_offer(call=call, applications=[offered], by=None, now=now - timedelta(hours=73))
    services.applications_waitlist(applications=[waiting_first], by=None, now=now - timedelta(hours=2))
    services.applications_waitlist(applications=[waiting_second], by=None, now=now - timedelta(hours=1))
    task_worker()  # deliver the mail queued so far
    mail.outbox.clear()

    async_task("applications.tasks.offers_expire")
    assert task_worker() >= 1
    offered.refresh_from_db()
    waiting_first.refresh_from_db()
    waiting_second.refresh_from_db()
    assert offered.state == State.EXPIRED
    assert waiting_first.state == State.OFFERED and waiting_first.offer_expires_at > now
    assert waiting_second.state == State.WAITLISTED
    expiry = offered.history.last()
    assert (expiry.actor, expiry.by) == ("system", None)
    task_worker()
    assert {m.to[0] for m in mail.outbox} == {offered.account.email, waiting_first.account.email}


def test_the_job_is_scheduled_by_migrate():
    schedule = Schedule.objects.get(func="applications.tasks.offers_expire")
    assert schedule.minutes == 5 and schedule.repeats == -1


def test_withdrawing_an_accepted_place_passes_it_on(call):
    holder, waiting = apply(call, ChildFactory()), apply(call, ChildFactory())
    services.applications_offer(call=call, applications=[holder], by=None)
    services.application_accept(application=holder, account=holder.account)
    services.applications_waitlist(applications=[waiting], by=None)
    services.application_withdraw(application=holder, account=holder.account)
    waiting.refresh_from_db()
    assert waiting.state == State.OFFERED


def test_first_come_first_served_offers_at_once_then_waitlists():
    call = CallFactory(places=1, selection=Selection.FIRST_COME)
    first, second = apply(call, ChildFactory()), apply(call, ChildFactory())
    assert (first.state, second.state) == (State.OFFERED, State.WAITLISTED)


def test_the_lottery_records_its_seed_and_can_be_replayed():
    now = timezone.now()
    call = CallFactory(places=2, selection=Selection.LOTTERY)
    applications = [apply(call, ChildFactory()) for _ in range(6)]
    with pytest.raises(ApplicationError) as error:
        services.call_lottery_draw(call=call, by=None, now=now)
    assert error.value.code == "lottery_too_early"
    later = call.closes_at + timedelta(minutes=1)
    drawn = services.call_lottery_draw(call=call, by=None, now=later)
    call.refresh_from_db()
    assert len(call.lottery_seed) == 32 and call.lottery_drawn_at == later
    states = dict(Application.objects.values_list("pk", "state"))
    assert [states[a.pk] for a in drawn] == [
        "offered",
        "offered",
        "waitlisted",
        "waitlisted",
        "waitlisted",
        "waitlisted",
    ]
    assert sorted(Application.objects.values_list("lottery_rank", flat=True)) == [1, 2, 3, 4, 5, 6]
    assert lottery_replay(call)
    # The same seed always draws the same order.
    assert [a.pk for a in services.lottery_order(applications, call.lottery_seed)] == [a.pk for a in drawn]
    with pytest.raises(ApplicationError):
        services.call_lottery_draw(call=call, by=None, now=later)
    # Someone who declines: the place goes to rank 3.
    services.application_decline(application=drawn[0], account=drawn[0].account, now=later)
    assert Application.objects.get(pk=drawn[2].pk).state == State.OFFERED


def test_a_child_under_14_needs_consent_recorded_with_version_language_time_and_giver(guardian):
    today = timezone.localdate()
    fields = {
        "name": "Young",
        "birth_date": today.replace(year=today.year - 10),
        "school": "",
        "school_level": "elementary",
        "district": "nam",
        "school_in_busan": True,
    }
    with pytest.raises(ApplicationError) as error:
        services.applicant_save(account=guardian, relationship="child", fields=fields, language="ko")
    assert error.value.code == "consent_required"
    child = services.applicant_save(
        account=guardian, relationship="child", fields=fields, guardian_consent=True, language="zh-hans"
    )
    assert child.guardian_consent_version == "2026-12"
    assert child.guardian_consent_language == "zh-hans"
    assert child.guardian_consent_by == guardian and child.guardian_consent_at is not None
    with pytest.raises(ApplicationError) as error:
        services.applicant_save(account=UserFactory(), relationship="self", fields=fields, language="ko")
    assert error.value.code == "self_under_14"


def test_deleting_a_child_with_an_application_in_progress_is_refused(call):
    application = apply(call, ChildFactory())
    with pytest.raises(ApplicationError):
        services.applicant_delete(applicant=application.applicant)
    services.application_withdraw(application=application, account=application.account)
    services.applicant_delete(applicant=Applicant.objects.get(pk=application.applicant_id))
    application.refresh_from_db()
    assert application.applicant is None and application.state == State.WITHDRAWN
