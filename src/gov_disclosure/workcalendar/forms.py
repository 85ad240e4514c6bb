import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CalendarDay
from .services import ScheduledDay

_KIND_WORDS = {
    "放假": CalendarDay.Kind.HOLIDAY,
    "休": CalendarDay.Kind.HOLIDAY,
    "休息": CalendarDay.Kind.HOLIDAY,
    "上班": CalendarDay.Kind.WORKDAY,
    "班": CalendarDay.Kind.WORKDAY,
}
_LINE = re.compile(
    r"^(?P<start>\d{4}-\d{1,2}-\d{1,2})"
    r"(?:\s*(?:至|~|～|\.\.)\s*(?P<end>\d{4}-\d{1,2}-\d{1,2}))?"
    r"\s+(?P<kind>\S+)(?:\s+(?P<name>.+))?$"
)
MAX_RANGE_DAYS = 31


def _date(text: str, line_number: int) -> datetime.date:
    try:
        return datetime.date(*map(int, text.split("-")))
    except ValueError:
        raise forms.ValidationError(
            _("第 %(n)d 行：%(text)s 不是有效日期。") % {"n": line_number, "text": text}
        ) from None


def parse_schedule(text: str, year: int) -> list[ScheduledDay]:
    """Lines such as ``2027-02-05 至 2027-02-11 放假 春节`` or ``2027-02-14 上班 春节调休``."""
    days: dict[datetime.date, ScheduledDay] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = _LINE.match(line)
        if not match:
            raise forms.ValidationError(
                _("第 %(n)d 行看不懂：%(line)s。格式：日期［至 日期］ 放假|上班 ［说明］")
                % {"n": number, "line": line}
            )
        kind = _KIND_WORDS.get(match["kind"])
        if kind is None:
            raise forms.ValidationError(
                _("第 %(n)d 行：安排只能写“放假”或“上班”，不是“%(kind)s”。")
                % {"n": number, "kind": match["kind"]}
            )
        start = _date(match["start"], number)
        end = _date(match["end"], number) if match["end"] else start
        if end < start or (end - start).days >= MAX_RANGE_DAYS:
            raise forms.ValidationError(
                _("第 %(n)d 行：日期范围应从前到后，且不超过 %(max)d 天。")
                % {"n": number, "max": MAX_RANGE_DAYS}
            )
        day = start
        while day <= end:
            if day.year != year:
                raise forms.ValidationError(
                    _("第 %(n)d 行：%(day)s 不在 %(year)d 年。")
                    % {"n": number, "day": day.isoformat(), "year": year}
                )
            if day in days:
                raise forms.ValidationError(
                    _("第 %(n)d 行：%(day)s 重复。") % {"n": number, "day": day.isoformat()}
                )
            days[day] = ScheduledDay(date=day, kind=kind, name=(match["name"] or "").strip())
            day += datetime.timedelta(days=1)
    return sorted(days.values(), key=lambda day: day.date)


class YearScheduleForm(forms.Form):
    source = forms.CharField(
        label=_("依据"),
        max_length=120,
        help_text=_("例如：国务院办公厅关于2027年部分节假日安排的通知"),
    )
    schedule = forms.CharField(
        label=_("放假和调休安排"),
        widget=forms.Textarea(attrs={"rows": 16}),
        required=False,
        help_text=_(
            "每行一项：日期或日期范围、放假或上班、说明。例如："
            "“2027-02-05 至 2027-02-11 放假 春节”“2027-02-14 上班 春节调休”。"
            "保存后，本年手工录入的安排以此为准；留空则恢复内置日历。"
        ),
    )

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.year = year

    def clean_schedule(self):
        return parse_schedule(self.cleaned_data["schedule"], self.year)


def schedule_as_text(days) -> str:
    """The office's entered days of a year, one per line, as the form reads them."""
    words = {CalendarDay.Kind.HOLIDAY: "放假", CalendarDay.Kind.WORKDAY: "上班"}
    return "\n".join(f"{day.date:%Y-%m-%d} {words[day.kind]} {day.name}".rstrip() for day in days)
