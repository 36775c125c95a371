"""WSGI entry point: ``gunicorn busan_exchange.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "busan_exchange.settings.production")

application = get_wsgi_application()
