"""The privacy policy (PIPA art. 30): one page in three languages, versioned, linked from every footer and
from the sign-up form; staff edit it in the admin, where a published version is never changed again."""

import re
from datetime import timedelta
from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from accounts import services
from accounts.exceptions import AccountError
from accounts.models import Consent, PrivacyPolicy
from accounts.tests.factories import UserFactory
from accounts.tests.staff import make_user

pytestmark = pytest.mark.django_db

# What article 30 asks a policy to say, as the first version's section headings say it in each language.
ARTICLE_30 = {
    "ko": ["처리 목적", "개인정보 항목", "보유 기간", "파기", "제3자 제공", "위탁", "정보주체의 권리",
           "안전성 확보", "쿠키", "개인정보 보호책임자", "구제", "변경"],
    "en": ["Purposes", "Personal information processed", "How long", "Destruction", "third parties",
           "Entrusting", "Your rights", "safe", "Cookies", "Privacy officer", "Remedies", "Changes"],
    "zh-hans": ["处理目的", "处理的个人信息", "保存期限", "销毁", "第三方", "委托", "权利", "安全",
                "Cookie", "保护负责人", "救济", "变更"],
}  # fmt: skip


def url(name, lang="en", **kwargs):
    with override(lang):
        return reverse(name, kwargs=kwargs)


@pytest.fixture
def first():
    return PrivacyPolicy.objects.get(version="1.0")


def _new_version(first, *, version="1.1", days=7, publish=True):
    draft = services.privacy_policy_new_version(
        source=first, version=version, effective_on=timezone.localdate() + timedelta(days=days)
    )
    draft.changes_en = "The retention of registrations is explained."
    draft.save()
    if publish:
        services.privacy_policy_publish(policy=draft)
    return PrivacyPolicy.objects.get(pk=draft.pk)


def test_a_first_version_is_published_by_the_migrations(first):
    assert first.is_published
    assert first.effective_on <= timezone.localdate()
    assert first.body_ko and first.body_en and first.body_zh_hans


@pytest.mark.parametrize("lang", ["ko", "en", "zh-hans"])
def test_the_page_has_the_items_of_article_30_in_each_language(client, lang):
    response = client.get(url("privacy:current", lang))
    assert response.status_code == 200
    page = response.content.decode()
    sections = response.context["sections"]
    assert len(sections) == 12
    for words, section in zip(ARTICLE_30[lang], sections, strict=True):
        assert words in section.heading, (words, section.heading)
        assert f'href="#{section.anchor}"' in page  # the table of contents leads to it
    assert "1.0" in page
    # Web addresses of the remedy bodies are links.
    assert 'href="https://privacy.kisa.or.kr"' in page


def test_every_page_links_to_the_privacy_policy_in_bold_in_its_footer(client):
    for lang in ("ko", "en", "zh-hans"):
        for name in ("home", "programs:list", "account_login", "account_signup", "terms", "accessibility"):
            page = client.get(url(name, lang)).content.decode()
            footer = page[page.index('<footer id="footer"') :]
            assert f'<a class="footer-privacy" href="{url("privacy:current", lang)}"><strong>' in footer, name


def test_the_sign_up_form_links_to_the_privacy_policy(client):
    page = client.get(url("account_signup", "ko")).content.decode()
    form = page[page.index('<form class="form form-wide"') :]
    form = form[: form.index("</form>")]
    assert f'href="{url("privacy:current", "ko")}"><strong>개인정보처리방침</strong>' in form


def test_a_consent_points_at_the_version_in_force_when_it_was_given(first):
    member = UserFactory()
    services.consents_record_signup(user=member, phone=False, news=True, language="en")
    assert set(member.consents.values_list("policy__version", flat=True)) == {"1.0"}

    later = _new_version(first, days=0, version="1.1")
    services.consent_withdraw(user=member, kind=Consent.Kind.OPTIONAL_NEWS)
    given_again = services.consent_give(user=member, kind=Consent.Kind.OPTIONAL_NEWS, language="en")
    assert given_again.policy == later


def test_an_announced_version_is_shown_before_it_takes_effect(client, first):
    announced = _new_version(first, days=10)
    page = client.get(url("privacy:current")).content.decode()
    assert "A new version takes effect on" in page
    assert announced.get_absolute_url() in page
    # The announced version can be read, and says it is not in force yet.
    page = client.get(announced.get_absolute_url()).content.decode()
    assert "not yet in force" in page
    assert "The retention of registrations is explained." in page  # the history of changes


def test_an_earlier_version_stays_readable_and_says_it_is_no_longer_in_force(client, first):
    _new_version(first, days=0)
    assert client.get(url("privacy:current")).context["policy"].version == "1.1"
    page = client.get(first.get_absolute_url()).content.decode()
    assert "no longer in force" in page


