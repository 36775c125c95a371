"""Reads about calls, applicants and applications, for members, the program page, staff and the download."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from django.utils.translation import gettext

from .eligibility import Eligibility, applicant_check, rules_check
from .lottery import lottery_order
from .models import Answer, Applicant, Application, Call, Question

State = Application.State


def call_get(*, slug: str) -> Call:
    """A published call of a published program, with its program, destination and questions."""
    return get_object_or_404(
        Call.objects.published()
        .filter(program__status="published")
        .select_related("program", "destination")
        .prefetch_related("questions"),
        slug=slug,
    )


def program_calls(*, program, now=None) -> list[Call]:
    """The program's published calls that are open or still to open, soonest first."""
    return list(Call.objects.open_or_coming(now).filter(program=program).select_related("destination"))


def calls_open_or_coming(*, now=None) -> list[Call]:
    """Every published call of a published program that is open or still to open, closing soonest first."""
    return list(
        Call.objects.open_or_coming(now)
        .filter(program__status="published")
        .select_related("program", "destination")
        .order_by("closes_at", "pk")
    )


def places_held(call: Call) -> int:
    return Application.objects.filter(call=call).holding_place().count()


def waitlist_position(application: Application) -> int | None:
    """1 for the first on the call's waiting list, 2 for the next ..."""
    if application.state != State.WAITLISTED:
        return None
    order = list(
        Application.objects.filter(call_id=application.call_id).waiting().values_list("pk", flat=True)
    )
    return order.index(application.pk) + 1 if application.pk in order else None


def member_applicants(*, user) -> list[Applicant]:
    """The member's own details (first, if any) and the children they look after."""
    applicants = Applicant.objects.filter(account=user)
    return sorted(applicants, key=lambda applicant: (applicant.is_child, applicant.birth_date, applicant.pk))


def applicant_get_for_member(*, user, pk: int) -> Applicant:
    """One of the member's applicants; anybody else's is a 404, so children's data never leaks."""
    return get_object_or_404(Applicant, pk=pk, account=user)


@dataclass
class ApplicantChoice:
    """One line of the "who can apply" box on a call's page."""

    applicant: Applicant
    eligibility: Eligibility
    application: Application | None = None


def call_choices(*, user, call: Call) -> list[ApplicantChoice]:
    """For each of the member's applicants: eligible or not (and why), and their application to the call."""
    applications = {
        application.applicant_id: application
        for application in Application.objects.filter(call=call, account=user, applicant__isnull=False)
    }
    return [
        ApplicantChoice(
            applicant=applicant,
            eligibility=applicant_check(call, applicant),
            application=applications.get(applicant.pk),
        )
        for applicant in member_applicants(user=user)
    ]


def member_applications(*, user) -> list[Application]:
    """The member's applications (for themself and their children), newest first, with the waiting-list
    position of those waiting, the title of their call (in every language, for the fallback) and the
    applicant's name: what the member's page lists."""
    applications = list(
        Application.objects.filter(account=user)
        .select_related("call", "applicant")
        .only(
            *(f.name for f in Application._meta.concrete_fields),
            "call__slug",
            "call__title",
            "applicant__name",
        )
        .order_by("-created_at", "-pk")
    )
    # One query for every waiting list the member is on, however many.
    waiting_calls = {a.call_id for a in applications if a.state == State.WAITLISTED}
    queues: dict[int, list[int]] = {}
    if waiting_calls:
        for pk, call_id in (
            Application.objects.filter(call_id__in=waiting_calls).waiting().values_list("pk", "call_id")
        ):
            queues.setdefault(call_id, []).append(pk)
    for application in applications:
        queue = queues.get(application.call_id, [])
        application.position = queue.index(application.pk) + 1 if application.pk in queue else None
    return applications


def application_get_for_member(*, user, pk: int) -> Application:
    """One of the member's applications with its answers and history; anybody else's is a 404."""
    application = get_object_or_404(
        Application.objects.select_related("call", "call__program", "applicant").prefetch_related(
            Prefetch("answers", queryset=Answer.objects.select_related("question")), "history"
        ),
        pk=pk,
        account=user,
    )
    application.position = waitlist_position(application)
    return application


def answer_get_for_download(*, user, pk: int) -> Answer:
    """An uploaded file, for the member who applied or staff who manage the call; a 404 for anyone else
    (so nobody learns that the file exists)."""
    answer = get_object_or_404(
        Answer.objects.select_related("application", "application__call").exclude(file=""), pk=pk
    )
    application = answer.application
    if user.is_authenticated and application.account_id == user.pk:
        return answer
    if (
        user.is_authenticated
        and user.is_staff
        and user.has_perm("applications.view_application")
        and Call.objects.managed_by(user).filter(pk=application.call_id).exists()
    ):
        return answer
    raise Http404


