"""Settings of the Community Care wijkportaal, read from the environment.

Development works without any variable set except DJANGO_DEBUG=1 (the Makefile sets
it); with DEBUG off every secret must be given and the secure defaults apply.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from communitycare.lib.databases import database_from_url
from communitycare.lib.env import env_bool, env_int, env_limits, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_str("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. In production set it to a long random value "
            '(python -c "import secrets; print(secrets.token_urlsafe(50))"); '
            "for development set DJANGO_DEBUG=1 instead."
        )
    SECRET_KEY = "development-only-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# The care organisation that runs the portal; the method is written for Sevagram.
ORGANISATIE_NAAM = env_str("ORGANISATIE_NAAM", "Sevagram")
PORTAAL_NAAM = env_str("PORTAAL_NAAM", "Community Care wijkportaal")
# How to reach the organisation (footer, /contact/, /privacy/) and who answers questions
# about personal data. The defaults are the demo's: set real ones in production.
ORGANISATIE_ADRES = env_str("ORGANISATIE_ADRES", "Voorbeeldstraat 1, 6411 AA Heerlen")
ORGANISATIE_TELEFOON = env_str("ORGANISATIE_TELEFOON", "045 123 45 67")
ORGANISATIE_EMAIL = env_str("ORGANISATIE_EMAIL", "communitycare@example.org")
PRIVACY_CONTACT = env_str("PRIVACY_CONTACT", "de functionaris gegevensbescherming")
PRIVACY_EMAIL = env_str("PRIVACY_EMAIL", "privacy@example.org")
# The public address, the only source of absolute links (communitycare.lib.site);
# production refuses to run without a real one (communitycare.checks).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000" if DEBUG else "").rstrip("/")
# The deployed version (e.g. a git commit); part of the PDF cache key.
RELEASE = env_str("RELEASE")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    "axes",
    "simple_history",
    # The database queue of background tasks (only used with TASKS_BACKEND=database).
    "django_tasks_db",
    "communitycare",
    # Layer order, lowest first (README, Architecture); the demo loads in this order.
    "wijken.base",
    "wijken.mogelijkheden",
    "openkoffie",
    "wijken.wijkdata",
    "wijken.doeboekje",
    "initiatieven",
    "wijken.wijkplan",
    "communitycare.portaal",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Cache headers, 304s and gzip of the shared public pages (outside the middleware
    # whose Vary and cookies it judges).
    "communitycare.lib.pagecache.SharedPageMiddleware",
    "communitycare.lib.backoffice_cache.never_cache_back_office",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Records who made each change in the history (django-simple-history).
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout into the Dutch lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "communitycare.urls"
WSGI_APPLICATION = "communitycare.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "communitycare.lib.context_processors.portaal",
            ],
        },
    },
]

DATABASES = {"default": database_from_url(env_str("DATABASE_URL"), BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every app server: Redis when configured, else the database.
# Its size is bounded, whatever visitors ask for (see pagecache): the database cache
# by CACHE_MAX_ENTRIES (room for every public page of a national portal; beyond it, one
# in CACHE_CULL_FREQUENCY entries is dropped), Redis by its own maxmemory (.env.example).
CACHE_URL = env_str("CACHE_URL")
if CACHE_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "django_cache",
            "OPTIONS": {
                "MAX_ENTRIES": env_int("CACHE_MAX_ENTRIES", 50_000),
                "CULL_FREQUENCY": env_int("CACHE_CULL_FREQUENCY", 3),
            },
        }
    }
# How long a cached public page may show the clock's view of the world ("nu open");
# data changes show at once regardless. 0 switches the page cache off.
PAGINA_CACHE_SECONDEN = env_int("PAGINA_CACHE_SECONDEN", 120)
# How long a reverse proxy (deploy/nginx.conf) serves a public page without asking the app
# again; then it revalidates (a 304 while the data did not change). An edit shows through
# the proxy after at most this long; logged-in staff pass it by. Browsers always ask.
PAGINA_PROXY_SECONDEN = env_int("PAGINA_PROXY_SECONDEN", 5)
# How long past that a cache may still serve the old page while it fetches the new one.
PAGINA_STALE_SECONDEN = env_int("PAGINA_STALE_SECONDEN", 30)

AUTH_USER_MODEL = "wijken.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "beheer:login"
LOGIN_REDIRECT_URL = "beheer:dashboard"
LOGOUT_REDIRECT_URL = "wijken:home"

# Login throttling: five wrong passwords for one username from one address lock
# that combination for an hour.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_RESET_ON_SUCCESS = True
# Reverse proxies in front of the app (see communitycare.lib.client_address).
PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "communitycare.lib.client_address.client_address"
# Public forms (communitycare.lib.ratelimit), "count/seconds[,count/seconds]": per network
# address enough for a room of residents on one tablet or one Wi-Fi, per browser session
# one at a time.
RATELIMIT_PER_ADRES = env_limits("DJANGO_RATELIMIT_PER_ADRES", "20/3600")
RATELIMIT_PER_SESSIE = env_limits("DJANGO_RATELIMIT_PER_SESSIE", "1/120,5/3600")
# A blocked cookie or a page open too long: a Dutch page that keeps what was typed.
CSRF_FAILURE_VIEW = "communitycare.csrf.csrf_failure"

SESSION_COOKIE_AGE = 60 * 60 * 12
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
# Dutch for what Django's own nl catalogs and django-simple-history lack (the admin).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Bootstrap's compiled CSS is vendored in static/vendor/bootstrap/ (no CDN).
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
# Served at the root as well: browsers ask for /favicon.ico whatever the page links.
WHITENOISE_ROOT = BASE_DIR / "static" / "favicon"
# The largest wijkdata CSV the back office reads (the form says so). Django's own
# upload defaults stay: files over 2.5 MB stream to a temporary file, not into memory.
WIJKDATA_MAX_BYTES = env_int("WIJKDATA_MAX_BYTES", 5 * 1024 * 1024)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: SMTP when a host is given, else printed on the console (development).
if env_str("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env_str("EMAIL_HOST"),
                "port": env_int("EMAIL_PORT", 587),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                # Seconds: a mail server that hangs must not hold a worker for good.
                "timeout": env_int("EMAIL_TIMEOUT", 10),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Community Care <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ADMINS = [("Beheer", address) for address in env_list("DJANGO_ADMINS")]
# Where to report a vulnerability (/.well-known/security.txt): a mailto: or https: URI.
SECURITY_CONTACT = env_str("SECURITY_CONTACT", f"mailto:{ADMINS[0][1]}" if ADMINS else "")

# Background tasks (e-mail, PDFs rendered ahead): by default each task runs at once in
# the request that enqueues it, so the demo and the tests need no worker. With
# TASKS_BACKEND=database tasks are queued in the database for `manage.py db_worker`.
TASKS_BACKEND = env_str("TASKS_BACKEND", "immediate")
if TASKS_BACKEND not in ("immediate", "database"):
    raise ImproperlyConfigured(f"TASKS_BACKEND={TASKS_BACKEND!r}: use immediate or database.")
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if TASKS_BACKEND == "database"
            else "django.tasks.backends.immediate.ImmediateBackend"
        )
    }
}
# Render the wijkplan and initiatiefbeschrijving PDFs after each edit, so the next
# download is a cache hit. Off by default with the immediate backend: the editor's
# request would wait for the layout.
PDF_VOORAF_RENDEREN = env_bool("PDF_VOORAF_RENDEREN", TASKS_BACKEND == "database")

# A strict policy: only our own files, nonces for the few inline scripts.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    # Bootstrap draws form check marks and select arrows as data: SVG images.
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # WeasyPrint reports every rendering step at INFO.
    "loggers": {"axes": {"level": "WARNING"}, "weasyprint": {"level": "WARNING"}},
}
