"""A site without Celery: background work runs in the web process after the commit, and
the periodic jobs run from cron through ``manage.py disclosure_run_periodic``."""

import pytest
from celery import current_app
from django.core.management import CommandError, call_command

from gov_disclosure.core.task_queue import celery_in_use
from tests.search.conftest import titles, use_engine
from tests.workflow import publish_through_workflow

pytestmark = pytest.mark.django_db


@pytest.fixture
def no_workers(disclosure_settings, monkeypatch):
    """Celery would only queue (no eager mode, no worker): whatever runs, runs inline."""
    monkeypatch.setitem(current_app.conf, "task_always_eager", False)
    disclosure_settings.TASKS = "inline"


def test_auto_uses_celery_only_when_the_site_configured_a_broker(disclosure_settings, monkeypatch):
    disclosure_settings.TASKS = "auto"
    assert celery_in_use()  # the reference site's app has a broker
    # Celery reads the broker from its settings, or from CELERY_BROKER_URL in the environment.
    monkeypatch.setitem(current_app.conf, "broker_url", None)
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    assert not celery_in_use()


def test_a_published_item_is_searchable_at_once_without_celery(
    no_workers, settings, make_item, django_capture_on_commit_callbacks
):
    engine = use_engine(settings, "database", "disclosure-test-inline-")
    item = make_item(title="关于做好政府信息公开工作的通知")
    with django_capture_on_commit_callbacks(execute=True):
        publish_through_workflow(item)

    assert titles(engine, "政府信息公开") == ["关于做好政府信息公开工作的通知"]


def test_cron_runs_a_periodic_job_by_name(capsys):
    call_command("disclosure_run_periodic", "search-reconcile")
    assert "search-reconcile：完成" in capsys.readouterr().out


def test_cron_lines_follow_the_beat_schedule(capsys):
    call_command("disclosure_run_periodic", "--crontab")
    lines = capsys.readouterr().out.splitlines()

    assert (
        "* * * * * cd /path/to/site && python manage.py disclosure_run_periodic "
        "publication-schedule" in lines
    )
    assert any(line.startswith("15 2 * * * ") and "feed-reconcile" in line for line in lines)


def test_an_unknown_job_is_named():
    with pytest.raises(CommandError, match="未知的任务：publish-everything"):
        call_command("disclosure_run_periodic", "publish-everything")


def test_a_site_that_made_no_celery_app_runs_the_work_here(disclosure_settings, monkeypatch):
    from celery import _state

    disclosure_settings.TASKS = "auto"
    # Even with a broker in the environment, Celery's fallback app has no worker behind it.
    monkeypatch.setenv("CELERY_BROKER_URL", "redis://127.0.0.1:6379/0")
    monkeypatch.setattr(_state._tls, "current_app", None)
    monkeypatch.setattr(_state, "default_app", None)  # Celery then makes its fallback app

    assert not celery_in_use()