def test_drafts_are_not_public(client, first):
    draft = _new_version(first, publish=False)
    assert client.get(url("privacy:version", version=draft.version)).status_code == 404
    assert client.get(url("privacy:version", version="9.9")).status_code == 404


def test_publishing_refuses_what_would_rewrite_history(first):
    with pytest.raises(AccountError):
        services.privacy_policy_publish(policy=first)  # already published
    backdated = services.privacy_policy_new_version(
        source=first, version="0.9", effective_on=first.effective_on - timedelta(days=1)
    )
    with pytest.raises(AccountError):
        services.privacy_policy_publish(policy=backdated)
    with pytest.raises(AccountError):
        services.privacy_policy_new_version(source=first, version="1.0", effective_on=timezone.localdate())


def test_staff_cannot_change_or_delete_a_published_version_in_the_admin(client, first):
    client.force_login(make_user("root@example.com", superuser=True))
    change_url = url("admin:accounts_privacypolicy_change", object_id=first.pk)
    page = client.get(change_url).content.decode()
    assert 'name="body_ko"' not in page  # read only
    client.post(change_url, {"version": "1.0", "effective_on": "2030-01-01", "body_ko": "바뀜"})
    first.refresh_from_db()
    assert first.body_ko != "바뀜"
    assert client.get(url("admin:accounts_privacypolicy_delete", object_id=first.pk)).status_code == 403
    # Its history is one click away.
    assert client.get(url("admin:accounts_privacypolicy_history", object_id=first.pk)).status_code == 200


def test_staff_start_a_new_version_edit_it_and_publish_it_in_the_admin(client, first):
    client.force_login(make_user("root@example.com", superuser=True))
    changelist = url("admin:accounts_privacypolicy_changelist")
    response = client.post(changelist, {"action": "new_version", "_selected_action": [first.pk]})
    draft = PrivacyPolicy.objects.get(version="1.1")
    assert response.status_code == 302
    assert response["Location"] == url("admin:accounts_privacypolicy_change", object_id=draft.pk)
    assert draft.status == PrivacyPolicy.Status.DRAFT
    assert draft.body_zh_hans == first.body_zh_hans  # every language is copied

    page = client.get(response["Location"]).content.decode()
    for lang in ("ko", "en", "zh_hans"):
        assert f'name="body_{lang}"' in page  # the three languages are editable
    client.post(changelist, {"action": "publish", "_selected_action": [draft.pk]})
    draft.refresh_from_db()
    assert draft.is_published and draft.published_at is not None


def test_the_optional_consent_given_before_the_split_becomes_two_honest_records():
    """Migration accounts/0005: one combined record becomes one of each kind, same version and dates."""
    split = import_module("accounts.migrations.0005_separate_optional_consents")
    apps = (
        MigrationExecutor(connection)
        .loader.project_state(("accounts", "0005_separate_optional_consents"))
        .apps
    )
    member = UserFactory()
    given = timezone.now() - timedelta(days=20)
    withdrawn = timezone.now() - timedelta(days=5)
    Consent.objects.create(
        user=member, kind="optional_marketing", version="2026-11-01", language="ko", given_at=given
    )
    other = UserFactory()
    Consent.objects.create(
        user=other,
        kind="optional_marketing",
        version="2026-11-01",
        language="en",
        given_at=given,
        withdrawn_at=withdrawn,
    )

    split.split(apps, None)

    rows = {(c.user_id, c.kind): c for c in Consent.objects.all()}
    assert set(rows) == {
        (member.pk, "optional_phone"),
        (member.pk, "optional_news"),
        (other.pk, "optional_phone"),
        (other.pk, "optional_news"),
    }
    for (user_id, _kind), consent in rows.items():
        assert (consent.version, consent.given_at) == ("2026-11-01", given)
        assert consent.withdrawn_at == (withdrawn if user_id == other.pk else None)
        assert consent.language == ("ko" if user_id == member.pk else "en")


@pytest.mark.parametrize(
    ("lang", "covered"),
    [
        ("en", ["members", "children", "contact persons", "partner organisations abroad", "guests"]),
        ("ko", ["회원", "자녀", "담당자", "해외 파트너 기관", "방문객"]),
        ("zh-hans", ["会员", "子女", "联系人", "海外合作伙伴机构", "客人"]),
    ],
)
def test_the_pages_description_names_everyone_the_policy_covers(client, lang, covered):
    page = client.get(url("privacy:current", lang)).content.decode()
    (description,) = re.findall(r'<meta name="description" content="([^"]*)">', page)
    assert all(who in description for who in covered), description
