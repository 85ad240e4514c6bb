"""The plugin's settings: one optional dict, ``GOV_DISCLOSURE``, read through this module.

Every key has a default, so a host site sets only what it changes::

    GOV_DISCLOSURE = {"SEARCH_URL": "opensearch://127.0.0.1:9200", "PAGE_CACHE_SECONDS": 300}

Values are read on every access, so ``override_settings(GOV_DISCLOSURE=...)`` works in tests.
Misconfiguration is reported by the system checks in ``gov_disclosure.core.checks``.
"""

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # The template the public pages extend; its blocks: title, extra_css, content, extra_js.
    "BASE_TEMPLATE": "gov_disclosure/base.html",
    # Page types an agency's catalogue (DisclosureIndexPage) and a portal may be created
    # under, besides a portal; "wagtailcore.Page" is the tree's root.
    "AGENCY_PARENT_PAGE_TYPES": ["wagtailcore.Page", "home.HomePage"],
    # The storage (a key of STORAGES) for applicants' files and the office's replies: never
    # served by the web server, only by the admin to those allowed to see the request.
    "PRIVATE_STORAGE": "private",
    # Background work (indexing, mails, checks): "celery" queues it for Celery workers,
    # "inline" runs it in the web process after the commit, "auto" picks Celery when the
    # site made a Celery app and gave it a broker.
    "TASKS": "auto",
    # Public pages served to anonymous visitors from the shared cache, in seconds; 0 = off.
    "PAGE_CACHE_SECONDS": 0,
    # Path prefixes never stored besides the admin, the APIs, documents and search.
    "PAGE_CACHE_EXCLUDED_PATHS": [],
    # Public full-text search: opensearch://host:9200, elasticsearch://host:9200, or ""
    # for the project's own database index.
    "SEARCH_URL": "",
    "SEARCH_INDEX_PREFIX": "disclosure-",
    "SEARCH_INDEX_REPLICAS": 0,
    "SEARCH_BULK_DOCUMENTS": 500,
    # The search log (query, day, count; nothing about the searcher) is kept this many days.
    "SEARCH_QUERY_LOG_DAYS": 400,
    # District sites: "link" keeps attachments at their source, "fetch" copies them.
    "AGGREGATION_ATTACHMENTS": "link",
    "AGGREGATION_PAGE_SIZE": 500,
    # None: WAGTAILDOCS_MAX_UPLOAD_SIZE, else 50 MB.
    "AGGREGATION_MAX_ATTACHMENT_BYTES": None,
    # Requests (依申请公开): personal data purged this many days after closing (None keeps
    # it); "due soon" threshold; per-address limits on applying and looking up.
    "REQUEST_RETENTION_DAYS": None,
    "REQUEST_DUE_SOON_WORKING_DAYS": 5,
    "REQUEST_SUBMIT_RATE": "10/h",
    "REQUEST_STATUS_RATE": "30/h",
    # A public form sent sooner than this after it was shown is a robot's.
    "PUBLIC_FORM_MIN_FILL_SECONDS": 3,
    # Citizens' letters (网民信件).
    "LETTER_REPLY_WORKING_DAYS": 15,
    "LETTER_SUBMIT_RATE": "10/h",
    "LETTER_STATUS_RATE": "30/h",
    "LETTER_RETENTION_DAYS": None,
    # Satisfaction ratings (满意度): ratings per address; one per page per address a day.
    "RATING_SUBMIT_RATE": "30/h",
    # Public topic proposals (群众点题): the answer's deadline, per-address limits.
    "PROPOSAL_ANSWER_WORKING_DAYS": 15,
    "PROPOSAL_SUBMIT_RATE": "10/h",
    "PROPOSAL_STATUS_RATE": "30/h",
    # Annual reports: CSS font families for the PDF after the bundled CJK font, and the
    # days before each deadline on which 党政办 is reminded.
    "ANNUAL_REPORT_PDF_FONTS": '"Noto Serif CJK SC", "Noto Sans CJK SC", serif',
    "ANNUAL_REPORT_REMINDER_DAYS": [30, 14, 7, 3, 1, 0],
    # 体裁 whose documents are published with a 政策解读: reviewers are warned of one
    # without, and the interpretation report lists them.
    "INTERPRETED_GENRES": ["规章", "行政规范性文件", "其他政策文件"],
    # Folders of the site's own standard-catalogue templates (TOML, the format of
    # gov_disclosure.standards.spec), offered besides the 26 shipped areas.
    "STANDARD_CATALOGUE_DIRS": [],
    # --- Security (等保 2.0, 个人信息保护法) ---
    # Keys (``manage.py security_keygen``), newest first: applicants' and writers' personal
    # data and private files; backups (empty: the personal-data keys); the audit log's
    # chain. Empty lists derive keys from SECRET_KEY, for development only (check W040).
    "PERSONAL_DATA_KEYS": [],
    "BACKUP_KEYS": [],
    "AUDIT_LOG_KEYS": [],
    # "standard" (AES-256-GCM, HMAC-SHA256) or "national" (SM4-GCM, HMAC-SM3).
    "CRYPTOGRAPHY": "standard",
    # Audit log entries younger than this many days are never purged (等保: at least 183).
    "AUDIT_RETENTION_DAYS": 183,
    # Who must sign in with a second factor (TOTP): "all" staff, "none", or a list of role
    # names (信息员, 分管领导, 保密审查员, 党政办, 监督, 区政务公开办, "superuser").
    "TWO_FACTOR_REQUIRED": "none",
    # Passwords: days until a password must be changed (None: never), how many earlier
    # passwords may not be used again, and the fewest character classes (of lower case,
    # upper case, digits and others) a new password must mix.
    "PASSWORD_MAX_AGE_DAYS": None,
    "PASSWORD_HISTORY": 5,
    "PASSWORD_CHARACTER_CLASSES": 3,
    # A staff session ends after this many seconds without a request (None: only at
    # SESSION_COOKIE_AGE).
    "SESSION_IDLE_SECONDS": None,
    # Failed admin sign-ins allowed per client address and per user name before the
    # sign-in is locked for the rest of the window (django-ratelimit's rate syntax).
    "LOGIN_FAILURE_RATE": "5/15m",
}


class DisclosureSettings:
    """``disclosure_settings.NAME``: the host's value from ``GOV_DISCLOSURE`` or the default."""

    def __getattr__(self, name: str) -> Any:
        if name not in DEFAULTS:
            raise AttributeError(f"GOV_DISCLOSURE has no setting {name!r}")
        return getattr(settings, "GOV_DISCLOSURE", {}).get(name, DEFAULTS[name])


disclosure_settings = DisclosureSettings()
