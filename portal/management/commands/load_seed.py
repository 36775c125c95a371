"""``manage.py load_seed``: load the seed content (programs, partner cities, events) once."""

from django.core.management.base import BaseCommand

from portal.services import seed_load


class Command(BaseCommand):
    help = (
        "Load the seed content (categories, partner cities, programs and events in Korean, English and "
        "Simplified Chinese). Creates only what is missing; never changes existing rows."
    )

    def handle(self, *args, **options):
        created = seed_load(stdout=self.stdout if options["verbosity"] >= 2 else None)
        if not any(created.values()):
            self.stdout.write("Seed content already loaded, nothing changed.")
            return
        self.stdout.write(
            self.style.SUCCESS(
                "Seed content: {categories} categories, {cities} cities, {programs} programs, "
                "{events} events created.".format(**created)
            )
        )
