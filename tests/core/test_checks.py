"""`manage.py check` names what a host site is missing, and is quiet when nothing is."""

import pytest
from django.core.checks import run_checks
from django.test import override_settings

from gov_disclosure.settings import CONTEXT_PROCESSOR


def check_ids(**settings) -> set[str]:
    with override_settings(**settings):
        return {message.id for message in run_checks(include_deployment_checks=False)}


def disclosure(**options) -> dict:
    from django.conf import settings

    return {"GOV_DISCLOSURE": {**settings.GOV_DISCLOSURE, **options}}


def test_the_reference_site_passes_every_check():
    assert not {id for id in check_ids() if id.startswith("gov_disclosure")}


def test_without_the_finish_action_no_item_could_go_live():
    ids = check_ids(WAGTAIL_FINISH_WORKFLOW_ACTION="wagtail.workflows.publish_workflow_state")
    assert "gov_disclosure.E002" in ids


def test_reapproval_after_an_edit_is_required():
    assert "gov_disclosure.E003" in check_ids(WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT=False)


def test_a_missing_private_store_is_named():
    from django.conf import settings

    storages = {k: v for k, v in settings.STORAGES.items() if k != "private"}
    assert "gov_disclosure.E004" in check_ids(STORAGES=storages)


def test_a_missing_required_app_is_named(monkeypatch):
    from django.conf import settings

    from gov_disclosure.core import checks

    # Set without the setting_changed signal: the app registry is not rebuilt for this.
    apps = [app for app in settings.INSTALLED_APPS if app != "drf_spectacular"]
    monkeypatch.setattr(settings, "INSTALLED_APPS", apps)
    [message] = checks.required_apps(None)
    assert message.id == "gov_disclosure.E001" and "drf_spectacular" in message.msg


@pytest.mark.parametrize(
    "options",
    [
        {"SEARCH_URL": "solr://127.0.0.1:8983"},
        {"AGGREGATION_ATTACHMENTS": "copy"},
        {"LETTER_SUBMIT_RATE": "ten per hour"},
        {"PAGE_CACHE_SECONDS": -1},
        {"LETTER_REPLY_WORKING_DAYS": 0},
        {"REQUEST_RETENTION_DAYS": "90"},
        {"ANNUAL_REPORT_PDF_FONTS": "serif; } body { color: red"},
        {"BASE_TEMPLATE": "no/such/base.html"},
    ],
)
def test_a_wrong_value_is_named_with_its_key(options):
    from gov_disclosure.core import checks

    [key] = options
    with override_settings(**disclosure(**options)):
        messages = checks.disclosure_options(None)
    assert [m.id for m in messages] == ["gov_disclosure.E006"]
    assert key in messages[0].msg


def test_an_unknown_key_is_a_typo_worth_naming():
    from gov_disclosure.core import checks

    with override_settings(**disclosure(SEARCH_ULR="opensearch://127.0.0.1:9200")):
        [message] = checks.disclosure_options(None)
    assert message.id == "gov_disclosure.E005" and "SEARCH_ULR" in message.msg


def test_a_chosen_base_template_needs_the_context_processor():
    from django.conf import settings

    templates = [
        {
            **engine,
            "OPTIONS": {
                **engine["OPTIONS"],
                "context_processors": [
                    p for p in engine["OPTIONS"]["context_processors"] if p != CONTEXT_PROCESSOR
                ],
            },
        }
        for engine in settings.TEMPLATES
    ]
    # Any template the site has will do as its chosen frame.
    chosen = disclosure(BASE_TEMPLATE="wagtailadmin/skeleton.html")
    assert "gov_disclosure.W002" in check_ids(TEMPLATES=templates, **chosen)


def test_the_page_cache_needs_its_middleware():
    from django.conf import settings

    middleware = [m for m in settings.MIDDLEWARE if "page_cache" not in m]
    assert "gov_disclosure.W001" in check_ids(
        MIDDLEWARE=middleware, **disclosure(PAGE_CACHE_SECONDS=300)
    )


def test_deadlines_need_beijing_time():
    assert "gov_disclosure.W004" in check_ids(TIME_ZONE="UTC")


@override_settings(ROOT_URLCONF="tests.core.urls_without_plugin")
def test_a_site_that_forgot_the_plugins_urls_is_told():
    from gov_disclosure.core import checks

    [message] = checks.public_routes(None)
    assert message.id == "gov_disclosure.W003"
