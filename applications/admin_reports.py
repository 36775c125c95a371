"""Applications as a CSV file for spreadsheets: UTF-8 with BOM, formulas neutralised, answers in Korean."""

import csv
import io

from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext

from accounts.exports import BOM, csv_cell

from .models import Answer, Application, Question
from .selectors import application_flags, staff_answer


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def applications_csv(queryset: QuerySet[Application]) -> str:
    """One row per application, with a column per question of the calls in it (headers in the language
    active, which is the staff member's)."""
    applications = list(
        queryset.select_related("call", "applicant", "account").prefetch_related(
            Prefetch("answers", queryset=Answer.objects.select_related("question"))
        )
    )
    questions = list(
        Question.objects.filter(call__in={a.call_id for a in applications}).order_by("call_id", "order", "pk")
    )
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer)
    writer.writerow(
        [
            gettext("Number"),
            gettext("Call"),
            gettext("Applicant"),
            gettext("Child"),
            gettext("Member (guardian)"),
            gettext("Email"),
            gettext("Age on the reference date"),
            gettext("School level"),
            gettext("Residence district"),
            gettext("Attends a school in Busan"),
            gettext("Eligibility"),
            gettext("State"),
            gettext("Submitted"),
            gettext("Offer deadline"),
            gettext("Lottery rank"),
            *[question.text_ko or question.text for question in questions],
        ]
    )
    for application in applications:
        answers = {answer.question_id: answer for answer in application.answers.all()}
        flags = application_flags(application)
        applicant, account = application.applicant, application.account
        row = [
            application.pk,
            application.call,
            applicant.name if applicant else gettext("(account deleted)"),
            gettext("Yes") if application.is_child else gettext("No"),
            account.name if account else "",
            account.email if account else "",
            application.age,
            application.get_school_level_display(),
            application.get_district_display(),
            gettext("Yes") if application.school_in_busan else gettext("No"),
            gettext("Eligible") if flags.eligible else " ".join(flags.reasons),
            application.get_state_display(),
            _local(application.submitted_at),
            _local(application.offer_expires_at),
            application.lottery_rank,
            *[staff_answer(answers[q.pk], q)[1] if q.pk in answers else "" for q in questions],
        ]
        writer.writerow([csv_cell(value) for value in row])
    return buffer.getvalue()
