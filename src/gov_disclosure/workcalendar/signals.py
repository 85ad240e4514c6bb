from django.dispatch import Signal

# Sent after the commit that changed the office's calendar, with ``years``: the
# set of years touched. Deadlines counted over those years must be counted again.
working_calendar_changed = Signal()
