"""Who may do what in the admin: superusers, content editors, program managers, members, visitors."""

import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from accounts.tests.staff import CONTENT_EDITORS, PASSWORD, PROGRAM_MANAGERS, make_user
from events.tests.factories import EventFactory
from programs.tests.factories import ProgramFactory
from registrations.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db

ADMIN = "/en/admin/"
PAGES = {
    "categories": "programs/category/",
    "cities": "programs/city/",
    "programs": "programs/program/",
    "add program": "programs/program/add/",
    "events": "events/event/",
    "registrations": "registrations/registration/",
    "registrations overview": "registrations/registration/overview/",
    "registrations export": "registrations/registration/export/",
    "calls": "applications/call/",
    "add call": "applications/call/add/",
    "applications": "applications/application/",
    "applications export": "applications/application/export/",
    "users": "accounts/user/",
    "groups": "auth/group/",
}
ALLOWED = {
    "superuser": set(PAGES),
    "editor": {"categories", "cities", "programs", "add program", "events"},
    "manager": {
        "programs",
        "events",
        "registrations",
        "registrations overview",
        "registrations export",
        "calls",
        "add call",
        "applications",
        "applications export",
    },
    "staff without a role": set(),
}
APPS = {
    "editor": {("programs", "Category"), ("programs", "City"), ("programs", "Program"), ("events", "Event")},
    "manager": {
        ("programs", "Program"),
        ("events", "Event"),
        ("registrations", "Registration"),
        ("applications", "Call"),
        ("applications", "Application"),
    },
    "staff without a role": set(),
}


def login_as(client, role: str):
    if role == "superuser":
        user = make_user("root@example.com", superuser=True)
    elif role == "editor":
        user = make_user("editor@example.com", group=CONTENT_EDITORS)
    elif role == "manager":
        user = make_user("manager@example.com", group=PROGRAM_MANAGERS)
    elif role == "staff without a role":
        user = make_user("new-staff@example.com")
    elif role == "member":
        user = make_user("member@example.com", staff=False)
    else:
        return None
    client.force_login(user)
    return user


def listed_models(response) -> set[tuple[str, str]]:
    return {
        (app["app_label"], model["object_name"])
        for app in response.context["app_list"]
        for model in app["models"]
    }


@pytest.mark.parametrize("role", ["superuser", "editor", "manager", "staff without a role"])
def test_each_role_sees_exactly_its_pages(client, role):
    login_as(client, role)
    ProgramFactory()
    EventFactory()
    seen = {}
    for name, path in PAGES.items():
        seen[name] = client.get(ADMIN + path).status_code
    expected = {name: (200 if name in ALLOWED[role] else 403) for name in PAGES}
    assert seen == expected


@pytest.mark.parametrize("role", ["editor", "manager", "staff without a role"])
def test_admin_index_lists_only_the_roles_models(client, role):
    login_as(client, role)
    response = client.get(ADMIN)
    assert response.status_code == 200
    assert listed_models(response) == APPS[role]


def test_superuser_manages_accounts_and_groups(client):
    login_as(client, "superuser")
    models = listed_models(client.get(ADMIN))
    assert {("accounts", "User"), ("auth", "Group"), ("registrations", "Registration")} <= models
    assert {
        ("programs", "Category"),
        ("programs", "City"),
        ("programs", "Program"),
        ("events", "Event"),
    } <= models


def test_program_managers_read_programs_but_cannot_change_them(client):
    login_as(client, "manager")
    program = ProgramFactory(title_ko="원래 제목")
    url = f"{ADMIN}programs/program/{program.pk}/change/"
    assert client.get(url).status_code == 200
    assert client.post(url, {"title_ko": "바뀐 제목"}).status_code == 403
    program.refresh_from_db()
    assert program.title_ko == "원래 제목"
    # No publishing actions for them either.
    response = client.post(
        f"{ADMIN}programs/program/", {"action": "unpublish", "_selected_action": [program.pk]}
    )
    program.refresh_from_db()
    assert program.status == "published"
    assert response.status_code == 302
    response = client.get(f"{ADMIN}programs/program/")
    actions = {name for name, _label in response.context["action_form"].fields["action"].choices}
    assert actions == {"", "fill_places"}


def test_editor_cannot_change_registrations_by_action(client):
    registration = RegistrationFactory(status="pending")
    login_as(client, "editor")
    response = client.post(
        f"{ADMIN}registrations/registration/", {"action": "confirm", "_selected_action": [registration.pk]}
    )
    assert response.status_code == 403
    registration.refresh_from_db()
    assert registration.status == "pending"


@pytest.mark.parametrize("role", ["member", "anonymous"])
@pytest.mark.parametrize("path", ["", *PAGES.values()])
def test_members_and_visitors_get_nothing_from_the_admin(client, role, path):
    login_as(client, role)
    response = client.get(ADMIN + path)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{ADMIN}login/?next=")


def test_a_member_cannot_log_in_to_the_admin(client):
    make_user("member@example.com", staff=False)
    response = client.post(f"{ADMIN}login/", {"username": "member@example.com", "password": PASSWORD})
    assert response.status_code == 200
    assert client.get(ADMIN).status_code == 302


# The development admin account.


def test_dev_admin_is_created_once_when_debug_is_on(settings):
    settings.DEBUG = True
    out = StringIO()
    call_command("ensure_dev_admin", "--base-url", "http://127.0.0.1:8123", stdout=out)
    text = out.getvalue()
    assert "http://127.0.0.1:8123/ko/admin/" in text
    assert "admin@localhost" in text
    password = re.search(r"Password: (\S+)", text).group(1)
    user = get_user_model().objects.get(email="admin@localhost")
    assert user.is_superuser and user.is_staff and user.check_password(password)

    out = StringIO()
    call_command("ensure_dev_admin", stdout=out)
    assert "Password" not in out.getvalue()
    assert "admin@localhost" in out.getvalue()
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


def test_dev_admin_passwords_are_random(settings):
    settings.DEBUG = True
    passwords = set()
    for _ in range(2):
        get_user_model().objects.all().delete()
        out = StringIO()
        call_command("ensure_dev_admin", stdout=out)
        passwords.add(re.search(r"Password: (\S+)", out.getvalue()).group(1))
    assert len(passwords) == 2


def test_no_default_account_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("ensure_dev_admin", stdout=StringIO())
    assert not get_user_model().objects.exists()


def test_superuser_user_admin_pages_work(client):
    login_as(client, "superuser")
    member = make_user("member@example.com", staff=False, name="김민아")
    assert client.get(f"{ADMIN}accounts/user/").status_code == 200
    response = client.get(f"{ADMIN}accounts/user/{member.pk}/change/")
    assert response.status_code == 200
    assert "김민아" in response.content.decode()
    assert client.get(f"{ADMIN}accounts/user/add/").status_code == 200


def test_deleting_a_member_in_the_admin_releases_their_place_and_erases_their_message(
    client, django_capture_on_commit_callbacks
):
    from registrations import services

    event = EventFactory(capacity=1)
    leaving = make_user("leaving@example.org", staff=False)
    waiting = make_user("waiting@example.org", staff=False)
    services.registration_create(user=leaving, event=event, message="call me on 010-1234-5678")
    services.registration_create(user=waiting, event=event)

    client.force_login(make_user("boss@example.org", superuser=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/admin/accounts/user/{leaving.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302

    assert not get_user_model().objects.filter(email="leaving@example.org").exists()
    orphan = event.registrations.get(user=None)
    assert (orphan.status, orphan.message) == ("cancelled", "")
    assert event.registrations.get(user=waiting).status == "confirmed"
