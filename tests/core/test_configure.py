"""``configure(globals())`` adds what the plugin needs and keeps what the site set."""

import copy

from gov_disclosure.settings import (
    CONTEXT_PROCESSOR,
    DISCLOSURE_APPS,
    FINISH_WORKFLOW_ACTION,
    PAGE_CACHE_MIDDLEWARE,
    ROLE_BACKEND,
    SITE_HISTORY_MIDDLEWARE,
    configure,
)

SESSION = "django.contrib.sessions.middleware.SessionMiddleware"


def wagtail_start_settings() -> dict:
    return {
        "BASE_DIR": "/srv/site",
        "INSTALLED_APPS": ["home", "search", "wagtail.admin", "wagtail", "django.contrib.auth"],
        "MIDDLEWARE": ["django.middleware.security.SecurityMiddleware", SESSION],
        "TEMPLATES": [
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
            }
        ],
        "STORAGES": {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}},
        "DATA_UPLOAD_MAX_NUMBER_FIELDS": 10_000,
    }


def test_a_wagtail_start_site_gets_the_apps_and_what_they_need():
    site = wagtail_start_settings()
    configure(site)

    assert site["INSTALLED_APPS"][: len(DISCLOSURE_APPS)] == DISCLOSURE_APPS
    assert {"home", "search", "rest_framework", "drf_spectacular"} <= set(site["INSTALLED_APPS"])
    assert site["MIDDLEWARE"].index(PAGE_CACHE_MIDDLEWARE) < site["MIDDLEWARE"].index(SESSION)
    assert CONTEXT_PROCESSOR in site["TEMPLATES"][0]["OPTIONS"]["context_processors"]
    assert site["STORAGES"]["private"]["OPTIONS"]["location"] == "/srv/site/private-media"
    assert site["WAGTAIL_FINISH_WORKFLOW_ACTION"] == FINISH_WORKFLOW_ACTION
    assert site["WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT"] is True
    # Roles are held per agency: the role-aware backend in Django's place, and Wagtail's
    # site history scoped.
    assert site["AUTHENTICATION_BACKENDS"] == [ROLE_BACKEND]
    assert SITE_HISTORY_MIDDLEWARE in site["MIDDLEWARE"]


def test_a_sites_other_authentication_backends_stay():
    site = wagtail_start_settings()
    site["AUTHENTICATION_BACKENDS"] = [
        "django.contrib.auth.backends.ModelBackend",
        "home.auth.LDAPBackend",
    ]
    configure(site)

    assert site["AUTHENTICATION_BACKENDS"] == [ROLE_BACKEND, "home.auth.LDAPBackend"]


def test_what_the_site_set_is_kept_and_a_second_call_changes_nothing():
    site = wagtail_start_settings()
    site["STORAGES"]["private"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    site["WAGTAILDOCS_DOCUMENT_FORM_BASE"] = "home.forms.DocumentForm"
    site["DATA_UPLOAD_MAX_NUMBER_FIELDS"] = None  # no limit
    configure(site)
    once = copy.deepcopy(site)
    configure(site)

    assert site == once
    assert site["STORAGES"]["private"] == {"BACKEND": "storages.backends.s3.S3Storage"}
    assert site["WAGTAILDOCS_DOCUMENT_FORM_BASE"] == "home.forms.DocumentForm"
    assert site["DATA_UPLOAD_MAX_NUMBER_FIELDS"] is None
