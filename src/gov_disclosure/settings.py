"""Add the disclosure apps to a host site's settings in one call.

At the end of the site's settings module::

    from gov_disclosure.settings import configure

    configure(globals())

``configure`` only adds: it puts the disclosure apps (and the few they need) into
``INSTALLED_APPS``, the page cache, the site-history scope, the catalogue's routing and
the staff-session checks (django-otp's second factor, idle timeout, expired passwords) into
``MIDDLEWARE``, two password validators, its
role-aware model backend in place of Django's (``AUTHENTICATION_BACKENDS``), the
base-template context processor
into ``TEMPLATES``, a private file store into ``STORAGES``, and the settings without which
an item can never go live. Every value the site already set is kept; the plugin's own
options go in ``GOV_DISCLOSURE`` (see ``gov_disclosure.conf``).
"""

from pathlib import Path
from typing import Any

# Top of the layering first: a host's INSTALLED_APPS lists these ahead of Wagtail's,
# so the plugin's admin template overrides (notification mails) take effect.
DISCLOSURE_APPS = [
    "gov_disclosure.demo",
    "gov_disclosure.assessment",
    "gov_disclosure.website_reports",
    "gov_disclosure.feedback",
    "gov_disclosure.backups",
    "gov_disclosure.aggregation",
    "gov_disclosure.letters",
    "gov_disclosure.annual_reports",
    "gov_disclosure.requests",
    "gov_disclosure.api",
    "gov_disclosure.search",
    "gov_disclosure.page_cache",
    "gov_disclosure.standards",
    "gov_disclosure.imports",
    "gov_disclosure.review",
    "gov_disclosure.security",
    "gov_disclosure.pages",
    "gov_disclosure.workcalendar",
    "gov_disclosure.core",
]

