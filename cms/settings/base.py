"""Settings shared by every profile.

Everything that differs between machines is read from the environment with
django-environ; the profiles (dev, test, production) only choose defaults.
"""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from gov_disclosure.schedule import BEAT_SCHEDULE
from gov_disclosure.settings import configure

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

# ---------------------------------------------------------------------------
# Applications
# ---------------------------------------------------------------------------

INSTALLED_APPS = [
    "wagtail.api.v2",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "rest_framework_api_key",
    "drf_spectacular",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside the page cache: every answer, stored or not, carries the policy.
    "cms.content_security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# ---------------------------------------------------------------------------
# Database: DATABASE_URL (PostgreSQL in production and CI), SQLite by default
# ---------------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Reconnect after a server restart instead of failing the next request.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
else:
    # Several workers write (the search log, the public forms): in WAL mode readers and the
    # writer do not block each other, commits need no sync of the whole journal, and a
    # write waits for the lock instead of failing at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---------------------------------------------------------------------------
# Internationalisation: the admin speaks Chinese; English stays selectable
# per user in the account settings.
# ---------------------------------------------------------------------------

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("en", "English"),
]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True
# The reference site's own strings; the plugin's come with its apps.
LOCALE_PATHS = [BASE_DIR / "locale"]

# configure() adds the character classes and the history (not the last 5) to these.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# ---------------------------------------------------------------------------
# Static and media files
# ---------------------------------------------------------------------------

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATIC_URL = "/static/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
MEDIA_URL = "/media/"

# Applicants' files and the office's replies: outside MEDIA_ROOT, which the web
# server publishes; only the admin serves them, to those allowed to see the request.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "private")
PRIVATE_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# ---------------------------------------------------------------------------
# Cache: CACHE_URL (e.g. redis://127.0.0.1:6379/1), local memory by default
# ---------------------------------------------------------------------------

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}

# ---------------------------------------------------------------------------
# Celery: Redis as broker in production; tasks run eagerly when no broker is
# configured, so the embedded default needs no service.
# ---------------------------------------------------------------------------

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="memory://")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_TASK_ALWAYS_EAGER = env.bool(
    "CELERY_TASK_ALWAYS_EAGER", default=CELERY_BROKER_URL == "memory://"
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A broker that is away must not hold up the web request that queues a task for long
# (gov_disclosure.core.task_queue then runs or logs the work): a short connect timeout,
# few publish retries.
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2}
CELERY_TASK_PUBLISH_RETRY_POLICY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.5}
# The disclosure apps' periodic work (scheduled publication, reminders, reconciles, purges).
CELERY_BEAT_SCHEDULE = dict(BEAT_SCHEDULE)

# ---------------------------------------------------------------------------
# Wagtail
# ---------------------------------------------------------------------------

WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", default="政府信息公开平台")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False
WAGTAIL_USER_TIME_ZONES = ["Asia/Shanghai", "UTC"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="noreply@localhost")
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False

# Wagtail's own search (admin, API v2 ?search=) by substring: its full-text database
# backends do not find Chinese words inside text.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database.fallback"},
}

# Attachments of disclosure items: office documents, PDFs, text and images, each checked
# by its content (gov_disclosure.pages.document_forms). No archives: the public cannot read
# them online and 保密审查 cannot see inside them.
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "doc", "docx", "xls", "xlsx", "wps", "et", "ofd", "txt", "csv", "jpg", "jpeg", "png",
]  # fmt: skip
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"

WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

REST_FRAMEWORK = {
    # Client addresses for per-IP rate limits: REMOTE_ADDR unless NUM_PROXIES reverse
    # proxies in front add X-Forwarded-For (never trust a client's own header).
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "政府信息公开平台 · 同步接口",
    "DESCRIPTION": "各机关已发布的政府信息公开目录，供区级聚合平台同步。",
    "VERSION": "1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["gov_disclosure.api.schema.public_api_endpoints_only"],
    # 3.1 states "a record or null" exactly; 3.0 cannot for a referenced object.
    "OAS_VERSION": "3.1.0",
    "APPEND_COMPONENTS": {
        "securitySchemes": {"ApiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"}}
    },
}
WAGTAILAPI_LIMIT_MAX = 100

RATELIMIT_IP_META_KEY = "gov_disclosure.core.client_ip.client_ip"

# The admin's address (without slashes): an unguessable path keeps scanners off the login.
ADMIN_PATH = env("ADMIN_PATH", default="admin").strip("/")

# Content-Security-Policy (django-csp; cms.content_security widens it for the admin):
# every script, style, image and font is the site's own, and nothing frames the site.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF],
        "frame-ancestors": [NONE],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}
# Avatars come from the site: Gravatar would leak staff addresses (and is unreachable
# from many government networks).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# ---------------------------------------------------------------------------
# The disclosure apps (gov_disclosure): their options, then everything they need added
# to the settings above by configure() (apps, middleware, private storage, workflow).
# ---------------------------------------------------------------------------


def _two_factor_rule(value: str):
    return value if value in ("all", "none") else [part.strip() for part in value.split(",")]


