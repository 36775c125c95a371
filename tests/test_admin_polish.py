"""The admin in the site's language without collisions, with labelled inputs and the staff's tools first."""

import re

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from accounts.tests.staff import CONTENT_EDITORS, make_user
from events.tests.factories import EventFactory
from programs.tests.factories import CityFactory, ProgramFactory
from registrations.tests.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


def url(name, lang="ko", *args):
    with override(lang):
        return reverse(name, args=args)


@pytest.fixture
def superuser(client):
    user = make_user("root@example.com", superuser=True)
    client.force_login(user)
    return user


def test_every_change_form_shows_djangos_history_button_not_the_consent_history(client, superuser):
    event = EventFactory()
    page = client.get(url("admin:events_event_change", "ko", event.pk)).content.decode()
    assert "히스토리" in page  # Django's "History"
    assert "동의 이력" not in page
    page = client.get(url("admin:events_event_change", "zh-hans", event.pk)).content.decode()
    assert "同意记录" not in page


def test_a_persons_name_and_a_citys_name_are_different_words_in_chinese(client, superuser):
    CityFactory()
    users = client.get(url("admin:accounts_user_changelist", "zh-hans")).content.decode()
    cities = client.get(url("admin:programs_city_changelist", "zh-hans")).content.decode()
    assert re.search(r'<th scope="col" class="sortable column-name">.*?姓名', users, re.S)
    assert re.search(r'<th scope="col" class="sortable column-name">.*?名称', cities, re.S)


def test_staff_group_names_are_translated(client, superuser):
    page = client.get(url("admin:auth_group_changelist", "ko")).content.decode()
    assert "콘텐츠 편집자" in page and "사업 담당자" in page
    assert "Content editors" not in page and "Program managers" not in page
    editor = make_user("editor@example.com", group=CONTENT_EDITORS)
    page = client.get(url("admin:accounts_user_change", "zh-hans", editor.pk)).content.decode()
    assert "内容编辑" in page
    page = client.get(url("admin:accounts_user_changelist", "ko")).content.decode()
    filters = page[page.index('id="changelist-filter"') :]
    assert "콘텐츠 편집자" in filters
    group = Group.objects.get(name=CONTENT_EDITORS)
    assert f"?groups__id__exact={group.pk}" in filters


def test_date_and_time_inputs_have_labels(client, superuser):
    event = EventFactory()
    page = client.get(url("admin:events_event_change", "ko", event.pk)).content.decode()
    for name in ("starts_at", "ends_at", "registration_opens_at", "registration_closes_at"):
        assert f'<label for="id_{name}_0">' in page, name
        assert f'<label for="id_{name}_1">' in page, name


def test_the_language_switch_of_translated_fields_gets_its_name_from_the_page(client, superuser):
    page = client.get(url("admin:programs_program_add", "zh-hans")).content.decode()
    assert '<meta name="portal-language-switch-label" content="所显示字段的语言">' in page
    assert "admin-site/js/admin-a11y.js" in page


def test_the_index_lists_the_staffs_own_tools_above_the_framework(client, superuser):
    response = client.get(url("admin:index", "en"))
    labels = [app["app_label"] for app in response.context["app_list"]]
    assert labels[:7] == [
        "programs", "events", "registrations", "applications", "homestays", "cooperation", "accounts"
    ]  # fmt: skip
    framework = [labels.index(label) for label in ("auth", "sites", "django_q", "account")]
    own = [
        labels.index(label)
        for label in ("programs", "events", "registrations", "accounts", "outbox", "audit")
    ]
    assert max(own) < min(framework)
    page = response.content.decode()
    assert page.index('id="registrations-desk"') < page.index("app-auth")


def test_the_monthly_overview_puts_the_total_and_the_newest_month_first(client, superuser):
    RegistrationFactory(program=ProgramFactory(), event=None)
    page = client.get(url("admin:registrations_registration_overview", "en")).content.decode()
    table = page[page.index('class="module registration-overview"') :]
    head = table[table.index("<thead>") : table.index("</thead>")]
    this_month = timezone.localdate().strftime("%Y-%m")
    assert (
        head.index('class="total"')
        < head.index(this_month)
        < head.index('class="month"', head.index(this_month) + 1)
    )