# What the disclosure apps use besides a `wagtail start` site's own apps.
REQUIRED_APPS = [
    "wagtail.api.v2",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "django.contrib.sitemaps",
    "rest_framework",
    "rest_framework_api_key",
    "drf_spectacular",
    # The second factor of staff sign-in (TOTP) and its recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

PAGE_CACHE_MIDDLEWARE = "gov_disclosure.page_cache.middleware.PageCacheMiddleware"
SITE_HISTORY_MIDDLEWARE = "gov_disclosure.review.middleware.SiteHistoryScopeMiddleware"
ROUTING_MIDDLEWARE = "gov_disclosure.pages.routing.CatalogueRoutingMiddleware"
AUTH_MIDDLEWARE = "django.contrib.auth.middleware.AuthenticationMiddleware"
OTP_MIDDLEWARE = "django_otp.middleware.OTPMiddleware"
STAFF_SESSION_MIDDLEWARE = "gov_disclosure.security.middleware.StaffSessionMiddleware"
PASSWORD_VALIDATORS = [
    "gov_disclosure.security.passwords.CharacterClassesValidator",
    "gov_disclosure.security.passwords.PasswordHistoryValidator",
]
CONTEXT_PROCESSOR = "gov_disclosure.core.context_processors.disclosure"
FINISH_WORKFLOW_ACTION = "gov_disclosure.review.workflow_actions.publish_approved_revision"
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
ROLE_BACKEND = "gov_disclosure.pages.auth_backends.RoleModelBackend"


def configure(namespace: dict[str, Any]) -> None:
    """Add what the disclosure apps need to a settings module's ``globals()``."""
    installed = list(namespace.get("INSTALLED_APPS", []))
    namespace["INSTALLED_APPS"] = [
        *DISCLOSURE_APPS,
        *(app for app in installed if app not in DISCLOSURE_APPS),
        *(app for app in REQUIRED_APPS if app not in installed),
    ]

    middleware = list(namespace.get("MIDDLEWARE", []))
    if PAGE_CACHE_MIDDLEWARE not in middleware:
        # Before the session middleware: a stored page is served without touching it.
        session = "django.contrib.sessions.middleware.SessionMiddleware"
        position = middleware.index(session) if session in middleware else len(middleware)
        middleware.insert(position, PAGE_CACHE_MIDDLEWARE)
    if SITE_HISTORY_MIDDLEWARE not in middleware:
        # Wagtail's site history knows no agency: agency staff read their own log.
        middleware.append(SITE_HISTORY_MIDDLEWARE)
    if ROUTING_MIDDLEWARE not in middleware:
        # Items and categories found in one query, not level by level.
        middleware.append(ROUTING_MIDDLEWARE)
    if OTP_MIDDLEWARE not in middleware:
        # Right after authentication: request.user learns whether the second factor was given.
        position = middleware.index(AUTH_MIDDLEWARE) + 1 if AUTH_MIDDLEWARE in middleware else 0
        middleware.insert(position, OTP_MIDDLEWARE)
    if STAFF_SESSION_MIDDLEWARE not in middleware:
        # Staff sessions: idle timeout, second factor, expired password.
        middleware.insert(middleware.index(OTP_MIDDLEWARE) + 1, STAFF_SESSION_MIDDLEWARE)
    namespace["MIDDLEWARE"] = middleware

    # The password policy's character classes and history (Django's own validators keep
    # length, common passwords and likeness to the user's name).
    validators = list(namespace.get("AUTH_PASSWORD_VALIDATORS", []))
    names = {validator.get("NAME") for validator in validators}
    validators += [{"NAME": name} for name in PASSWORD_VALIDATORS if name not in names]
    namespace["AUTH_PASSWORD_VALIDATORS"] = validators
    # The authenticator app names the site.
    namespace.setdefault("OTP_TOTP_ISSUER", namespace.get("WAGTAIL_SITE_NAME", "政府信息公开平台"))

    for engine in namespace.get("TEMPLATES", []):
        if engine.get("BACKEND") == "django.template.backends.django.DjangoTemplates":
            processors = engine.setdefault("OPTIONS", {}).setdefault("context_processors", [])
            if CONTEXT_PROCESSOR not in processors:
                processors.append(CONTEXT_PROCESSOR)

    # Roles are held per agency: a member of a role's template group holds nothing.
    backends = list(namespace.get("AUTHENTICATION_BACKENDS", [MODEL_BACKEND]))
    namespace["AUTHENTICATION_BACKENDS"] = [
        ROLE_BACKEND if backend == MODEL_BACKEND else backend for backend in backends
    ]

    storages = namespace.setdefault("STORAGES", {})
    private_alias = namespace.get("GOV_DISCLOSURE", {}).get("PRIVATE_STORAGE", "private")
    if private_alias not in storages:
        # Applicants' files: outside MEDIA_ROOT, which the web server publishes.
        base = Path(namespace.get("BASE_DIR", "."))
        storages[private_alias] = {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(base / "private-media"), "base_url": None},
        }

    # The last approval publishes the approved revision (nobody holds the publish
    # permission on items); other pages' workflows finish as Wagtail's default does.
    namespace.setdefault("WAGTAIL_FINISH_WORKFLOW_ACTION", FINISH_WORKFLOW_ACTION)
    namespace.setdefault("WAGTAIL_MODERATION_ENABLED", True)
    # An edit made during review restarts it, so every step approves the revision that goes
    # live (gov_disclosure.pages.publication relies on it). This applies to every workflow.
    namespace.setdefault("WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT", True)
    # Uploaded attachments are checked by their content (see the documentation).
    namespace.setdefault(
        "WAGTAILDOCS_DOCUMENT_FORM_BASE", "gov_disclosure.pages.document_forms.CheckedDocumentForm"
    )
    # The login form with its password field labelled in the admin's language.
    namespace.setdefault("WAGTAILADMIN_USER_LOGIN_FORM", "gov_disclosure.core.forms.LoginForm")
    rest_framework = namespace.setdefault("REST_FRAMEWORK", {})
    rest_framework.setdefault("DEFAULT_SCHEMA_CLASS", "drf_spectacular.openapi.AutoSchema")
    # Editors post many fields at once (items with long bodies and many attachments); None,
    # a site's "no limit", stays.
    limit = namespace.get("DATA_UPLOAD_MAX_NUMBER_FIELDS", 1000)
    if limit is not None:
        namespace["DATA_UPLOAD_MAX_NUMBER_FIELDS"] = max(limit, 10_000)
