"""Forms of the office's side: one per admin action on a letter.

Each ``perform()`` calls one service; the service checks state and role again.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from gov_disclosure.pages.models import Department

from . import services
from .models import ComplaintFinding, Letter, LetterKind, Rectification


class LetterActionForm(forms.Form):
    # Buttons: (name, label); the first is the main one.
    buttons = [("perform", _("确定"))]

    def __init__(self, *args, letter: Letter, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.letter = letter
        self.user = user

    def pressed(self, name: str) -> bool:
        return name in self.data

    def perform(self) -> None:
        raise NotImplementedError


def _text(label, *, required=True, rows=3, help_text=""):
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        required=required,
        help_text=help_text,
    )


class AssignForm(LetterActionForm):
    department = forms.ModelChoiceField(label=_("承办部门"), queryset=Department.objects.none())
    note = _text(_("分办意见"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(agency=self.letter.agency)

    def perform(self):
        services.letter_assign(
            letter=self.letter,
            department=self.cleaned_data["department"],
            user=self.user,
            note=self.cleaned_data["note"],
        )


class ReplyForm(LetterActionForm):
    """The department's reply and the letter's public form, saved or sent for approval."""

    buttons = [("submit", _("提交领导审签")), ("draft", _("保存草稿"))]

    reply = _text(_("答复内容"), required=False, rows=10)
    publish_requested = forms.BooleanField(
        label=_("答复后在“来信选登”公开"),
        required=False,
        help_text=_(
            "只有写信人同意公开的信件才能公开。公开的标题、来信内容和答复都不得含有个人信息。"
        ),
    )
    public_subject = forms.CharField(label=_("公开标题"), max_length=100, required=False)
    public_content = _text(
        _("公开的来信内容"),
        required=False,
        rows=8,
        help_text=_("已自动隐去写信人的姓名、电话、邮箱、地址和来信中的证件号码等，请核对。"),
    )
    complaint_finding = forms.ChoiceField(
        label=_("核查结论"),
        choices=[("", "---------"), *ComplaintFinding.choices],
        required=False,
        help_text=_("投诉信件提交审签时必填。"),
    )
    rectification = forms.ChoiceField(
        label=_("整改情况"),
        choices=[("", "---------"), *Rectification.choices],
        required=False,
        help_text=_("投诉属实或部分属实的必填。"),
    )
    note = _text(_("办理说明"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.letter.kind != LetterKind.COMPLAINT:
            del self.fields["complaint_finding"]
            del self.fields["rectification"]
        if not self.letter.allow_public:
            self.fields["publish_requested"].disabled = True
            self.fields["publish_requested"].help_text = _("写信人不同意公开，此信件不能公开。")

    def perform(self):
        data = self.cleaned_data
        services.letter_reply_save(
            letter=self.letter,
            user=self.user,
            reply=data["reply"],
            public_subject=data["public_subject"],
            public_content=data["public_content"],
            publish_requested=data["publish_requested"],
            submit=not self.pressed("draft"),
            note=data["note"],
            complaint_finding=data.get("complaint_finding", ""),
            rectification=data.get("rectification", ""),
        )


class ReviewForm(LetterActionForm):
    """审签: approve (the reply is sent, and published if so decided) or return it."""

    buttons = [("approve", _("审签通过，答复写信人")), ("return", _("退回修改"))]

    note = _text(_("审签意见"), required=False, help_text=_("退回修改时必须填写。"))

    def perform(self):
        note = self.cleaned_data["note"]
        if self.pressed("return"):
            services.letter_return(letter=self.letter, user=self.user, note=note)
        else:
            services.letter_approve(letter=self.letter, user=self.user, note=note)


class CloseForm(LetterActionForm):
    reason = forms.CharField(label=_("不予处理的理由"), max_length=200)

    def perform(self):
        services.letter_close(
            letter=self.letter, user=self.user, reason=self.cleaned_data["reason"]
        )


class UnpublishForm(LetterActionForm):
    reason = _text(_("撤回公开的理由"))

    def perform(self):
        services.letter_unpublish(
            letter=self.letter, user=self.user, reason=self.cleaned_data["reason"]
        )


# The admin's action pages: URL name → (form, the transition that must be available).
ACTION_PAGES = {
    "assign": (AssignForm, "assign", _("分办")),
    "reply": (ReplyForm, "draft", _("拟写答复")),
    "review": (ReviewForm, "approve", _("审签答复")),
    "close": (CloseForm, "close", _("不予处理")),
    "unpublish": (UnpublishForm, "unpublish", _("撤回公开")),
}
