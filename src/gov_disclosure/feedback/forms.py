"""The public forms: satisfaction (满意度) and proposals (群众点题)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gov_disclosure.core.public_forms import (
    BotCheckedForm,
    phone_validator,
    required_messages_in_chinese,
)

from .models import QuestionKind, Satisfaction, Scale

COMMENT_MAX = 500


class RatingForm(BotCheckedForm):
    """满意度 with an optional comment. It sits on cached public pages, so it carries no
    per-visitor token (no CSRF token, no signed start time): the robot trap and the
    per-address limits hold off abuse, and nothing personal is asked or stored."""

    started = None

    satisfaction = forms.ChoiceField(
        label=_("您对本页内容是否满意？"),
        choices=Satisfaction.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("请选择“满意”“基本满意”或“不满意”。"),
            "invalid_choice": _("请选择“满意”“基本满意”或“不满意”。"),
        },
    )
    comment = forms.CharField(
        label=_("意见建议（选填）"),
        required=False,
        max_length=COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": COMMENT_MAX}),
        help_text=_("请勿填写姓名、电话等个人信息。留言经审核后公开。"),
        error_messages={"max_length": _("意见建议不能超过500个字。")},
    )


class ProposalForm(BotCheckedForm):
    """群众点题: a rejected form comes back with everything typed."""

    topic = forms.CharField(
        label=_("希望公开的内容"),
        min_length=4,
        max_length=100,
        help_text=_("例如：老旧小区改造的资金使用情况。"),
        error_messages={
            "min_length": _("希望公开的内容至少4个字。"),
            "max_length": _("希望公开的内容不能超过100个字。"),
        },
    )
    reason = forms.CharField(
        label=_("理由（选填）"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"max_length": _("理由不能超过2000个字。")},
    )
    name = forms.CharField(label=_("姓名（选填）"), max_length=60, required=False)
    phone = forms.CharField(
        label=_("联系电话（选填）"), max_length=30, required=False, validators=[phone_validator]
    )
    email = forms.EmailField(
        label=_("电子邮箱（选填）"),
        required=False,
        help_text=_("填写后，答复会发到此邮箱。"),
        error_messages={"invalid": _("请填写有效的电子邮箱地址。")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        required_messages_in_chinese(self)

    def clean_topic(self):
        return " ".join(self.cleaned_data["topic"].split())

    def contact(self) -> dict:
        return {key: self.cleaned_data[key].strip() for key in ("name", "phone", "email")}


class ProposalLookupForm(forms.Form):
    code = forms.CharField(
        label=_("查询码"),
        max_length=30,
        error_messages={"required": _("请填写查询码。")},
        help_text=_("提交点题后页面给出的查询码，例如 K7Q2-M9XD-4TPA。"),
    )


class ReviewCodeForm(forms.Form):
    code = forms.CharField(
        label=_("评议码"),
        max_length=30,
        error_messages={"required": _("请填写评议码。")},
        help_text=_("邀请函或邀请邮件中的评议码，例如 K7Q2-M9XD-4TPA。"),
    )


class ReviewForm(forms.Form):
    """The campaign's questions: a five-point scale (required) or a text (optional)."""

    def __init__(self, *args, questions, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            if question.kind == QuestionKind.SCALE:
                self.fields[f"q{question.pk}"] = forms.TypedChoiceField(
                    label=question.text,
                    choices=Scale.choices,
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("请作出评价。")},
                )
            else:
                self.fields[f"q{question.pk}"] = forms.CharField(
                    label=question.text,
                    required=False,
                    max_length=2000,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    error_messages={"max_length": _("意见不能超过2000个字。")},
                )

    def answers(self) -> dict[int, dict]:
        return {
            question.pk: (
                {"scale": self.cleaned_data[f"q{question.pk}"]}
                if question.kind == QuestionKind.SCALE
                else {"text": self.cleaned_data[f"q{question.pk}"]}
            )
            for question in self.questions
        }
