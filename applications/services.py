"""Every change to applications and applicants, by members on the site, staff in the admin and the job.

Places are never given twice: every change that can take or free a place first locks the call's row
(``select_for_update()`` inside ``transaction.atomic()``), then counts the places held, then writes. On
SQLite, where ``select_for_update()`` does nothing, the database is opened with
``"transaction_mode": "IMMEDIATE"``, which serialises these transactions just the same.

Every change of state is recorded (``StateChange``: from, to, when, who) and mailed to the member who
applied (the guardian, for a child) in their language, in the same transaction.
"""

import secrets
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from audit.services import Action, access_record
from programs.models import Status

from . import emails
from .choices import QuestionKind, Selection
from .consents import CHILD_CONSENT_VERSION
from .eligibility import age_on, applicant_check, needs_guardian_consent
from .exceptions import ApplicationError
from .lottery import lottery_order
from .models import Answer, Applicant, Application, Call, Question, StateChange
from .uploads import CheckedFile

State = Application.State
Actor = StateChange.Actor

# Called between counting the places held and writing, when set. Only tests set it, to widen the window in
# which unlocked concurrent offers could give the same place twice.
_after_count_hook: Callable[[], None] | None = None

# Which states each state may be reached from.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    State.SUBMITTED: (State.DRAFT,),
    State.UNDER_REVIEW: (State.SUBMITTED,),
    State.OFFERED: (State.SUBMITTED, State.UNDER_REVIEW, State.WAITLISTED),
    State.ACCEPTED: (State.OFFERED,),
    State.DECLINED: (State.OFFERED,),
    State.EXPIRED: (State.OFFERED,),
    State.NOT_SELECTED: (State.SUBMITTED, State.UNDER_REVIEW, State.WAITLISTED),
    State.WAITLISTED: (State.SUBMITTED, State.UNDER_REVIEW),
    State.WITHDRAWN: (State.SUBMITTED, State.UNDER_REVIEW, State.WAITLISTED, State.OFFERED, State.ACCEPTED),
}


# --- Applicants: the member and the children they look after ---------------------------------------


def applicant_save(
    *,
    account,
    relationship: str,
    fields: Mapping,
    applicant: Applicant | None = None,
    guardian_consent: bool = False,
    language: str,
    now: datetime | None = None,
) -> Applicant:
    """Add or change the member's own details (``relationship="self"``) or a child's.

    A child under 14 needs the legal guardian's consent (PIPA art. 22-2), recorded with the text version,
    the language it was read in, the time and the member who gave it; a member under 14 cannot apply for
    themself. ``fields``: name, birth_date, school, school_level, district, school_in_busan.
    """
    now = now or timezone.now()
    with transaction.atomic():
        if applicant is None:
            if (
                relationship == Applicant.Relationship.SELF
                and account.applicants.filter(relationship="self").exists()
            ):
                raise ApplicationError("self_exists")
            applicant = Applicant(account=account, relationship=relationship)
        elif applicant.account_id != account.pk:
            raise ApplicationError("invalid_state")
        for name, value in fields.items():
            setattr(applicant, name, value)
        under_14 = needs_guardian_consent(applicant, today=timezone.localdate(now))
        if applicant.relationship == Applicant.Relationship.SELF and under_14:
            raise ApplicationError("self_under_14")
        if applicant.is_child and guardian_consent:
            applicant.guardian_consent_version = CHILD_CONSENT_VERSION
            applicant.guardian_consent_language = language
            applicant.guardian_consent_at = now
            applicant.guardian_consent_by = account
        elif applicant.is_child and under_14 and not applicant.guardian_consent_at:
            raise ApplicationError("consent_required")
        applicant.full_clean(exclude=["account", "guardian_consent_by"])
        applicant.save()
    return applicant


def applicant_delete(*, applicant: Applicant) -> None:
    """Remove a child (or the member's own details) and their answers; finished applications stay without
    them, for statistics. Refused while an application is in progress."""
    with transaction.atomic():
        applications = Application.objects.filter(applicant=applicant)
        if applications.exclude(state__in=(State.DRAFT, *Application.FINAL_STATES)).exists():
            raise ApplicationError("has_active_applications")
        _answers_delete(Answer.objects.filter(application__applicant=applicant))
        applications.filter(state=State.DRAFT).delete()
        applicant.delete()


