from django.db import models
from django.utils.translation import gettext_lazy as _


def sequence_next(model: type[models.Model], *, agency_id: int, year: int) -> int:
    """Take the next serial of an agency's year from a per-(agency, year) counter table.

    The row is created if missing, then locked (SELECT … FOR UPDATE) until the
    transaction ends, so concurrent takers never share a serial.
    """
    model.objects.bulk_create([model(agency_id=agency_id, year=year)], ignore_conflicts=True)
    sequence = model.objects.select_for_update().get(agency_id=agency_id, year=year)
    sequence.last_serial += 1
    sequence.save(update_fields=["last_serial"])
    return sequence.last_serial


class AgencyYearSequence(models.Model):
    """The last serial of a numbering (信件编号, 受理编号, …) for one agency in one year,
    taken with ``sequence_next``; each subclass adds its per-(agency, year) constraint."""

    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.agency_id}/{self.year}: {self.last_serial}"


class IndexNumberSequence(models.Model):
    """The last 索引号 serial handed out for one agency in one year.

    One row per (agency, year), locked with SELECT … FOR UPDATE while a number is
    taken, so concurrent publications can never share a serial.
    """

    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage", on_delete=models.CASCADE, related_name="+"
    )
    year = models.PositiveSmallIntegerField(_("年份"))
    last_serial = models.PositiveIntegerField(_("已用流水号"), default=0)

    class Meta:
        verbose_name = _("索引号流水号")
        verbose_name_plural = _("索引号流水号")
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"], name="index_sequence_per_agency_year"
            )
        ]

    def __str__(self):
        return f"{self.agency_id}/{self.year}: {self.last_serial}"
