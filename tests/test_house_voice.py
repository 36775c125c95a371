"""Every account page and every mail the site can send, in each language, in the house voice.

Whoever wrote the msgid (Django, django-allauth or the project), what a member reads must be in the
glossary's terms and the house register: no English left in Korean or Chinese, no 당신 or 해요체, no
你, none of the terms the glossary rules out (the checks: accounts/tests/voice.py).

Mails are covered three ways: the flows that send allauth's mails (sign-up, password reset, change of
address ...); every allauth mail template the project overrides, rendered directly; and every mail template
any app keeps (``<prefix>_subject.txt`` + ``_message.txt``), found on disk and sent through
``accounts.mail.send_member_mail``: a new app's mails are checked without any change here. An app may add
realistic contexts in ``<app>/tests/mail_samples.py`` (``SAMPLES = {prefix: [function(member) -> context]}``).
"""

import re
from importlib import import_module
from importlib.util import find_spec
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from django.apps import apps
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, override

from accounts.adapter import AccountAdapter
from accounts.mail import send_member_mail
from accounts.models import User
from accounts.tests.factories import PASSWORD, UserFactory
from accounts.tests.voice import voice_problems
from events.tests.factories import EventFactory
from programs.tests.factories import ProgramFactory
from registrations.models import Registration

pytestmark = pytest.mark.django_db

LANGUAGES = ["ko", "en", "zh-hans"]
# A member's name is data, not the site's voice: one written the way each language writes names.
NAMES = {"ko": "김민지", "en": "Kim Minji", "zh-hans": "王芳"}


def url(name, lang, *args, **kwargs):
    with override(lang):
        return reverse(name, args=args, kwargs=kwargs)


def path_of(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link)


def links(text: str, fragment: str) -> list[str]:
    return [path_of(word) for word in re.findall(r"https?://\S+", text) if fragment in word]


class Reader:
    """Collects every page and mail a member meets in one language, then checks them all at once."""

    def __init__(self, lang: str, allow=()):
        self.lang = lang
        self.allow = [*allow, *NAMES.values()]
        self.problems: list[str] = []

    def page(self, label: str, response, status=200):
        assert response.status_code == status, (label, response.status_code)
        html = response.content.decode()
        assert f'<html lang="{self.lang}"' in html, label
        self.problems += [f"[{label}] {p}" for p in voice_problems(html, self.lang, allow=self.allow)]

    def mails(self, label: str):
        for message in mail.outbox:
            text = f"{message.subject}\n{message.body}"
            self.problems += [
                f"[{label}: {message.subject}] {p}" for p in voice_problems(text, self.lang, allow=self.allow)
            ]
        mail.outbox.clear()

    def check(self):
        assert self.problems == [], "\n".join(self.problems)


