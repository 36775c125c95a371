"""``manage.py ensure_dev_admin``: a local admin account for development, and how to log in with it."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import translation

DEV_ADMIN_EMAIL = "admin@localhost"


class Command(BaseCommand):
    help = (
        "Development only (DEBUG on): when the database has no superuser, create admin@localhost with a "
        "random password and print how to log in to the admin. Refuses to run when DEBUG is off."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--base-url", default="http://127.0.0.1:8000", help="Where the development server listens."
        )

    def handle(self, *args, base_url, **options):
        if not settings.DEBUG:
            raise CommandError(
                "ensure_dev_admin only runs with DEBUG on: production never has a default account."
            )
        with translation.override(settings.LANGUAGE_CODE):
            login_url = base_url.rstrip("/") + reverse("admin:index")
        user_model = get_user_model()
        superuser = user_model.objects.filter(is_superuser=True).order_by("pk").first()
        if superuser is not None:
            self.stdout.write(
                f"Admin: {login_url} as {superuser.email} "
                f"(forgot the password? manage.py changepassword {superuser.email})"
            )
            return
        password = secrets.token_urlsafe(12)
        user_model.objects.create_superuser(email=DEV_ADMIN_EMAIL, password=password, name="Admin")
        self.stdout.write(
            self.style.SUCCESS("Created a development admin account.")
            + f"\n  Admin:    {login_url}\n  Email:    {DEV_ADMIN_EMAIL}\n  Password: {password}"
        )
