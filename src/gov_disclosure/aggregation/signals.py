"""What the district's mirror tells the apps built on it (the search index follows)."""

from django.dispatch import Signal

# Sent with ``mirror_ids`` when mirrored items were added, changed or removed.
mirrors_changed = Signal()
