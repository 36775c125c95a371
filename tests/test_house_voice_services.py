"""The pages of the ways to take part (calls and applications, homestay hosting, cooperation requests) in the
house voice, in Korean and Chinese, with their error states (checks: accounts/tests/voice.py)."""

import pytest
from django.urls import reverse
from django.utils.translation import override

from accounts.tests.factories import UserFactory
from accounts.tests.voice import voice_problems
from applications import services as application_services
from applications.tests.factories import CallFactory, ChildFactory
from cooperation.tests.factories import CooperationRequestFactory
from homestays.tests.factories import AssignmentFactory, HostOfferFactory

pytestmark = pytest.mark.django_db

NAMES = {"ko": "김민지", "zh-hans": "王芳"}


def url(name, lang, *args):
    with override(lang):
        return reverse(name, args=args)


@pytest.mark.parametrize("lang", ["ko", "zh-hans"])
def test_take_part_pages_speak_in_the_house_voice(client, lang):
    member = UserFactory(language=lang, name=NAMES[lang])
    call = CallFactory()
    child = ChildFactory(account=member, name=NAMES[lang])
    application = application_services.application_submit(
        account=member, call=call, applicant=child, answers={}
    )
    offer = HostOfferFactory(user=member, status="approved")
    AssignmentFactory(host=offer)
    request = CooperationRequestFactory(user=member, organization_name=NAMES[lang])
    data = [
        call.title_ko, call.title_zh_hans, call.program.title_ko, call.program.title_zh_hans,
        child.name, child.school, request.organization_name, request.field, member.email,
        request.contact_name, request.description, request.preferred_times,
        *AssignmentFactory._meta.model.objects.values_list("guest__first_name", flat=True),
    ]  # fmt: skip
    client.force_login(member)
    pages = {
        "take part": client.get(url("take-part", lang)),
        "call": client.get(url("applications:call", lang, call.slug)),
        "applicants": client.get(url("applications:applicants", lang)),
        "add a child, with errors": client.post(url("applications:applicant-add-child", lang), {"name": ""}),
        "application": client.get(url("applications:detail", lang, application.pk)),
        "my page": client.get(url("accounts:my-page", lang)),
        "homestay": client.get(url("homestays:host", lang)),
        "host offer, with errors": client.post(url("homestays:offer", lang), {"adults": "x"}),
        "cooperation": client.get(url("cooperation:service", lang)),
        "cooperation request, with errors": client.post(url("cooperation:request", lang), {"website": "x"}),
        "cooperation requests": client.get(url("cooperation:list", lang)),
        "cooperation request": client.get(url("cooperation:detail", lang, request.pk)),
    }
    problems = []
    for label, response in pages.items():
        assert response.status_code == 200, (label, response.status_code)
        html = response.content.decode()
        problems += [f"[{label}] {p}" for p in voice_problems(html, lang, allow=data)]
    assert not problems, "\n".join(problems)