def _answers_delete(answers) -> None:
    files = [answer.file for answer in answers if answer.file]
    answers.delete()
    # The files go once the rows are gone for good; a rolled-back deletion keeps them.
    for file in files:
        transaction.on_commit(lambda file=file: file.storage.delete(file.name))


# --- Applying ------------------------------------------------------------------------------------------


def _lock_call(call: Call, *, lock: bool = True) -> Call:
    queryset = Call.objects.all()
    if lock:
        queryset = queryset.select_for_update()
    return queryset.get(pk=call.pk)


def _check_open(call: Call, *, now: datetime) -> None:
    if call.status != Status.PUBLISHED:
        raise ApplicationError("unavailable")
    if now < call.opens_at:
        raise ApplicationError("not_open")
    if now >= call.closes_at:
        raise ApplicationError("closed")


def _check_applicant(account, applicant: Applicant) -> None:
    if applicant.account_id != account.pk:
        # Nobody applies for someone else's child; the view shows a 404 before this.
        raise ApplicationError("unavailable")


def _save_answers(application: Application, questions: Iterable[Question], answers: Mapping) -> None:
    """Store the answers given; a question left out of ``answers`` keeps its stored answer (a file already
    uploaded with a draft), ``None`` clears it."""
    existing = {answer.question_id: answer for answer in application.answers.all()}
    for question in questions:
        if question.pk not in answers:
            continue
        value = answers[question.pk]
        answer = existing.get(question.pk) or Answer(application=application, question=question)
        if question.kind == QuestionKind.FILE:
            if value is None:
                continue
            if not isinstance(value, CheckedFile):
                raise TypeError("A file answer must be checked by applications.uploads.upload_check first.")
            old = answer.file.name if answer.file else ""
            answer.file.save(value.content.name, value.content, save=False)
            answer.file_name = value.original_name
            answer.file_type = value.content_type
            answer.file_size = value.size
            answer.save()
            if old:
                transaction.on_commit(lambda old=old, storage=answer.file.storage: storage.delete(old))
            continue
        if value in (None, "", []):
            if answer.pk:
                answer.delete()
            continue
        answer.value = value
        answer.save()


def _missing_required(application: Application, questions: Iterable[Question]) -> list[Question]:
    answered = {
        answer.question_id
        for answer in application.answers.all()
        if answer.file or answer.value not in (None, "", [])
    }
    return [question for question in questions if question.required and question.pk not in answered]


