"""Settings shared by every environment.

Environment variables are read here, in one place, with django-environ.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("DJANGO_SECRET_KEY", default="")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=[])
SITE_NAME = _("Busan International Exchange")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    # Django's admin with the staff's own tools listed first (busan_exchange/admin_site.py).
    "busan_exchange.admin_site.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    # Django's own form templates, found by the template engine (FORM_RENDERER below).
    "django.forms",
    "allauth",
    "allauth.account",
    "csp",
    "django_q",
    "busan_exchange",
    "audit",
    "outbox",
    "accounts",
    "programs",
    "events",
    "registrations",
    "applications",
    "homestays",
    "cooperation",
    "discovery",
    "portal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "busan_exchange.middleware.ContentSecurityPolicyMiddleware",
    "busan_exchange.middleware.PermissionsPolicyMiddleware",
    # Before the session is looked up: a damaged session cookie must never reach the database.
    "busan_exchange.middleware.RejectUnusableInputMiddleware",
    # Anonymous pages from the shared cache: after the security headers, before any session or template work.
    "busan_exchange.pagecache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.middleware.AccountsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "busan_exchange.urls"
# Form widgets are rendered with the site's template engine, so templates/ may improve Django's own
# (templates/admin/widgets/split_datetime.html labels the admin's date and time inputs).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"
WSGI_APPLICATION = "busan_exchange.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "programs.context_processors.site",
            ],
        },
    },
]

# Database: SQLite with zero configuration; PostgreSQL (or any URL) through DATABASE_URL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite ignores select_for_update; taking the write lock when a transaction
    # starts is what serialises concurrent registrations.
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Parameters are bound by PostgreSQL, and a statement run five times on a connection is prepared: the
    # queries of every request (the visitor's account, their registrations) are then no longer planned
    # anew each time, which costs PostgreSQL more than running them. A connection pooler in transaction
    # mode that cannot keep prepared statements needs DJANGO_DB_PREPARED_STATEMENTS=false.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        server_side_binding=True,
        prepare_threshold=5 if env.bool("DJANGO_DB_PREPARED_STATEMENTS", default=True) else None,
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Caches, each where losing it costs least (README, "Redis"):
# - default: small shared state that must survive Redis trouble and never be evicted: login and rate-limit
#   counters (allauth uses this alias). In the database; the table is made by `migrate`; only expired
#   entries are ever culled (CULL_FREQUENCY so high that culling drops no live entry).
# - pages: the anonymous page cache and the workers' statistics: Redis (evicting the least recently used
#   when full) when REDIS_URL is set, else this process's memory.
# - sessions: copies of the sessions in Redis in front of the database, which holds the truth (a session
#   outlives a Redis restart). Without Redis, sessions are read from the database.
REDIS_URL = env("REDIS_URL", default="")
CACHE_KEY_PREFIX = env("DJANGO_CACHE_KEY_PREFIX", default="busan")
PORTAL_CACHE_TABLE = "portal_cache"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": PORTAL_CACHE_TABLE,
        "OPTIONS": {"MAX_ENTRIES": 50_000, "CULL_FREQUENCY": 10**12},
    },
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
    # The public parts of pages (header, footer, lists), rendered once per content generation and kept in
    # each process's memory: what a member's page shares with everyone's costs no rendering.
    "parts": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "parts",
        "OPTIONS": {"MAX_ENTRIES": 3000},
    },
}
if REDIS_URL:
    CACHES["pages"] = {
        "BACKEND": "busan_exchange.cachebackends.FailSoftRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": CACHE_KEY_PREFIX,
    }
    CACHES["sessions"] = {
        "BACKEND": "busan_exchange.cachebackends.FailSoftRedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:sessions",
        "OPTIONS": {"PURGE_ON_RECOVERY": True},
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    SESSION_CACHE_ALIAS = "sessions"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "accounts.backends.ModelBackend",
    "accounts.backends.VerifiedEmailBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_REDIRECT_URL = "home"

# allauth: email is the login; a member confirms it before logging in.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
# Failed logins are slowed down by accounts.login_limits (per account, address and device, growing waits),
# which the admin's login shares; allauth's fixed lock is off. allauth's other limits count per client
# address: generous enough for an office or a class behind one address (logins are only a ceiling against
# floods: guessing is held by the failure limits), per minute so that a 429 can say "60 seconds".
ACCOUNT_RATE_LIMITS = {
    "login_failed": "",
    "login": "300/m/ip",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
SITE_ID = 1

# The client's address (rate limits, the access record). Behind reverse proxies that append to
# X-Forwarded-For, set how many there are (the README's nginx: 1); or name a header the nearest proxy always
# overwrites with the client's address. With neither, headers are ignored: clients cannot choose an address.
PORTAL_TRUSTED_PROXY_COUNT = env.int("PORTAL_TRUSTED_PROXY_COUNT", default=0)
PORTAL_CLIENT_IP_HEADER = env("PORTAL_CLIENT_IP_HEADER", default="")
ALLAUTH_TRUSTED_PROXY_COUNT = PORTAL_TRUSTED_PROXY_COUNT
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = PORTAL_CLIENT_IP_HEADER or None
# A browser that logged in to an account keeps this cookie, which spares it the waits strangers cause.
LOGIN_DEVICE_COOKIE_NAME = "login_device"
# Staff sessions end after this long without a request; members stay logged in for two weeks (or until the
# browser closes when they untick "remember me").
STAFF_SESSION_IDLE_SECONDS = 30 * 60
SESSION_COOKIE_AGE = 14 * 24 * 60 * 60

# --- Members: accounts, consents, registrations -------------------------------------------------
# The public address of the portal, written into Site 1 by a migration and used for links in mail
# sent outside a request. Local addresses default to http, everything else to https.
PORTAL_DOMAIN = env("PORTAL_DOMAIN", default="localhost:8000")
PORTAL_URL_SCHEME = env(
    "PORTAL_URL_SCHEME",
    default="http" if PORTAL_DOMAIN.split(":")[0] in ("localhost", "127.0.0.1") else "https",
)
LOGIN_URL = "account_login"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
# allauth's forms with the site's own labels (sentence case, the glossary's terms).
ACCOUNT_FORMS = {
    "signup": "accounts.forms.SignupForm",
    "login": "accounts.forms.LoginForm",
    "reset_password": "accounts.forms.ResetPasswordForm",
    "reset_password_from_key": "accounts.forms.ResetPasswordKeyForm",
    "change_password": "accounts.forms.ChangePasswordForm",
    "set_password": "accounts.forms.SetPasswordForm",
    "add_email": "accounts.forms.AddEmailForm",
    "reauthenticate": "accounts.forms.ReauthenticateForm",
}
# Confirming the address in the browser that signed up logs the member in (allauth does so only there:
# a confirmation link opened elsewhere leads to the login form, with the address shown as confirmed).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = PORTAL_URL_SCHEME
# None: the adapter prefixes subjects with the site's name in the member's language.
ACCOUNT_EMAIL_SUBJECT_PREFIX = None
# One address per member; a new one replaces the old once it is verified.
ACCOUNT_CHANGE_EMAIL = True
# Tell members by mail when their password or email address changes.
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
# Adding, removing or choosing an email address asks for the password again unless it was given in the last
# five minutes (changing the password asks for the current one anyway).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_METHODS = ("password",)
# --- end of members block ----------------------------------------------------------------------

# Internationalisation: Korean, English and Simplified Chinese.
LANGUAGE_CODE = "ko"
LANGUAGES = [
    ("ko", "한국어"),
    ("en", "English"),
    ("zh-hans", "简体中文"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Seoul"
# Where a language's own date formats read wrongly in Django (Korean "오전 11:53"), ours come first.
FORMAT_MODULE_PATH = ["busan_exchange.formats"]
USE_I18N = True
USE_TZ = True

# Content fields: Korean is what staff write first; visitors see English, then Korean, when their
# language has no text yet.
MODELTRANSLATION_DEFAULT_LANGUAGE = "ko"
MODELTRANSLATION_LANGUAGES = ("ko", "en", "zh-hans")
# The order in which a missing field falls back, whatever language is shown.
CONTENT_FALLBACK_ORDER = ("en", "ko")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": CONTENT_FALLBACK_ORDER}
# modeltranslation's admin language tabs: a small local script instead of jQuery UI from a CDN, so the
# admin works offline (modeltranslation reads these two names without its prefix).
JQUERY_UI_URL = "admin-site/js/translation-tabs.js"
JQUERY_URL = "admin/js/vendor/jquery/jquery.min.js"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("DJANGO_STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Every mail goes to the outbox (a table) in the transaction of the change that causes it; the workers deliver
# it with OUTBOX_DELIVERY_BACKEND, retrying with growing waits (1, 2, 4 ... minutes, at most 6 hours).
EMAIL_BACKEND = "outbox.backends.QueuedEmailBackend"
OUTBOX_DELIVERY_BACKEND = env(
    "DJANGO_EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend"
)
# With DJANGO_EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend: the folder mail is written to.
if env("DJANGO_EMAIL_FILE_PATH", default=""):
    EMAIL_FILE_PATH = env("DJANGO_EMAIL_FILE_PATH")
OUTBOX_MAX_ATTEMPTS = env.int("PORTAL_MAIL_MAX_ATTEMPTS", default=10)
# Days a message is kept after it was delivered, or after the last attempt when it failed (the privacy policy
# says 30).
OUTBOX_KEEP_SENT_DAYS = env.int("PORTAL_MAIL_KEEP_SENT_DAYS", default=30)
EMAIL_TIMEOUT = env.int("DJANGO_EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env(
    "DJANGO_DEFAULT_FROM_EMAIL", default="Busan International Exchange <noreply@localhost>"
)

# The exchange office, shown in the footer of every page.
OFFICE_CONTACT = {
    "phone": env("PORTAL_OFFICE_PHONE", default="+82-51-120"),
    "email": env("PORTAL_OFFICE_EMAIL", default=""),
}

# Uploaded images: refused above these caps (bytes, and width × height in pixels).
PORTAL_IMAGE_MAX_BYTES = env.int("PORTAL_IMAGE_MAX_BYTES", default=10 * 1024 * 1024)
PORTAL_IMAGE_MAX_PIXELS = env.int("PORTAL_IMAGE_MAX_PIXELS", default=40_000_000)

# Applicants' files (answers to upload questions): outside MEDIA_ROOT, never served by the web server, only by
# a view that checks who asks. PDF, JPEG or PNG up to this size.
PORTAL_PRIVATE_MEDIA_ROOT = Path(env("PORTAL_PRIVATE_MEDIA_ROOT", default=str(BASE_DIR / "private-media")))
PORTAL_UPLOAD_MAX_BYTES = env.int("PORTAL_UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)

TEXT_SIZE_COOKIE = "textsize"
TEXT_SIZES = ("small", "normal", "large", "xlarge")

# Background work: django-q2 workers (`manage.py qcluster`) take tasks from a queue kept in the database, so a
# task is enqueued in the same transaction as the change that asks for it, and any number of workers on any
# number of machines share the queue. Their scheduler runs the periodic jobs below (kept in the database by
# `migrate`; the name is what staff see in the admin).
Q_CLUSTER = {
    "name": "busan",
    "orm": "default",
    "workers": env.int("PORTAL_WORKERS", default=2),
    # A task running longer is stopped; one whose worker died is handed out again after `retry` seconds.
    "timeout": 120,
    "retry": 180,
    "max_attempts": 3,
    "ack_failures": True,
    "catch_up": False,
    "poll": env.float("PORTAL_WORKER_POLL_SECONDS", default=1.0),
    "save_limit": 2000,
    # The workers' statistics (for `manage.py qmonitor`) are as disposable as cached pages.
    "cache": "pages",
    "label": _("Background tasks"),
}
# /health/ says "degraded" when the oldest mail has waited, or the workers are behind, longer than this.
HEALTH_MAIL_LATE_SECONDS = env.int("PORTAL_HEALTH_MAIL_LATE_SECONDS", default=15 * 60)
HEALTH_WORKERS_LATE_SECONDS = env.int("PORTAL_HEALTH_WORKERS_LATE_SECONDS", default=5 * 60)
PERIODIC_TASKS = {
    # name: (function, every so many minutes)
    "Deliver mail that is due": ("outbox.tasks.mail_deliver_due", 1),
    "Delete delivered and failed mail after its keeping time": ("outbox.tasks.mail_purge", 24 * 60),
    "Expire unanswered offers and offer the places to the waiting list": (
        "applications.tasks.offers_expire",
        5,
    ),
    "Delete application answers and files a year after the trip": (
        "applications.tasks.answers_purge",
        24 * 60,
    ),
    "Delete homestay guests a year after their visit": ("homestays.tasks.guests_purge", 24 * 60),
    "Erase cooperation contacts three years after a request ends": (
        "cooperation.tasks.contacts_erase",
        24 * 60,
    ),
    "Delete access record entries after their keeping time": ("audit.tasks.access_records_purge", 24 * 60),
    "Delete ended sessions and expired login counts": ("accounts.tasks.login_data_purge", 24 * 60),
}
# The access record (who viewed, exported or changed personal data) is kept this many years: PIPA asks for
# at least two, and the database refuses to delete younger entries.
ACCESS_RECORD_KEEP_YEARS = env.int("PORTAL_ACCESS_RECORD_KEEP_YEARS", default=2)
if ACCESS_RECORD_KEEP_YEARS < 2:
    raise ImproperlyConfigured("PORTAL_ACCESS_RECORD_KEEP_YEARS must be at least 2.")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}},
    "root": {"handlers": ["console"], "level": env("DJANGO_LOG_LEVEL", default="INFO")},
}

# --- Security headers and the page cache ---------------------------------------------------------
# Headers that do not depend on HTTPS apply everywhere; HSTS and secure cookies are in production.py.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Every script, style, image and font comes from the site itself; no inline script or style anywhere,
# the admin included (tests/e2e/test_csp.py checks every page in Chromium).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
PERMISSIONS_POLICY_DISABLED = (
    "accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope",
    "magnetometer", "microphone", "midi", "payment", "usb",
)  # fmt: skip

# Anonymous pages: kept this long in the shared cache and this long in browsers. Staff edits empty the
# shared cache at once; what changes with time or with members' registrations (windows opening, places
# left) is at most this old for visitors who are not logged in.
PAGE_CACHE_SECONDS = env.int("DJANGO_PAGE_CACHE_SECONDS", default=60)
# How long browsers may keep a page without asking; 0: they revalidate each time (ETag, "304 Not Modified"),
# so an edit shows to every visitor at once.
PAGE_CACHE_MAX_AGE = env.int("DJANGO_PAGE_CACHE_MAX_AGE", default=0)
# How long a public part of a page ({% public_part %}) is kept at most; an edit replaces it at once.
PUBLIC_PART_SECONDS = env.int("DJANGO_PUBLIC_PART_SECONDS", default=60)
# Saving, deleting or relinking any of these makes every cached page stale.
PAGE_CACHE_MODELS = [
    "programs.Category",
    "programs.City",
    "programs.Program",
    "programs.ProgramImage",
    "events.Event",
    "events.EventImage",
    "accounts.PrivacyPolicy",
    "applications.Call",
    "applications.Question",
]
# --- end of security and page cache block --------------------------------------------------------
