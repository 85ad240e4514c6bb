from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarDay(models.Model):
    """A day whose status the office sets by hand, overriding the built-in schedule.

    The ``holidays`` package carries the State Council's schedule only for the years
    it knew when it was released; each winter the office enters the next year's
    holidays and make-up working days (调休上班) here, or corrects a day.
    """

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", _("放假（非工作日）")
        WORKDAY = "workday", _("上班（工作日）")

    date = models.DateField(_("日期"), unique=True)
    kind = models.CharField(_("安排"), max_length=10, choices=Kind.choices)
    name = models.CharField(
        _("说明"), max_length=60, blank=True, help_text=_("例如：春节、国庆节调休上班")
    )
    source = models.CharField(
        _("依据"),
        max_length=120,
        blank=True,
        help_text=_("例如：国务院办公厅关于2027年部分节假日安排的通知"),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("录入人"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("录入时间"), auto_now=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("工作日历调整")
        verbose_name_plural = _("工作日历调整")

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()}"

    @property
    def is_working_day(self) -> bool:
        return self.kind == self.Kind.WORKDAY
