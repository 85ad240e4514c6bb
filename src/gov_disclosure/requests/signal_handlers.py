from gov_disclosure.workcalendar.signals import working_calendar_changed

from .services import requests_recount_deadlines


def _recount_deadlines(sender, years, **kwargs):
    requests_recount_deadlines(years=years)


def connect():
    working_calendar_changed.connect(_recount_deadlines, dispatch_uid="requests-recount-deadlines")
