"""Development sample data: only with DEBUG on, idempotent, every item marked as an example."""

import pytest
from django.core.management import CommandError, call_command

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