def answer_display(answer: Answer, question: Question | None = None) -> str:
    """The answer as text in the question's language of the moment (Korean in the staff desk)."""
    question = question or answer.question
    value = answer.value
    if question.kind == "file":
        return answer.file_name
    if question.kind == "yes_no":
        return gettext("Yes") if value else gettext("No")
    if question.is_choice:
        options = question.option_lines
        indexes = value if isinstance(value, list) else [value]
        return ", ".join(options[i] if isinstance(i, int) and 0 <= i < len(options) else "?" for i in indexes)
    return "" if value is None else str(value)


def staff_answer(answer: Answer, question: Question | None = None) -> tuple[str, str]:
    """``(question, answer)`` as staff read them: in Korean, the language every call is written in first."""
    question = question or answer.question
    with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE):
        return question.text, answer_display(answer, question)


def application_flags(application: Application) -> Eligibility:
    """The call's rules checked against what was recorded when the application was submitted."""
    if application.age is None:
        return Eligibility()
    return rules_check(
        application.call,
        age=application.age,
        school_level=application.school_level,
        district=application.district,
        school_in_busan=application.school_in_busan,
    )


def state_counts(queryset: QuerySet[Application]) -> list[tuple[str, str, int]]:
    """``(state, label, count)`` for every state, in workflow order, from one query."""
    counts = dict(queryset.order_by().values_list("state").annotate(n=Count("pk")))
    return [(value, label, counts.get(value, 0)) for value, label in State.choices]


@dataclass
class CallFigures:
    places: int
    held: int
    counts: dict = field(default_factory=dict)

    @property
    def free(self) -> int:
        return max(self.places - self.held, 0)


def call_figures(call: Call) -> CallFigures:
    counts = dict(
        Application.objects.filter(call=call).order_by().values_list("state").annotate(n=Count("pk"))
    )
    held = sum(counts.get(state, 0) for state in Application.PLACE_STATES)
    return CallFigures(places=call.places, held=held, counts=counts)


def member_data(*, user) -> dict:
    """The member's applicants and applications, as the data download shows them (times in Korean time)."""

    def when(value):
        return timezone.localtime(value).isoformat() if value else None

    applicants = [
        {
            "relationship": applicant.relationship,
            "name": applicant.name,
            "birth_date": applicant.birth_date.isoformat(),
            "school": applicant.school,
            "school_level": applicant.school_level,
            "district": applicant.district,
            "school_in_busan": applicant.school_in_busan,
            "guardian_consent": (
                {
                    "version": applicant.guardian_consent_version,
                    "language": applicant.guardian_consent_language,
                    "given_at": when(applicant.guardian_consent_at),
                }
                if applicant.guardian_consent_at
                else None
            ),
        }
        for applicant in member_applicants(user=user)
    ]
    applications = []
    queryset = (
        Application.objects.filter(account=user)
        .select_related("call", "applicant")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.select_related("question")), "history")
    )
    for application in queryset:
        applications.append(
            {
                "call": application.call.slug,
                "call_title": application.call.title,
                "applicant": application.applicant.name if application.applicant else None,
                "state": application.state,
                "submitted_at": when(application.submitted_at),
                "offer_expires_at": when(application.offer_expires_at),
                "answers_deleted_at": when(application.answers_deleted_at),
                "answers": [
                    {
                        "question": answer.question.text,
                        "answer": answer_display(answer),
                        **({"file": answer.file_name} if answer.file else {}),
                    }
                    for answer in application.answers.all()
                ],
                "history": [
                    {
                        "from": change.from_state,
                        "to": change.to_state,
                        "at": when(change.at),
                        "by": change.actor,
                    }
                    for change in application.history.all()
                ],
            }
        )
    return {"applicants": applicants, "applications": applications}


def lottery_replay(call: Call) -> bool:
    """Whether drawing the recorded seed again gives the ranks recorded: anyone can check a draw."""
    drawn = list(Application.objects.filter(call=call, lottery_rank__isnull=False).order_by("lottery_rank"))
    if not call.lottery_seed or not drawn:
        return False
    return [a.pk for a in lottery_order(drawn, call.lottery_seed)] == [a.pk for a in drawn]


def open_call_exists(*, program) -> bool:
    return Call.objects.open().filter(program=program).exists()


def member_records(*, user) -> list[tuple[type, list[int]]]:
    """The rows that name the member or a child of theirs, as ``(model, ids)``: what the admin's log must
    stop naming when the member leaves."""
    applicants = list(Applicant.objects.filter(account=user).values_list("pk", flat=True))
    applications = list(Application.objects.filter(account=user).values_list("pk", flat=True))
    return [(Applicant, applicants), (Application, applications)]
