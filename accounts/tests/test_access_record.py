"""Staff looking at members in the admin, and every change of a member's account, go into the access
record; the notes name fields and kinds, never the values."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse
from django.utils.translation import override

from accounts.consents import CONSENT_TEXTS
from accounts.models import Consent
from accounts.tests.factories import PASSWORD, UserFactory
from audit.models import AccessRecord

pytestmark = pytest.mark.django_db


def url(name):
    with override("en"):
        return reverse(name)


def notes(member) -> list[tuple[str, str, int | None]]:
    return [
        (entry.action, entry.summary, entry.actor_id)
        for entry in AccessRecord.objects.filter(object_type="accounts.user", object_ids=str(member.pk))
        .exclude(action="view")
        .order_by("pk")
    ]


def test_staff_views_of_members_and_their_addresses_are_recorded(settings):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    members = [UserFactory() for _ in range(3)]
    staff = UserFactory(is_staff=True, is_superuser=True)
    desk = Client(HTTP_X_FORWARDED_FOR="198.51.100.5")
    desk.force_login(staff)
    assert desk.get("/en/admin/accounts/user/").status_code == 200
    assert desk.get(f"/en/admin/accounts/user/{members[0].pk}/change/").status_code == 200
    assert desk.get("/en/admin/account/emailaddress/").status_code == 200
    users_list, user_page, addresses = AccessRecord.objects.order_by("pk")
    assert users_list.object_type == "accounts.user"
    assert {str(member.pk) for member in members} <= set(users_list.object_ids.split(","))
    assert (user_page.object_ids, user_page.client_address) == (str(members[0].pk), "198.51.100.5")
    assert addresses.object_type == "account.emailaddress"
    assert len(addresses.object_ids.split(",")) == EmailAddress.objects.count()


def test_a_members_own_changes_are_recorded_without_their_values(client):
    client.post(
        url("account_signup"),
        {
            "email": "minji@example.org",
            "name": "Kim Minji",
            "language": "ko",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "consent_required": "on",
        },
    )
    member = EmailAddress.objects.get(email="minji@example.org").user
    EmailAddress.objects.filter(user=member).update(verified=True)
    client.post(url("account_login"), {"login": member.email, "password": PASSWORD})
    client.post(url("accounts:profile"), {"name": "Kim Min-ji", "language": "ko", "phone": ""})
    client.post(url("accounts:consents"), {"action": "give", "kind": Consent.Kind.OPTIONAL_PHONE})
    client.post(url("accounts:consents"), {"action": "withdraw", "kind": Consent.Kind.OPTIONAL_PHONE})
    new_password = "Dongbaek-island-2026!"
    client.post(
        url("account_change_password"),
        {"oldpassword": PASSWORD, "password1": new_password, "password2": new_password},
    )
    client.get(url("accounts:export"))
    assert notes(member) == [
        ("create", "signed up", member.pk),
        ("change", f"consent given: required_terms {CONSENT_TEXTS['required_terms'].version}", member.pk),
        ("change", "fields: name", member.pk),
        ("change", f"consent given: optional_phone {CONSENT_TEXTS['optional_phone'].version}", member.pk),
        ("change", "consent withdrawn: optional_phone", member.pk),
        ("change", "password changed", member.pk),
        ("export", "own data, JSON", member.pk),
    ]
    text = " ".join(AccessRecord.objects.values_list("summary", flat=True))
    assert "Min" not in text and "minji@" not in text