def _signup_data(lang, email, **extra):
    return {
        "email": email,
        "name": NAMES[lang],
        "language": lang,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "consent_required": "on",
        **extra,
    }


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_before_logging_in(client, lang):
    reader = Reader(lang)
    for name in (
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_email_verification_sent",
        "account_inactive",
        "privacy:current",
        "terms",
        "accessibility",
    ):
        reader.page(name, client.get(url(name, lang)))
    reader.page(
        "login with errors",
        client.post(url("account_login", lang), {"login": "nobody@example.org", "password": "wrong"}),
    )
    reader.page("login, empty", client.post(url("account_login", lang), {}))
    reader.page(
        "sign-up with every error",
        client.post(
            url("account_signup", lang),
            {"email": "not-an-email", "password1": "1234", "password2": "5678", "phone": "010", "name": ""},
        ),
    )
    common = {**_signup_data(lang, "x@example.org"), "password1": "password", "password2": "password"}
    reader.page("sign-up, too common a password", client.post(url("account_signup", lang), common))
    reader.page("reset, invalid email", client.post(url("account_reset_password", lang), {"email": "x"}))
    reader.page("reset link not valid", client.get(url("account_reset_password_from_key", lang, "x", "y")))
    reader.page("confirmation link not valid", client.get(url("account_confirm_email", lang, "nope")))
    reader.page("page not found", client.get(f"/{lang}/no-such-page/"), status=404)
    csrf = Client(enforce_csrf_checks=True)
    reader.page("form without its token", csrf.post(url("account_login", lang), {"login": "x"}), status=403)
    reader.check()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_signing_up_confirming_and_resetting_the_password(client, lang):
    existing = UserFactory(language=lang, name=NAMES[lang])
    reader = Reader(lang)

    # Signing up sends a confirmation; signing up again with a taken address says so by mail only.
    response = client.post(url("account_signup", lang), _signup_data(lang, "new@example.org"), follow=True)
    reader.page("after sign-up", response)
    (confirm,) = links(mail.outbox[0].body, "/confirm-email/")
    reader.mails("sign-up")
    Client().post(url("account_signup", lang), _signup_data(lang, existing.email))
    assert len(mail.outbox) == 1
    reader.mails("sign-up with a taken address")

    # Confirming in the same browser logs the member in, with a welcome.
    reader.page("confirmation page", client.get(confirm))
    response = client.post(confirm, follow=True)
    reader.page("after confirming", response)
    assert response.wsgi_request.user.email == "new@example.org"
    assert response.context["user"].is_authenticated

    # A confirmation opened in another browser: the login form says the address is confirmed.
    other = UserFactory(language=lang, name=NAMES[lang], verified_email=False)
    EmailAddress.objects.filter(user=other).update(verified=False)
    key = EmailConfirmationHMAC(EmailAddress.objects.get(user=other)).key
    response = Client().post(url("account_confirm_email", lang, key), follow=True)
    reader.page("confirmed in another browser", response)

    # Resetting a forgotten password, for a member and for an unknown address.
    anonymous = Client()
    anonymous.post(url("account_reset_password", lang), {"email": existing.email})
    (reset,) = links(mail.outbox[0].body, "/password/reset/key/")
    reader.mails("password reset")
    anonymous.post(url("account_reset_password", lang), {"email": "nobody@example.org"})
    assert len(mail.outbox) == 1
    reader.mails("password reset for an unknown address")
    response = anonymous.get(reset, follow=True)
    reader.page("new password form", response)
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else reset
    reader.page("new passwords differ", anonymous.post(form_url, {"password1": "a", "password2": "b"}))
    response = anonymous.post(
        form_url, {"password1": PASSWORD + "!", "password2": PASSWORD + "!"}, follow=True
    )
    reader.page("password reset done", response)
    reader.mails("password reset notice")
    reader.check()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_member_pages_and_account_changes(client, lang):
    member = UserFactory(language=lang, name=NAMES[lang])
    event = EventFactory()
    Registration.objects.create(user=member, event=event, status=Registration.Status.CONFIRMED)
    reader = Reader(lang, allow=[event.title_ko, event.title_en, event.title_zh_hans])
    client.post(url("account_login", lang), {"login": member.email, "password": PASSWORD})
    for name in (
        "accounts:my-page",
        "accounts:profile",
        "accounts:consents",
        "accounts:delete",
        "account_email",
        "account_change_password",
        "account_logout",
        "account_reauthenticate",
    ):
        reader.page(name, client.get(url(name, lang)))

    reader.page(
        "profile with errors", client.post(url("accounts:profile", lang), {"name": "", "phone": "010"})
    )
    reader.page("profile saved", client.post(
        url("accounts:profile", lang), {"name": NAMES[lang], "language": lang, "phone": ""}, follow=True
    ))  # fmt: skip
    reader.page("consent given", client.post(
        url("accounts:consents", lang), {"kind": "optional_news", "action": "give"}, follow=True
    ))  # fmt: skip
    reader.page("consent withdrawn", client.post(
        url("accounts:consents", lang), {"kind": "optional_news", "action": "withdraw"}, follow=True
    ))  # fmt: skip
    reader.page(
        "deletion with a wrong password", client.post(url("accounts:delete", lang), {"password": "x"})
    )
    reader.page("password change with errors", client.post(
        url("account_change_password", lang), {"oldpassword": "x", "password1": "a", "password2": "b"}
    ))  # fmt: skip
    response = client.post(
        url("account_change_password", lang),
        {"oldpassword": PASSWORD, "password1": PASSWORD + "?", "password2": PASSWORD + "?"},
        follow=True,
    )
    reader.page("password changed", response)
    reader.mails("password changed")

    # Changing the address asks for the password again first.
    reader.page("confirm it is you", client.get(url("account_reauthenticate", lang)))
    reader.page("confirm it is you, wrong password", client.post(
        url("account_reauthenticate", lang), {"password": "wrong"}
    ))  # fmt: skip
    client.post(url("account_reauthenticate", lang), {"password": PASSWORD + "?"})
    reader.page(
        "new address with errors", client.post(url("account_email", lang), {"action_add": "", "email": "x"})
    )
    response = client.post(
        url("account_email", lang), {"action_add": "", "email": "moved@example.org"}, follow=True
    )
    reader.page("new address waiting", response)
    (confirm,) = links(mail.outbox[-1].body, "/confirm-email/")
    reader.mails("new address")
    response = client.post(confirm, follow=True)
    reader.page("new address confirmed", response)
    reader.mails("address changed")
    reader.page("logged out", client.post(url("account_logout", lang), follow=True))
    reader.check()


