"""What members see and do: call pages with eligibility, applying with a file, following the application,
the words on My page, and who may see children's data and attachments."""

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from accounts.tests.factories import UserFactory
from accounts.tests.staff import CONTENT_EDITORS, PROGRAM_MANAGERS, make_user
from applications import services
from applications.choices import QuestionKind
from applications.models import Answer, Applicant, Application

from .factories import CallFactory, ChildFactory, QuestionFactory, pdf_upload, png_upload

pytestmark = pytest.mark.django_db
State = Application.State


def url(name, *args, lang="en"):
    with translation.override(lang):
        return reverse(name, args=args)


@pytest.fixture
def call():
    call = CallFactory(places=2)
    QuestionFactory(call=call, kind=QuestionKind.LONG_TEXT, text_en="Why this exchange?", max_length=300)
    QuestionFactory(
        call=call,
        kind=QuestionKind.ONE_CHOICE,
        text_en="English level",
        text_ko="영어 실력",
        options_en="Basic\nFluent",
        options_ko="기초\n유창함",
    )
    QuestionFactory(call=call, kind=QuestionKind.FILE, text_en="Signed consent form")
    return call


def answers(call, **overrides):
    long_text, choice, file = call.questions.all()
    data = {
        f"q{long_text.pk}": "I love Surabaya",
        f"q{choice.pk}": "1",
        f"q{file.pk}": pdf_upload(),
        "action": "submit",
    }
    data.update(overrides)
    return data


def test_anonymous_visitors_see_the_call_and_a_login_link(client, call):
    page = client.get(url("applications:call", call.slug)).content.decode()
    assert call.title_en in page
    assert "13 to 17 years old" in page and "Lives in Busan or attends a school in Busan" in page
    assert "Middle school, High school" in page
    assert "Log in to apply" in page
    assert "Why this exchange?" in page


def test_member_sees_eligibility_for_themself_and_each_child(client, call):
    guardian = UserFactory()
    eligible = ChildFactory(account=guardian, name="Eligible Kid")
    ChildFactory(account=guardian, name="Student Kid", school_level="university")
    client.force_login(guardian)
    page = client.get(url("applications:call", call.slug)).content.decode()
    assert "Eligible Kid" in page and "Student Kid" in page
    assert "Eligible" in page
    assert "Not eligible, because:" in page and "not University" in page
    assert url("applications:apply", call.slug, eligible.pk) in page


def test_a_guardian_applies_for_a_child_with_a_file_and_follows_it(client, call, mailoutbox):
    guardian = UserFactory()
    child = ChildFactory(account=guardian)
    client.force_login(guardian)
    form = client.get(url("applications:apply", call.slug, child.pk)).content.decode()
    assert 'enctype="multipart/form-data"' in form and "Signed consent form" in form
    response = client.post(url("applications:apply", call.slug, child.pk), answers(call))
    application = Application.objects.get()
    assert response.status_code == 302 and response["Location"] == url("applications:detail", application.pk)
    assert application.state == State.SUBMITTED
    detail = client.get(response["Location"]).content.decode()
    assert "Submitted — not selected yet" in detail
    assert "I love Surabaya" in detail and "Fluent" in detail and "consent.pdf" in detail
    my_page = client.get(url("accounts:my-page")).content.decode()
    assert call.title_en in my_page and "Submitted — not selected yet" in my_page
    assert "Confirmed" not in my_page


def test_a_double_click_gives_one_application(client, call):
    guardian = UserFactory()
    child = ChildFactory(account=guardian)
    client.force_login(guardian)
    client.post(url("applications:apply", call.slug, child.pk), answers(call))
    second = client.post(url("applications:apply", call.slug, child.pk), answers(call), follow=True)
    assert Application.objects.count() == 1
    assert "already been submitted" in second.content.decode()


