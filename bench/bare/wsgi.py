"""WSGI entry point of the bare site: ``gunicorn -c gunicorn.conf.py bench.bare.wsgi:application``."""

import os

from django.core.wsgi import get_wsgi_application

# Set, not defaulted: the benchmark's environment names the portal's settings for everything else.
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.bare.settings"

application = get_wsgi_application()
