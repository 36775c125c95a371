"""Deleting a member (``portal.services.member_delete``) with applications: places still to come are passed
to the waiting list, children, answers and files are deleted, the applications stay without any name."""

import os

import pytest

from accounts.tests.factories import UserFactory
from applications import services
from applications.choices import QuestionKind
from applications.models import Answer, Applicant, Application
from applications.tests.factories import CallFactory, ChildFactory, QuestionFactory, pdf_upload
from applications.uploads import upload_check
from portal.services import member_delete

pytestmark = pytest.mark.django_db
State = Application.State


@pytest.fixture
def call():
    return CallFactory(places=2)


def apply(call, applicant, answers=None):
    return services.application_submit(
        account=applicant.account, call=call, applicant=applicant, answers=answers or {}
    )


def test_a_member_leaving_frees_places_and_keeps_anonymous_rows(call, django_capture_on_commit_callbacks):
    file_question = QuestionFactory(call=call, kind=QuestionKind.FILE, required=False)
    guardian = UserFactory()
    child = ChildFactory(account=guardian)
    application = apply(call, child, {file_question.pk: upload_check(pdf_upload())})
    stored = Answer.objects.get().file
    path = stored.path
    services.applications_offer(call=call, applications=[application], by=None)
    waiting = apply(call, ChildFactory())
    services.applications_waitlist(applications=[waiting], by=None)
    with django_capture_on_commit_callbacks(execute=True):
        member_delete(user=guardian)
    application.refresh_from_db()
    assert application.state == State.WITHDRAWN
    assert application.applicant is None and application.account is None
    assert application.age == 15 and not application.answers.exists()
    assert not Applicant.objects.filter(pk=child.pk).exists()
    assert not os.path.exists(path)
    assert Application.objects.get(pk=waiting.pk).state == State.OFFERED
