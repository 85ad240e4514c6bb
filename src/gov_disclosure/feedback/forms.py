"""The public satisfaction form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gov_disclosure.core.public_forms import BotCheckedForm

from .models import Satisfaction

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