def application_save_draft(
    *, account, call: Call, applicant: Applicant, answers: Mapping, now: datetime | None = None
) -> Application:
    """Keep the answers given so far as a draft, to finish later (files included)."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            call = _lock_call(call)
            _check_open(call, now=now)
            _check_applicant(account, applicant)
            application, created = Application.objects.get_or_create(
                call=call, applicant=applicant, defaults={"account": account, "is_child": applicant.is_child}
            )
            if application.state != State.DRAFT:
                raise ApplicationError("duplicate")
            _save_answers(application, call.questions.all(), answers)
            if created:
                _record(application, "", State.DRAFT, actor=Actor.APPLICANT, by=account, now=now)
    except IntegrityError as error:
        raise ApplicationError("duplicate") from error
    return application


def application_submit(
    *, account, call: Call, applicant: Applicant, answers: Mapping, now: datetime | None = None
) -> Application:
    """Submit an application for ``applicant`` to ``call`` with ``answers`` (added to a draft's).

    The server checks everything again, whatever the form showed: the call is open, the applicant is the
    member's, eligible (age on the reference date, residence, school level, guardian's consent under 14),
    every required question is answered, and nothing was submitted for them yet (a double click gives one
    application). First come, first served: a free place is offered at once, otherwise the waiting list.
    """
    now = now or timezone.now()
    try:
        with transaction.atomic():
            call = _lock_call(call)
            _check_open(call, now=now)
            _check_applicant(account, applicant)
            eligibility = applicant_check(call, applicant)
            if not eligibility.eligible:
                raise ApplicationError("not_eligible", reasons=" ".join(eligibility.reasons))
            application, created = Application.objects.get_or_create(
                call=call, applicant=applicant, defaults={"account": account, "is_child": applicant.is_child}
            )
            if application.state != State.DRAFT:
                raise ApplicationError("duplicate")
            questions = list(call.questions.all())
            _save_answers(application, questions, answers)
            if missing := _missing_required(application, questions):
                raise ApplicationError("answer_required", questions=", ".join(q.text for q in missing))
            application.account = account
            application.is_child = applicant.is_child
            application.age = age_on(applicant.birth_date, call.age_reference_date)
            application.school_level = applicant.school_level
            application.district = applicant.district
            application.school_in_busan = applicant.school_in_busan
            application.guardian_consent_version = (
                applicant.guardian_consent_version if applicant.is_child else ""
            )
            application.submitted_at = now
            if created:
                _record(application, "", State.DRAFT, actor=Actor.APPLICANT, by=account, now=now)
            _move(application, State.SUBMITTED, actor=Actor.APPLICANT, by=account, now=now, notify=False)
            if call.selection == Selection.FIRST_COME:
                if _places_free(call) > 0:
                    _offer(application, call=call, actor=Actor.SYSTEM, by=None, now=now, notify=False)
                else:
                    _move(application, State.WAITLISTED, actor=Actor.SYSTEM, by=None, now=now, notify=False)
            _notify(application)
    except IntegrityError as error:
        # Two submissions at once: the unique constraint lets one through.
        raise ApplicationError("duplicate") from error
    return application


def application_discard_draft(*, application: Application) -> None:
    """Delete a draft that was never submitted, with its answers and files."""
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.state != State.DRAFT:
            raise ApplicationError("invalid_state")
        _answers_delete(application.answers.all())
        application.delete()


# --- State changes ---------------------------------------------------------------------------------------


def _record(
    application: Application, from_state: str, to_state: str, *, actor: str, by, now: datetime
) -> None:
    StateChange.objects.create(
        application=application, from_state=from_state, to_state=to_state, at=now, actor=actor, by=by
    )
    access_record(
        action=Action.CHANGE,
        model=Application,
        ids=[application.pk],
        summary=f"state: {from_state or '-'} -> {to_state} ({actor})",
        actor=by,
    )


def _notify(application: Application) -> None:
    # In the change's own transaction: the mail is queued if and only if the change is committed.
    emails.application_mail_send(application_id=application.pk)


def _move(application: Application, to: str, *, actor: str, by, now: datetime, notify: bool = True) -> None:
    if application.state not in TRANSITIONS[to]:
        raise ApplicationError("invalid_state")
    from_state = application.state
    application.state = to
    if to == State.WAITLISTED:
        application.waitlisted_at = now
    application.save()
    _record(application, from_state, to, actor=actor, by=by, now=now)
    if notify:
        _notify(application)


def _places_free(call: Call) -> int:
    held = Application.objects.filter(call=call).holding_place().count()
    if _after_count_hook is not None:
        _after_count_hook()
    return max(call.places - held, 0)


def _offer(
    application: Application, *, call: Call, actor: str, by, now: datetime, notify: bool = True
) -> None:
    application.offer_expires_at = now + timedelta(hours=call.offer_hours)
    _move(application, State.OFFERED, actor=actor, by=by, now=now, notify=notify)


def _fill_places(call: Call, *, now: datetime) -> list[Application]:
    """Offer free places to the first on the waiting list. ``call`` is locked. Nobody is offered a place
    once the trip has started."""
    if timezone.localdate(now) >= call.trip_starts_on:
        return []
    free = _places_free(call)
    offered = []
    for application in Application.objects.filter(call=call).waiting()[:free] if free else []:
        _offer(application, call=call, actor=Actor.SYSTEM, by=None, now=now)
        offered.append(application)
    return offered


def _locked(applications: Iterable[Application]) -> list[Application]:
    pks = [application.pk for application in applications]
    return list(Application.objects.select_for_update().filter(pk__in=pks).order_by("submitted_at", "pk"))


def applications_offer(
    *, call: Call, applications: Iterable[Application], by, now: datetime | None = None, _lock: bool = True
) -> list[Application]:
    """Staff: offer each application a place, to accept within the call's hours.

    All or nothing: refused when the call has fewer free places than applications given, or when one of
    them cannot be offered a place (already answered, withdrawn ...). ``_lock=False`` exists only for the
    test that shows the race the lock prevents.
    """
    now = now or timezone.now()
    with transaction.atomic():
        call = _lock_call(call, lock=_lock)
        applications = _locked(applications)
        if any(application.call_id != call.pk for application in applications):
            raise ValueError("Offer places of one call at a time.")
        if any(application.state not in TRANSITIONS[State.OFFERED] for application in applications):
            raise ApplicationError("invalid_state")
        free = _places_free(call)
        if len(applications) > free:
            raise ApplicationError("no_places", free=free, asked=len(applications))
        for application in applications:
            _offer(application, call=call, actor=Actor.STAFF, by=by, now=now)
    return applications


def _staff_move(
    applications: Iterable[Application], to: str, *, by, now: datetime | None
) -> list[Application]:
    now = now or timezone.now()
    with transaction.atomic():
        applications = _locked(applications)
        if any(application.state not in TRANSITIONS[to] for application in applications):
            raise ApplicationError("invalid_state")
        for application in applications:
            _move(application, to, actor=Actor.STAFF, by=by, now=now)
    return applications


def applications_shortlist(*, applications: Iterable[Application], by, now: datetime | None = None):
    """Staff: take submitted applications under review (the shortlist)."""
    return _staff_move(applications, State.UNDER_REVIEW, by=by, now=now)


def applications_not_select(*, applications: Iterable[Application], by, now: datetime | None = None):
    """Staff: tell the applicants they were not selected."""
    return _staff_move(applications, State.NOT_SELECTED, by=by, now=now)


def applications_waitlist(*, applications: Iterable[Application], by, now: datetime | None = None):
    """Staff: put applications on the waiting list, in the order they were submitted, after those there."""
    return _staff_move(applications, State.WAITLISTED, by=by, now=now)


def application_accept(*, application: Application, account, now: datetime | None = None) -> Application:
    """The applicant accepts the place offered, before its deadline."""
    now = now or timezone.now()
    with transaction.atomic():
        _lock_call(application.call)
        application = Application.objects.select_for_update().select_related("call").get(pk=application.pk)
        if application.account_id != account.pk or application.state != State.OFFERED:
            raise ApplicationError("invalid_state")
        if now >= application.offer_expires_at:
            deadline = date_format(timezone.localtime(application.offer_expires_at), "DATETIME_FORMAT")
            raise ApplicationError("offer_expired", deadline=deadline)
        _move(application, State.ACCEPTED, actor=Actor.APPLICANT, by=account, now=now)
    return application


def _applicant_frees(
    application: Application, to: str, *, account, now: datetime, notify: bool = True
) -> Application:
    with transaction.atomic():
        call = _lock_call(application.call)
        application = Application.objects.select_for_update().get(pk=application.pk)
        if application.account_id != account.pk:
            raise ApplicationError("invalid_state")
        held_place = application.holds_place
        _move(application, to, actor=Actor.APPLICANT, by=account, now=now, notify=notify)
        if held_place:
            _fill_places(call, now=now)
    return application


def application_decline(*, application: Application, account, now: datetime | None = None) -> Application:
    """The applicant declines the place offered; it goes to the first on the waiting list."""
    return _applicant_frees(application, State.DECLINED, account=account, now=now or timezone.now())


def application_withdraw(*, application: Application, account, now: datetime | None = None) -> Application:
    """The applicant withdraws; a place they held (offered or accepted) goes to the waiting list."""
    return _applicant_frees(application, State.WITHDRAWN, account=account, now=now or timezone.now())


def offers_expire(*, now: datetime | None = None) -> int:
    """The scheduled job: offers past their deadline expire and their places go to the waiting list.

    Each call is handled in its own transaction under its lock, so one call's trouble does not hold up
    the others; returns how many offers expired.
    """
    now = now or timezone.now()
    expired = 0
    for call_id in (
        Application.objects.offers_due(now).values_list("call_id", flat=True).distinct().order_by()
    ):
        with transaction.atomic():
            call = Call.objects.select_for_update().get(pk=call_id)
            due = Application.objects.select_for_update().filter(call=call).offers_due(now).order_by("pk")
            for application in due:
                _move(application, State.EXPIRED, actor=Actor.SYSTEM, by=None, now=now)
                expired += 1
            _fill_places(call, now=now)
    return expired


def call_lottery_draw(
    *, call: Call, by, now: datetime | None = None, seed: str | None = None
) -> list[Application]:
    """Staff: draw the lottery of a call whose application period has ended.

    The submitted and shortlisted applications, in the order of their numbers, are shuffled by Python's
    ``random.Random(seed)``; the seed is recorded on the call, so anyone can replay the draw
    (``selectors.lottery_replay``). The first ones get the free places, the others join the waiting list in
    the drawn order. Returns the applications in the drawn order.
    """
    now = now or timezone.now()
    with transaction.atomic():
        call = _lock_call(call)
        if call.selection != Selection.LOTTERY:
            raise ApplicationError("not_lottery")
        if call.lottery_drawn_at:
            raise ApplicationError("lottery_drawn")
        if now < call.closes_at:
            raise ApplicationError("lottery_too_early")
        seed = seed or secrets.token_hex(16)
        pool = list(
            Application.objects.select_for_update()
            .filter(call=call, state__in=(State.SUBMITTED, State.UNDER_REVIEW))
            .order_by("pk")
        )
        drawn = lottery_order(pool, seed)
        free = _places_free(call)
        for rank, application in enumerate(drawn, start=1):
            application.lottery_rank = rank
            if rank <= free:
                _offer(application, call=call, actor=Actor.STAFF, by=by, now=now)
            else:
                _move(application, State.WAITLISTED, actor=Actor.STAFF, by=by, now=now)
        call.lottery_seed = seed
        call.lottery_drawn_at = now
        call.lottery_drawn_by = by
        call.save(update_fields=["lottery_seed", "lottery_drawn_at", "lottery_drawn_by", "updated_at"])
    return drawn


# --- Keeping time ----------------------------------------------------------------------------------------

# Answers and files are deleted this long after the call's trip ended (the privacy policy, section 3, says one
# year): a selection can be challenged in court for up to a year after the decision (Administrative
# Litigation Act art. 20(2); an administrative appeal, 180 days), which comes before the trip, and the office
# reports on the exchange once it is over.
ANSWERS_RETENTION_DAYS = 365


def answers_purge(*, now: datetime | None = None) -> int:
    """The daily job: delete the answers and files of applications to calls whose trip ended more than
    ``ANSWERS_RETENTION_DAYS`` ago; drafts never submitted go whole. Applications keep their state history
    and what was recorded for statistics at submission, and ``answers_deleted_at`` tells the member and
    staff. One call at a time, each in its own transaction; returns how many applications lost answers."""
    now = now or timezone.now()
    cutoff = timezone.localdate(now) - timedelta(days=ANSWERS_RETENTION_DAYS)
    over = Application.objects.filter(call__trip_ends_on__lt=cutoff)
    call_ids = over.filter(Q(state=State.DRAFT) | Q(answers__isnull=False)).values_list("call_id", flat=True)
    emptied = 0
    for call_id in sorted(set(call_ids)):
        with transaction.atomic():
            drafts = list(
                Application.objects.filter(call_id=call_id, state=State.DRAFT).values_list("pk", flat=True)
            )
            answered = list(
                Application.objects.filter(call_id=call_id, answers__isnull=False)
                .exclude(state=State.DRAFT)
                .distinct()
                .values_list("pk", flat=True)
            )
            _answers_delete(Answer.objects.filter(application_id__in=[*drafts, *answered]))
            if drafts:
                Application.objects.filter(pk__in=drafts).delete()
                access_record(
                    action=Action.DELETE,
                    model=Application,
                    ids=drafts,
                    summary="draft deleted (keeping time)",
                )
            if answered:
                Application.objects.filter(pk__in=answered).update(answers_deleted_at=now)
                access_record(
                    action=Action.CHANGE,
                    model=Application,
                    ids=answered,
                    summary="answers and files deleted (keeping time)",
                )
            emptied += len(answered)
    return emptied


# --- Members leaving -------------------------------------------------------------------------------------


def applications_release_for_deleted_member(*, user, now: datetime | None = None) -> None:
    """Before a member's account is deleted: withdraw what is still to come, discard drafts, delete answers
    and files. The applications then stay without applicant or member (the account's deletion empties
    them), with the age, school level and district recorded at submission, for statistics only."""
    now = now or timezone.now()
    today: date = timezone.localdate(now)
    in_progress = (State.SUBMITTED, State.UNDER_REVIEW, State.WAITLISTED, State.OFFERED, State.ACCEPTED)
    with transaction.atomic():
        for application in Application.objects.filter(account=user, state__in=in_progress).select_related(
            "call"
        ):
            if application.call.trip_starts_on > today:
                # No mail: the address is about to go, and the member chose to leave.
                _applicant_frees(application, State.WITHDRAWN, account=user, now=now, notify=False)
        _answers_delete(Answer.objects.filter(application__account=user))
        Application.objects.filter(account=user, state=State.DRAFT).delete()
