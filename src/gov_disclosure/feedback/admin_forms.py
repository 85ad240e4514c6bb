"""The office's form answering a proposal (群众点题)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminPageChooser

from gov_disclosure.pages.models import DisclosureItemPage

from .models import WITHHELD_GROUNDS, Proposal, ProposalAnswerKind


class ProposalAnswerForm(forms.Form):
    answer_kind = forms.ChoiceField(
        label=_("答复类型"),
        choices=ProposalAnswerKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("请选择答复类型。")},
    )
    withheld_ground = forms.ChoiceField(
        label=_("不予公开的依据"),
        choices=[("", "---------"), *WITHHELD_GROUNDS],
        required=False,
        help_text=_("答复类型为“不予公开”时必选。"),
    )
    item = forms.ModelChoiceField(
        label=_("相关公开信息"),
        queryset=DisclosureItemPage.objects.all(),
        required=False,
        widget=AdminPageChooser(target_models=[DisclosureItemPage]),
        help_text=_(
            "“已经公开”的选择已发布的信息；“将予公开”的可先选择草稿，发布后公众即可看到链接。"
        ),
    )
    answer = forms.CharField(
        label=_("答复内容"),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("请填写答复内容。")},
    )
    public_topic = forms.CharField(
        label=_("公开的点题内容"),
        max_length=100,
        help_text=_("答复后与答复一并公开；请删去其中的个人信息。"),
        error_messages={"required": _("请填写公开的点题内容。")},
    )

    def __init__(self, *args, proposal: Proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.proposal = proposal