def test_an_ineligible_applicant_posting_directly_is_refused(client, call):
    guardian = UserFactory()
    child = ChildFactory(account=guardian, district="outside", school_in_busan=False)
    client.force_login(guardian)
    page = client.get(url("applications:apply", call.slug, child.pk)).content.decode()
    assert "Not eligible, because:" in page and 'value="submit"' not in page
    response = client.post(url("applications:apply", call.slug, child.pk), answers(call))
    assert response.status_code == 200
    assert "does not meet the conditions" in response.content.decode()
    assert "I love Surabaya" in response.content.decode()  # what was typed is kept
    assert not Application.objects.exclude(state=State.DRAFT).exists()


def test_a_fake_file_is_refused_by_its_content_and_the_typed_answers_stay(client, call):
    guardian = UserFactory()
    child = ChildFactory(account=guardian)
    client.force_login(guardian)
    fake = SimpleUploadedFile("consent.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        url("applications:apply", call.slug, child.pk),
        answers(call, **{f"q{call.questions.last().pk}": fake}),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Please upload a PDF, JPEG or PNG file" in page
    assert "I love Surabaya" in page
    assert not Application.objects.exclude(state=State.DRAFT).exists()


def test_a_file_kept_with_a_failed_submission_need_not_be_chosen_again(client, call):
    guardian = UserFactory()
    child = ChildFactory(account=guardian)
    client.force_login(guardian)
    long_text = call.questions.first()
    response = client.post(
        url("applications:apply", call.slug, child.pk), answers(call, **{f"q{long_text.pk}": ""})
    )
    assert "Attached: consent.pdf" in response.content.decode()
    data = answers(call)
    del data[f"q{call.questions.last().pk}"]
    client.post(url("applications:apply", call.slug, child.pk), data)
    assert Application.objects.get().state == State.SUBMITTED


def test_too_long_answers_and_oversized_files_are_refused_clearly(client, call, settings):
    settings.PORTAL_UPLOAD_MAX_BYTES = 30
    guardian = UserFactory()
    child = ChildFactory(account=guardian)
    client.force_login(guardian)
    long_text = call.questions.first()
    response = client.post(
        url("applications:apply", call.slug, child.pk),
        answers(call, **{f"q{long_text.pk}": "x" * 301, f"q{call.questions.last().pk}": png_upload()}),
    )
    page = response.content.decode()
    assert "at most 300 characters" in page
    assert "The file is too large" in page


def test_accepting_an_offer_on_the_site(client, call, mailoutbox):
    guardian = UserFactory()
    child = ChildFactory(account=guardian)
    client.force_login(guardian)
    client.post(url("applications:apply", call.slug, child.pk), answers(call))
    application = Application.objects.get()
    services.applications_offer(call=call, applications=[application], by=None)
    my_page = client.get(url("accounts:my-page")).content.decode()
    assert "Place offered — not yours until you accept it" in my_page
    assert "(Korean time)" in my_page and "Accept by" in my_page
    confirm = client.get(url("applications:respond", application.pk, "accept")).content.decode()
    assert "Accept the place" in confirm
    client.post(url("applications:respond", application.pk, "accept"))
    application.refresh_from_db()
    assert application.state == State.ACCEPTED
    assert "Place accepted — taking part" in client.get(url("accounts:my-page")).content.decode()


def test_accepting_after_the_deadline_shows_the_reason(client, call):
    guardian = UserFactory()
    child = ChildFactory(account=guardian)
    client.force_login(guardian)
    client.post(url("applications:apply", call.slug, child.pk), answers(call))
    application = Application.objects.get()
    services.applications_offer(
        call=call, applications=[application], by=None, now=timezone.now() - timedelta(hours=80)
    )
    page = client.post(url("applications:respond", application.pk, "accept"), follow=True).content.decode()
    assert "can no longer be accepted" in page
    assert Application.objects.get().state == State.OFFERED


def test_adding_a_child_under_14_requires_the_consent_and_keeps_what_was_typed(client):
    guardian = UserFactory()
    client.force_login(guardian)
    today = timezone.localdate()
    data = {
        "name": "하늘",
        "birth_date": today.replace(year=today.year - 10).isoformat(),
        "school": "Namcheon Elementary",
        "school_level": "elementary",
        "district": "suyeong",
    }
    response = client.post(url("applications:applicant-add-child"), data)
    page = response.content.decode()
    assert response.status_code == 200
    assert "the legal guardian&#x27;s consent is required" in page
    assert "Namcheon Elementary" in page
    client.post(url("applications:applicant-add-child"), {**data, "guardian_consent": "on"})
    child = Applicant.objects.get()
    assert child.guardian_consent_language == "en" and child.guardian_consent_by == guardian
    assert "하늘" in client.get(url("applications:applicants")).content.decode()


def test_a_childs_data_is_hidden_from_other_members(client, call):
    child = ChildFactory()
    client.force_login(UserFactory())
    assert client.get(url("applications:applicant-edit", child.pk)).status_code == 404
    assert client.get(url("applications:applicant-delete", child.pk)).status_code == 404
    assert client.get(url("applications:apply", call.slug, child.pk)).status_code == 404
    assert child.name not in client.get(url("applications:applicants")).content.decode()


@pytest.fixture
def attachment(client, call):
    guardian = UserFactory()
    child = ChildFactory(account=guardian)
    client.force_login(guardian)
    client.post(url("applications:apply", call.slug, child.pk), answers(call))
    client.logout()
    return Answer.objects.exclude(file="").get()


def test_attachments_are_served_only_to_the_guardian_and_the_calls_managers(client, call, attachment):
    file_url = url("applications:answer-file", attachment.pk)
    assert client.get(file_url).status_code == 302  # to the login page

    client.force_login(attachment.application.account)
    response = client.get(file_url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")

    client.force_login(UserFactory())
    assert client.get(file_url).status_code == 404
    client.force_login(make_user("editor@example.com", group=CONTENT_EDITORS))
    assert client.get(file_url).status_code == 404
    manager = make_user("manager@example.com", group=PROGRAM_MANAGERS)
    client.force_login(manager)
    assert client.get(file_url).status_code == 404  # not a manager of this call
    call.managers.add(manager)
    assert client.get(file_url).status_code == 200


def test_uploads_live_outside_the_public_media_folder(settings, attachment):
    assert str(settings.PORTAL_PRIVATE_MEDIA_ROOT) in attachment.file.path
    assert not attachment.file.path.startswith(str(settings.MEDIA_ROOT))


def test_the_data_download_has_the_children_and_their_applications(client, call, attachment):
    client.force_login(attachment.application.account)
    data = json.loads(client.get(url("accounts:export")).content)
    (child,) = data["applicants"]
    assert child["relationship"] == "child"
    (application,) = data["applications"]
    assert application["state"] == "submitted"
    assert application["submitted_at"].endswith("+09:00")
    assert {answer["answer"] for answer in application["answers"]} >= {"I love Surabaya", "consent.pdf"}


def test_program_page_shows_its_open_call_instead_of_interest(client, call):
    page = client.get(url("programs:detail", call.program.slug)).content.decode()
    assert url("applications:call", call.slug) in page
    assert "See the call and apply" in page
    assert "Log in to register your interest" not in page


def test_my_page_shows_waiting_list_positions_with_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    guardian = UserFactory()
    client.force_login(guardian)
    for _ in range(4):
        call = CallFactory(places=1)
        first = ChildFactory()
        services.applications_waitlist(
            applications=[
                services.application_submit(account=first.account, call=call, applicant=first, answers={})
            ],
            by=None,
        )
        child = ChildFactory(account=guardian)
        services.applications_waitlist(
            applications=[
                services.application_submit(account=guardian, call=call, applicant=child, answers={})
            ],
            by=None,
        )
    client.get(url("accounts:my-page"))
    with django_assert_max_num_queries(12):
        page = client.get(url("accounts:my-page")).content.decode()
    assert page.count("Number 2 on the waiting list.") == 4


def test_interest_posted_while_a_call_is_open_is_turned_away(client, call):
    from registrations.models import Registration

    client.force_login(UserFactory())
    interest_url = url("registrations:program-interest", call.program.slug)
    response = client.post(interest_url, {"message": "Me too"})
    assert response.status_code == 302
    assert response["Location"] == url("programs:detail", call.program.slug)
    assert not Registration.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert "apply to its call for applications instead" in page
