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


def test_the_admin_log_stops_naming_the_member_and_their_children(call):
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    from homestays.tests.factories import HostOfferFactory

    guardian = UserFactory(name="Kim Minji")
    child = ChildFactory(account=guardian, name="Kim Seoyeon")
    application = apply(call, child)
    offer = HostOfferFactory(user=guardian)
    staff = UserFactory(is_staff=True)
    for obj in (child, application, offer):
        LogEntry.objects.create(
            user=staff,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=str(obj.pk),
            object_repr=str(obj)[:200],
            action_flag=CHANGE,
            change_message="[]",
        )
    assert LogEntry.objects.filter(object_repr__contains="Kim").count() == 3

    member_delete(user=guardian)

    names = list(LogEntry.objects.values_list("object_repr", flat=True))
    assert len(names) == 3 and not any("Kim" in name for name in names)
    assert f"#{application.pk}" in " ".join(names)
