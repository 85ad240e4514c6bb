"""Validation of search parameters (the API and the public page) and of the search settings."""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from gov_disclosure.pages.models.choices import Validity

from .queries import MAX_RESULT_WINDOW, SearchRequest, Sort

MAX_QUERY_CHARS = 100
MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 10


def _reject_control_characters(value: str) -> None:
    if any(
        unicodedata.category(char) in ("Cc", "Cf", "Cs") for char in value if char not in "\t\n"
    ):
        raise ValidationError(_("不能包含控制字符或不可见字符。"), code="control_characters")


class ParametersForm(forms.Form):
    """Query-string parameters of an API: errors are answered as one sentence."""

    def error_message(self) -> str:
        """All errors as one sentence per field, for a 400 answer."""
        return " ".join(
            f"{self.fields[field].label if field in self.fields else ''}：{' '.join(errors)}"
            for field, errors in self.errors.items()
        )

    def error_response_data(self) -> dict:
        return {"error": self.error_message(), "fields": self.errors.get_json_data()}


class SearchQueryForm(ParametersForm):
    """The query string of a search. The text is a phrase, never query syntax."""

    q = forms.CharField(
        label=_("检索词"),
        required=False,
        max_length=MAX_QUERY_CHARS,
        validators=[_reject_control_characters],
        error_messages={"max_length": _("检索词不能超过 %(limit_value)d 个字。")},
    )
    category = forms.CharField(
        label=_("目录分类"), required=False, max_length=200, validators=[_reject_control_characters]
    )
    department = forms.CharField(
        label=_("发布机构"), required=False, max_length=200, validators=[_reject_control_characters]
    )
    # A page id: the engines store it as a 32-bit integer (one beyond is a 400, not an error).
    agency = forms.IntegerField(
        label=_("公开主体"), required=False, min_value=1, max_value=2**31 - 1
    )
    year = forms.IntegerField(label=_("年份"), required=False, min_value=1949, max_value=2100)
    validity = forms.ChoiceField(
        label=_("有效性"), required=False, choices=[("", "")] + Validity.choices
    )
    date_from = forms.DateField(label=_("发布日期起"), required=False, input_formats=["%Y-%m-%d"])
    date_to = forms.DateField(label=_("发布日期止"), required=False, input_formats=["%Y-%m-%d"])
    sort = forms.ChoiceField(label=_("排序"), required=False, choices=Sort.choices)
    page = forms.IntegerField(label=_("页码"), required=False, min_value=1)
    page_size = forms.IntegerField(
        label=_("每页条数"), required=False, min_value=1, max_value=MAX_PAGE_SIZE
    )

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())

    def clean(self):
        data = super().clean()
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("发布日期止不能早于发布日期起。"))
        page = data.get("page") or 1
        page_size = data.get("page_size") or DEFAULT_PAGE_SIZE
        if page * page_size > MAX_RESULT_WINDOW:
            self.add_error(
                "page",
                _("最多可翻阅前 %(limit)d 条结果，请增加检索条件。") % {"limit": MAX_RESULT_WINDOW},
            )
        return data

    def search_request(self) -> SearchRequest:
        data = self.cleaned_data
        text = data["q"]
        return SearchRequest(
            text=text,
            category=data["category"],
            department=data["department"],
            agency_id=data["agency"],
            year=data["year"],
            validity=data["validity"],
            date_from=data["date_from"],
            date_to=data["date_to"],
            sort=Sort(data["sort"]) if data["sort"] else (Sort.RELEVANCE if text else Sort.DATE),
            page=data["page"] or 1,
            page_size=data["page_size"] or DEFAULT_PAGE_SIZE,
        )


class SuggestForm(ParametersForm):
    q = forms.CharField(
        label=_("检索词"),
        max_length=MAX_QUERY_CHARS,
        validators=[_reject_control_characters],
        error_messages={
            "max_length": _("检索词不能超过 %(limit_value)d 个字。"),
            "required": _("请输入检索词。"),
        },
    )


def _hidden_validities_field(help_text) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=_("不在检索结果中显示的有效性"),
        choices=Validity.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=help_text,
    )


class SearchSettingsForm(WagtailAdminModelForm):
    hidden_validities = _hidden_validities_field(
        _("选中的有效性不出现在公众检索中（目录中仍可浏览）；保存后将重建检索索引。")
    )


class AgencySearchSettingsForm(WagtailAdminModelForm):
    hidden_validities = _hidden_validities_field(
        _(
            "本机关选中有效性的信息不出现在公众检索中（目录中仍可浏览）；平台隐藏的仍然隐藏。"
            "保存后将重建检索索引。"
        )
    )