GOV_DISCLOSURE = {
    # The reference site's page frame (templates/base.html).
    "BASE_TEMPLATE": "base.html",
    # Public pages served to anonymous visitors from the cache, in seconds; 0 turns it off.
    # Every publication invalidates them at once, in every process sharing the cache, so it
    # needs a shared cache (Redis) when more than one process serves.
    "PAGE_CACHE_SECONDS": env.int("PAGE_CACHE_SECONDS", default=0),
    # Besides the plugin's own APIs: Wagtail's content API and the health check.
    "PAGE_CACHE_EXCLUDED_PATHS": ["/api/", "/healthz"],
    # SEARCH_URL picks the engine: opensearch://host:9200, elasticsearch://host:9200, or
    # unset for the database.
    "SEARCH_URL": env("SEARCH_URL", default=""),
    # Keeps tests, development and production apart on a shared engine.
    "SEARCH_INDEX_PREFIX": env("SEARCH_INDEX_PREFIX", default="disclosure-dev-"),
    # Copies of the index on other nodes: 0 on a single node, 1 or more on a cluster so that
    # search keeps answering, complete, when a node is lost.
    "SEARCH_INDEX_REPLICAS": env.int("SEARCH_INDEX_REPLICAS", default=0),
    # Documents per bulk request when (re)building an index; smaller for a node short of memory.
    "SEARCH_BULK_DOCUMENTS": env.int("SEARCH_BULK_DOCUMENTS", default=500),
    # Aggregation (district sites): "link" keeps each attachment's address at its source;
    # "fetch" downloads it, checks its SHA-256 against the record, and serves it locally.
    "AGGREGATION_ATTACHMENTS": env("AGGREGATION_ATTACHMENTS", default="link"),
    "AGGREGATION_PAGE_SIZE": env.int("AGGREGATION_PAGE_SIZE", default=500),
    # Requests (依申请公开): personal data of requests closed longer ago than this is purged
    # nightly (unset keeps it); "due soon" within this many working days; per-address limits.
    "REQUEST_RETENTION_DAYS": env.int("DISCLOSURE_REQUEST_RETENTION_DAYS", default=None),
    "REQUEST_DUE_SOON_WORKING_DAYS": env.int("DISCLOSURE_REQUEST_DUE_SOON_WORKING_DAYS", default=5),
    "REQUEST_SUBMIT_RATE": env("DISCLOSURE_REQUEST_SUBMIT_RATE", default="10/h"),
    "REQUEST_STATUS_RATE": env("DISCLOSURE_REQUEST_STATUS_RATE", default="30/h"),
    # A public form (request, letter) sent sooner than this after it was shown is a robot's.
    "PUBLIC_FORM_MIN_FILL_SECONDS": env.int("PUBLIC_FORM_MIN_FILL_SECONDS", default=3),
    # Citizens' letters: the reply promised within this many working days, per-address limits,
    # and writers' data of ended letters purged after this many days (unset keeps it).
    "LETTER_REPLY_WORKING_DAYS": env.int("LETTER_REPLY_WORKING_DAYS", default=15),
    "LETTER_SUBMIT_RATE": env("LETTER_SUBMIT_RATE", default="10/h"),
    "LETTER_STATUS_RATE": env("LETTER_STATUS_RATE", default="30/h"),
    "LETTER_RETENTION_DAYS": env.int("LETTER_RETENTION_DAYS", default=None),
    # Annual reports: days before 31 January and 31 March on which 党政办 is reminded.
    "ANNUAL_REPORT_REMINDER_DAYS": env.list(
        "ANNUAL_REPORT_REMINDER_DAYS", cast=int, default=[30, 14, 7, 3, 1, 0]
    ),
    # 体裁 published with a 政策解读 (reviewers warned, 政策解读情况 lists those without).
    # Folders of the site's own standard-catalogue templates, besides the 26 shipped areas.
    "STANDARD_CATALOGUE_DIRS": env.list("STANDARD_CATALOGUE_DIRS", default=[]),
    "INTERPRETED_GENRES": env.list(
        "INTERPRETED_GENRES", default=["规章", "行政规范性文件", "其他政策文件"]
    ),
    # --- Security (等保 2.0; the production profile tightens these) ---
    # Keys (manage.py security_keygen), newest first, comma-separated; unset in development:
    # derived from SECRET_KEY.
    "PERSONAL_DATA_KEYS": env.list("PERSONAL_DATA_KEYS", default=[]),
    "BACKUP_KEYS": env.list("BACKUP_KEYS", default=[]),
    "AUDIT_LOG_KEYS": env.list("AUDIT_LOG_KEYS", default=[]),
    # standard (AES-256-GCM, HMAC-SHA256) or national (SM4-GCM, HMAC-SM3).
    "CRYPTOGRAPHY": env("CRYPTOGRAPHY", default="standard"),
    "AUDIT_RETENTION_DAYS": env.int("AUDIT_RETENTION_DAYS", default=183),
    # all, none, or role names comma-separated (信息员,党政办,…,区政务公开办,superuser).
    "TWO_FACTOR_REQUIRED": _two_factor_rule(env("TWO_FACTOR_REQUIRED", default="none")),
    "PASSWORD_MAX_AGE_DAYS": env.int("PASSWORD_MAX_AGE_DAYS", default=None),
    "PASSWORD_HISTORY": env.int("PASSWORD_HISTORY", default=5),
    "SESSION_IDLE_SECONDS": env.int("SESSION_IDLE_SECONDS", default=None),
    # Failed admin sign-ins allowed per client address and per user name.
    "LOGIN_FAILURE_RATE": env("ADMIN_LOGIN_FAILURE_RATE", default="5/15m"),
}
if GOV_DISCLOSURE["AGGREGATION_ATTACHMENTS"] not in ("link", "fetch"):
    raise ImproperlyConfigured("AGGREGATION_ATTACHMENTS 只能是 link 或 fetch")

configure(globals())

# ---------------------------------------------------------------------------
# Logging: everything to stderr, as process managers expect.
# ---------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
    "loggers": {
        "gov_disclosure": {"level": env("LOG_LEVEL", default="WARNING")},
    },
}
