"""The disclosure apps' periodic work, as a Celery beat schedule.

A site running Celery beat adds it to its own schedule::

    from gov_disclosure.schedule import BEAT_SCHEDULE

    app.conf.beat_schedule.update(BEAT_SCHEDULE)   # or CELERY_BEAT_SCHEDULE in settings

A site without Celery runs the same jobs from cron with ``manage.py disclosure_run_periodic``.
"""

from celery.schedules import crontab

BEAT_SCHEDULE = {
    "publication-schedule": {
        "task": "gov_disclosure.review.tasks.run_publication_schedule",
        "schedule": 60.0,
    },
    "feed-reconcile": {
        "task": "gov_disclosure.api.tasks.reconcile_feed",
        "schedule": crontab(hour=2, minute=15),
    },
    "aggregation-sync": {
        "task": "gov_disclosure.aggregation.tasks.sync_due_sources",
        "schedule": 300.0,
    },
    "assessment-figures-sync": {
        "task": "gov_disclosure.assessment.tasks.sync_remote_figures",
        "schedule": crontab(hour=4, minute=10),
    },
    "request-reminders": {
        "task": "gov_disclosure.requests.tasks.send_request_reminders",
        "schedule": crontab(hour=8, minute=30),
    },
    "request-retention": {
        "task": "gov_disclosure.requests.tasks.purge_expired_personal_data",
        "schedule": crontab(hour=3, minute=10),
    },
    "letter-retention": {
        "task": "gov_disclosure.letters.tasks.purge_expired_writer_data",
        "schedule": crontab(hour=3, minute=20),
    },
    "annual-report-reminders": {
        "task": "gov_disclosure.annual_reports.tasks.send_report_reminders",
        "schedule": crontab(hour=9, minute=0),
    },
    "search-reconcile": {
        "task": "gov_disclosure.search.tasks.reconcile_index",
        "schedule": crontab(hour=2, minute=30),
    },
    "audit-chain-verify": {
        "task": "gov_disclosure.security.tasks.verify_audit_chain",
        "schedule": crontab(hour=1, minute=50),
    },
    "search-log-retention": {
        "task": "gov_disclosure.search.tasks.purge_old_query_log",
        "schedule": crontab(hour=3, minute=30),
    },
}
