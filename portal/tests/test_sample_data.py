"""Development sample data: only with DEBUG on, idempotent, every item marked as an example."""

import pytest
from django.core.management import CommandError, call_command

from cooperation.models import PartnerOrganization
from homestays.models import Assignment, Delegation, Guest, HostOffer

pytestmark = pytest.mark.django_db


def test_sample_data_never_loads_without_debug(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_sample_data")


def test_sample_data_loads_twice_without_duplicates(settings):
    from django.apps import apps

    settings.DEBUG = True
    call_command("load_sample_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = {model: model.objects.count() for model in apps.get_models()}
    call_command("load_sample_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert {model: model.objects.count() for model in apps.get_models()} == counts


def test_sample_data_has_an_open_youth_exchange_call_marked_as_an_example(settings, client):
    from django.utils import timezone

    from applications.models import Call

    settings.DEBUG = True
    call_command("load_seed", verbosity=0)
    call_command("load_sample_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call = Call.objects.open().get(slug__startswith="example-")
    assert call.program.slug == "youth-exchanges"
    assert call.title_ko.startswith("[예시]") and call.title_en.startswith("[Example]")
    assert call.title_zh_hans.startswith("[示例]")
    assert call.trip_starts_on > timezone.localdate()
    assert call.questions.filter(kind="file").exists()
    page = client.get(f"/en/calls/{call.slug}/").content.decode()
    assert "[Example]" in page and "Apply" in page
    program_page = client.get("/en/programs/youth-exchanges/").content.decode()
    assert call.get_absolute_url() in program_page


def test_sample_data_shows_both_matching_services_at_once(settings):
    settings.DEBUG = True
    call_command("load_seed", verbosity=0)
    call_command("load_sample_data", stdout=open("/dev/null", "w"))  # noqa: SIM115
    hosts = HostOffer.objects.select_related("user")
    assert hosts.count() == 2 and {host.status for host in hosts} == {"approved"}
    for host in hosts:
        assert "Example" in host.user.name or "예시" in host.user.name
        assert not host.user.has_usable_password()
    delegation = Delegation.objects.get()
    assert "[Example]" in delegation.title and delegation.city.slug == "surabaya"
    assert Guest.objects.filter(delegation=delegation).count() == 4
    assert Assignment.objects.count() == 3
    partners = PartnerOrganization.objects.all()
    assert partners.count() == 2
    for partner in partners:
        assert partner.name_ko.startswith("[예시]") and partner.name_en.startswith("[Example]")
        assert partner.name_zh_hans.startswith("[示例]")
