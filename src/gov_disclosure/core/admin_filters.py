"""What the admin's listing filters share."""

from django.utils import timezone


def recent_year_choices() -> list[tuple[int, str]]:
    """This year and the nine before it, newest first (a year filter's choices)."""
    this_year = timezone.localdate().year
    return [(year, str(year)) for year in range(this_year, this_year - 10, -1)]