# --- every mail template ------------------------------------------------------------------------------------

ALLAUTH_MAIL_CONTEXT = {
    "activate_url": "http://localhost:8000/accounts/confirm-email/KEY/",
    "password_reset_url": "http://localhost:8000/accounts/password/reset/key/1-KEY/",
    "signup_url": "http://localhost:8000/accounts/signup/",
    "from_email": "old@example.org",
    "to_email": "new@example.org",
    "deleted_email": "old@example.org",
    "ip": "203.0.113.7",
    "user_agent": "Mozilla/5.0",
    "timestamp": timezone.now(),
}


def _mail_prefixes(folder: str) -> list[str]:
    """Template prefixes of the mails kept under ``folder`` of the project's template directories."""
    prefixes = set()
    for directory in _template_dirs():
        for subject in (directory / folder).rglob("*_subject.txt") if (directory / folder).exists() else ():
            prefixes.add(str(subject.relative_to(directory))[: -len("_subject.txt")])
    return sorted(prefixes)


def _template_dirs() -> list[Path]:
    base = Path(settings.BASE_DIR)
    dirs = [Path(d) for d in settings.TEMPLATES[0]["DIRS"]]
    dirs += [Path(c.path) / "templates" for c in apps.get_app_configs() if Path(c.path).is_relative_to(base)]
    return [d for d in dirs if d.exists() and ".venv" not in d.parts]


def _member_mail_prefixes() -> list[str]:
    return [p for p in _mail_prefixes("") if not p.startswith("account/email/")]


def _samples() -> dict:
    samples = {}
    base = Path(settings.BASE_DIR)
    for config in apps.get_app_configs():
        module = f"{config.name}.tests.mail_samples"
        ours = Path(config.path).is_relative_to(base) and ".venv" not in Path(config.path).parts
        if ours and find_spec(f"{config.name}.tests") and find_spec(module):
            samples.update(import_module(module).SAMPLES)
    return samples


def test_the_site_keeps_mail_templates_to_check():
    assert "registrations/email/confirmed" in _member_mail_prefixes()
    assert "account/email/email_confirmation_signup" in _mail_prefixes("account/email")
    # Every sample names a mail that exists.
    assert set(_samples()) <= set(_member_mail_prefixes())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_allauth_mail_the_project_overrides(rf, lang):
    member = UserFactory(language=lang, name=NAMES[lang])
    adapter = AccountAdapter(rf.get("/"))
    reader = Reader(lang, allow=[v for v in ALLAUTH_MAIL_CONTEXT.values() if isinstance(v, str)])
    for prefix in _mail_prefixes("account/email"):
        with override("en"):  # the request's language must not leak into the member's mail
            adapter.send_mail(prefix, member.email, {"user": member, **ALLAUTH_MAIL_CONTEXT})
        (message,) = mail.outbox
        assert not message.subject.endswith(" "), prefix
        reader.mails(prefix)
    # A mail to an address with no account (e.g. "no account with this address") greets without a name.
    adapter.send_mail("account/email/unknown_account", "stranger@example.org", ALLAUTH_MAIL_CONTEXT)
    reader.mails("unknown account")
    reader.check()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_mail_of_every_app(lang):
    member = UserFactory(language=lang, name=NAMES[lang])
    samples = _samples()
    reader = Reader(lang)
    for prefix in _member_mail_prefixes():
        for make_context in samples.get(prefix, [lambda member: {}]):
            context = make_context(member)
            reader.allow += [v for v in context.values() if isinstance(v, str)]
            reader.allow += _titles()
            send_member_mail(user=member, template_prefix=prefix, context=context)
            (message,) = mail.outbox
            assert message.subject.strip() and message.body.strip(), prefix
            reader.mails(prefix)
    reader.check()


