"""``manage.py load_sample_data``: examples to try the site out with, for development only."""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Development only (DEBUG on): create or refresh example items dated relative to today (upcoming "
        "events, an open call, homestay hosts ...), each visibly marked as an example. Run by `make run`; "
        "never part of a production release. Refuses to run when DEBUG is off."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("load_sample_data only runs with DEBUG on: examples never reach production.")
        today = timezone.localdate()
        lines = []
        with transaction.atomic():
            # Apps in the order they are installed: lower floors first, so examples can build on each other.
            for config in apps.get_app_configs():
                module_name = f"{config.name}.sample_data"
                if find_spec(module_name) is None:
                    continue
                lines += import_module(module_name).load(today=today)
        for line in lines:
            self.stdout.write(f"  {line}")
        self.stdout.write(self.style.SUCCESS(f"Sample data: {len(lines)} example items, dated from {today}."))
