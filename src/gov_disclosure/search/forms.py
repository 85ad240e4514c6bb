"""Validation of search parameters (the API and the public page) and of the search settings."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from gov_disclosure.core.query_params import StrictDateField, StrictIntegerField, reject_invisible
from gov_disclosure.pages.models.choices import Validity

from .queries import MAX_RESULT_WINDOW, SearchRequest, Sort

MAX_QUERY_CHARS = 100
BEYOND_WINDOW = "beyond_window"
MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 10


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


def _text(label, *, max_length: int, **kwargs) -> forms.CharField:
    # Lengths count what was sent (the API document's maxLength), spaces included.
    return forms.CharField(
        label=label,
        required=False,
        max_length=max_length,
        strip=False,
        validators=[reject_invisible],
        **kwargs,
    )


class SearchQueryForm(ParametersForm):
    """The query string of a search. The text is a phrase, never query syntax. Empty
    parameters are absent ones (what an HTML form sends), as the API document says."""

    # The search page says when 发布日期止 comes before 发布日期起; to the API such a range
    # is simply empty (its document cannot state a rule between two parameters).
    dates_in_order = True

    q = _text(
        _("检索词"),
        max_length=MAX_QUERY_CHARS,
        error_messages={"max_length": _("检索词不能超过 %(limit_value)d 个字。")},
    )
    category = _text(_("目录分类"), max_length=200)
    department = _text(_("发布机构"), max_length=200)
    # A page id: the engines store it as a 32-bit integer (one beyond is a 400, not an error).
    agency = StrictIntegerField(
        label=_("公开主体"), required=False, min_value=1, max_value=2**31 - 1
    )
    year = StrictIntegerField(label=_("年份"), required=False, min_value=1949, max_value=2100)
    validity = forms.ChoiceField(
        label=_("有效性"), required=False, choices=[("", "")] + Validity.choices
    )
    date_from = StrictDateField(label=_("发布日期起"), required=False, input_formats=["%Y-%m-%d"])
    date_to = StrictDateField(label=_("发布日期止"), required=False, input_formats=["%Y-%m-%d"])
    sort = forms.ChoiceField(label=_("排序"), required=False, choices=Sort.choices)
    page = StrictIntegerField(label=_("页码"), required=False, min_value=1)
    page_size = StrictIntegerField(
        label=_("每页条数"), required=False, min_value=1, max_value=MAX_PAGE_SIZE
    )

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())

    def clean_category(self) -> str:
        return self.cleaned_data["category"].strip()

    def clean_department(self) -> str:
        return self.cleaned_data["department"].strip()

    def clean(self):
        data = super().clean()
        date_from, date_to = data.get("date_from"), data.get("date_to")
        if self.dates_in_order and date_from and date_to and date_from > date_to:
            self.add_error("date_to", _("发布日期止不能早于发布日期起。"))
        page = data.get("page") or 1
        page_size = data.get("page_size") or DEFAULT_PAGE_SIZE
        if page * page_size > MAX_RESULT_WINDOW:
            self.add_error(
                "page",
                forms.ValidationError(
                    _("最多可翻阅前 %(limit)d 条结果，请增加检索条件。")
                    % {"limit": MAX_RESULT_WINDOW},
                    code=BEYOND_WINDOW,
                ),
            )
        return data

    def only_beyond_the_window(self) -> bool:
        """The one error is a page past the results one may page through: a page that is
        not there (404, as for a page past the last), not a malformed request."""
        return list(self.errors) == ["page"] and self.has_error("page", BEYOND_WINDOW)

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


class SearchAPIQueryForm(SearchQueryForm):
    dates_in_order = False


class SuggestForm(ParametersForm):
    """What has been typed so far; nothing typed yet offers nothing."""

    q = _text(
        _("检索词"),
        max_length=MAX_QUERY_CHARS,
        error_messages={"max_length": _("检索词不能超过 %(limit_value)d 个字。")},
    )

    def clean_q(self) -> str:
        return self.cleaned_data["q"].strip()


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