def _titles() -> list[str]:
    """Titles of what the samples created, in every language (data, not voice)."""
    names = []
    for model_objects in (ProgramFactory._meta.model.objects.all(), EventFactory._meta.model.objects.all()):
        for obj in model_objects:
            names += [obj.title_ko, obj.title_en, obj.title_zh_hans]
    return names


def test_the_checker_catches_what_the_issue_found():
    """The faults a reader found in Django's and allauth's own translations fail the check."""
    assert voice_problems("<p>아이디 저장</p><p>당신의 이메일을 입력하세요.</p>", "ko")
    assert voice_problems("비밀번호를 잊으셨나요?", "ko")
    assert voice_problems("본 메일을 무시해 주십시요. 패스워드 초기화", "ko")
    assert voice_problems("来自釜山国际交流的 Hello!", "zh-hans")
    assert voice_problems("输入一个有效的 Email 地址。", "zh-hans")
    assert voice_problems("你的密码不能全都是数字。", "zh-hans")
    assert voice_problems("您确定要登出吗？", "zh-hans")
    assert voice_problems("账号未激活", "zh-hans")
    assert voice_problems("收集项目", "zh-hans")
    assert voice_problems("时间: 2021年10月27日 10:00 – 18:00", "zh-hans")
    assert voice_problems("<h1>Sign In</h1>", "en")
    assert voice_problems("<label>Remember Me</label>", "en")
    # ... and the house voice passes.
    assert voice_problems("<p>비밀번호를 잊으셨습니까? 필요한 경우 주요 내용을 확인하십시오.</p>", "ko") == []
    assert voice_problems("<p>请确认您的电子邮箱地址：</p><p lang='en'>English</p>", "zh-hans") == []
    assert voice_problems('<p>로그인 상태 유지 <span lang="en">English</span></p>', "ko") == []
    assert User.objects.count() == 0


@pytest.mark.parametrize(
    ("lang", "msgid", "expected"),
    [
        ("ko", "Enter a valid email address.", "올바른 이메일 주소를 입력하십시오."),
        ("zh-hans", "Enter a valid email address.", "请输入有效的电子邮箱地址。"),
        ("zh-hans", "Your password can’t be entirely numeric.", "密码不能全部由数字组成。"),
        (
            "ko",
            "The email address and/or password you specified are not correct.",
            "이메일 주소 또는 비밀번호가 올바르지 않습니다.",
        ),
        ("zh-hans", "This account is currently inactive.", "该账户已停用。"),
    ],
)
def test_the_projects_catalogue_speaks_for_django_and_allauth(lang, msgid, expected):
    """Their msgids are kept in the project's catalogue (busan_exchange/i18n_extra.py), which wins."""
    with override(lang):
        assert gettext(msgid) == expected


def test_allauth_mails_name_the_site_and_its_configured_address(client, settings):
    settings.PORTAL_DOMAIN = "127.0.0.1:8400"
    client.post(url("account_signup", "ko"), _signup_data("ko", "port@example.org"))
    (message,) = mail.outbox
    assert message.subject.startswith("[부산 국제교류] ")
    assert "http://127.0.0.1:8400/ko/" in message.body  # the site's address under the mail
    assert "localhost:8000" not in message.body and "example.com" not in message.body
