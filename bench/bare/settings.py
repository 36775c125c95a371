"""Settings of the bare Django site: one view, ``SecurityMiddleware`` and ``CommonMiddleware``, nothing else.

``bench/run.py`` serves it with the portal's own ``gunicorn.conf.py`` (same workers, threads and worker
class), so that what the portal's pages cost can be read against what Django itself costs on the same machine.
"""

import os

DEBUG = False
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
ROOT_URLCONF = "bench.bare.urls"
WSGI_APPLICATION = "bench.bare.wsgi.application"
INSTALLED_APPS: list[str] = []
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
DATABASES: dict = {}
USE_I18N = False
USE_TZ = True
