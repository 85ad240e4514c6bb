"""Forms of the office's side: registering a request from paper, and each action."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gov_disclosure.core.people import person_name
from gov_disclosure.core.widgets import DateInput, DateTimeInput
from gov_disclosure.pages.models import DisclosureIndexPage
from gov_disclosure.workcalendar.workdays import add_working_days

from . import deadlines, services
from .forms import ApplicationForm, MultipleFileField
from .models import (
    ANSWER_GROUPS,
    LAPSE_ANSWER_TYPES,
    TRANSFER_ANSWER_TYPES,
    AnswerType,
    Channel,
    DisclosureRequest,
    RequestDocument,
    State,
)
from .selectors import due_if_extended, pending_extension, users_with_request_permission

_OFFICE_ACCEPT = ".pdf,.doc,.docx,.ofd,.jpg,.jpeg,.png"


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return person_name(obj)


class StaffRequestForm(ApplicationForm):
    """A request received in person, by post, fax or e-mail, entered by 党政办."""

    channel = forms.ChoiceField(
        label=_("申请方式"), choices=[c for c in Channel.choices if c[0] != Channel.ONLINE]
    )
    agency = forms.ModelChoiceField(
        label=_("受理机关"), queryset=DisclosureIndexPage.objects.order_by("path")
    )
    received_at = forms.DateTimeField(
        label=_("收到时间"),
        help_text=_("当面提交为提交时间，信函为签收时间，传真或电子邮件为双方确认的时间。"),
        widget=DateTimeInput(),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("homepage", "started", "kept_files", "declaration"):
            del self.fields[name]
        self.fields["files"].label = _("申请材料扫描件")

    def clean_received_at(self):
        value = self.cleaned_data["received_at"]
        if value > timezone.now():
            raise forms.ValidationError(_("收到时间不能晚于现在。"))
        return value


_HELD_SALT = "requests.held_uploads"


class ActionForm(forms.Form):
    """An action on a request. Files chosen in a form that comes back with an error are held
    (``hold_uploads``) and used again unless others are chosen: nobody picks the 答复书
    twice."""

    note = forms.CharField(
        label=_("办理意见"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    held = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, request: DisclosureRequest, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.request_obj = request
        self.user = user
        self.file_fields = [n for n, f in self.fields.items() if isinstance(f, forms.FileField)]
        for name in self.file_fields:
            self.fields[name].widget.attrs["accept"] = _OFFICE_ACCEPT
        self.held_files = self._held_from_data()
        for name, documents in self.held_files.items():
            if documents:
                self.fields[name].required = False

    def _held_from_data(self) -> dict[str, list[RequestDocument]]:
        token = self.data.get(self.add_prefix("held")) if self.is_bound else ""
        try:
            ids = signing.loads(token, salt=_HELD_SALT, max_age=86400) if token else {}
        except signing.BadSignature:
            ids = {}
        mine = RequestDocument.objects.filter(request__isnull=True, uploaded_by=self.user)
        held = {name: list(mine.filter(pk__in=ids.get(name) or [])) for name in self.file_fields}
        return {name: documents for name, documents in held.items() if documents}

    def clean(self):
        data = super().clean()
        for name, documents in self.held_files.items():
            if data.get(name):
                continue  # newly chosen files replace the held ones
            files = [services.held_upload(document) for document in documents]
            data[name] = files if isinstance(self.fields[name], MultipleFileField) else files[0]
        return data

    def hold_uploads(self) -> None:
        """Keep this submission's accepted files (and those held before) for the form shown
        again with its errors."""
        for name in self.file_fields:
            value = self.files.getlist(self.add_prefix(name)) if self.files else []
            chosen = [upload for upload in value if upload]
            if chosen and name not in self.errors:
                self.held_files[name] = services.office_uploads_hold(uploads=chosen, user=self.user)
        token = signing.dumps(
            {name: [d.pk for d in docs] for name, docs in self.held_files.items() if docs},
            salt=_HELD_SALT,
        )
        self.data = self.data.copy()
        self.data[self.add_prefix("held")] = token

    def used_held_files(self) -> list[RequestDocument]:
        """The held files this submission used (none where new ones were chosen)."""
        chosen = set(self.files) if self.files else set()
        return [
            document
            for name, documents in self.held_files.items()
            if self.add_prefix(name) not in chosen
            for document in documents
        ]

    def perform(self):
        raise NotImplementedError


def _date_field(label):
    return forms.DateField(
        label=label,
        initial=timezone.localdate,
        widget=DateInput(),
    )


class AssignForm(ActionForm):
    handler = UserChoiceField(label=_("承办人"), queryset=get_user_model().objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = users_with_request_permission(
            "handle_requests", "manage_requests", agency_id=self.request_obj.agency_id
        )

    def perform(self):
        services.request_assign(
            request=self.request_obj,
            handler=self.cleaned_data["handler"],
            user=self.user,
            note=self.cleaned_data["note"],
        )


class AcceptForm(ActionForm):
    def perform(self):
        services.request_accept(
            request=self.request_obj, user=self.user, note=self.cleaned_data["note"]
        )


class AskCorrectionForm(ActionForm):
    correction_due_on = forms.DateField(label=_("申请人补正期限"), widget=DateInput())
    documents = MultipleFileField(label=_("补正告知书"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].label = _("需要补正的事项")
        self.fields["note"].required = True
        self.fields["correction_due_on"].initial = add_working_days(
            timezone.localdate(), deadlines.DEFAULT_CORRECTION_WORKING_DAYS
        )

    def perform(self):
        services.request_ask_correction(
            request=self.request_obj,
            user=self.user,
            note=self.cleaned_data["note"],
            correction_due_on=self.cleaned_data["correction_due_on"],
            documents=self.cleaned_data["documents"],
        )


class RecordCorrectionForm(ActionForm):
    corrected_on = _date_field(_("收到补正的日期"))
    description = forms.CharField(
        label=_("补正后的申请内容"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        help_text=_("留空则保持原描述。"),
    )

    def perform(self):
        services.request_record_correction(
            request=self.request_obj,
            user=self.user,
            corrected_on=self.cleaned_data["corrected_on"],
            description=self.cleaned_data["description"],
            note=self.cleaned_data["note"],
        )


class LapseCorrectionForm(ActionForm):
    def perform(self):
        services.request_lapse_correction(
            request=self.request_obj, user=self.user, note=self.cleaned_data["note"]
        )


class ExtensionApplyForm(ActionForm):
    days = forms.IntegerField(
        label=_("延长工作日数"),
        min_value=1,
        max_value=deadlines.MAX_EXTENSION_WORKING_DAYS,
        initial=deadlines.MAX_EXTENSION_WORKING_DAYS,
    )
    approver = UserChoiceField(
        label=_("批准人"),
        queryset=get_user_model().objects.none(),
        help_text=_("政府信息公开工作机构负责人。批准人同意后答复期限才延长，并告知申请人。"),
    )
    documents = MultipleFileField(label=_("延期答复告知书"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["note"].label = _("延期理由")
        self.fields["note"].required = True
        self.fields["approver"].queryset = users_with_request_permission(
            "approve_extension", agency_id=self.request_obj.agency_id
        )

    def perform(self):
        services.request_extension_apply(
            request=self.request_obj,
            user=self.user,
            days=self.cleaned_data["days"],
            approver=self.cleaned_data["approver"],
            note=self.cleaned_data["note"],
            documents=self.cleaned_data["documents"],
        )


class ExtensionDecisionForm(ActionForm):
    """The approver's answer to the pending extension application."""

    approve = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.application = pending_extension(request=self.request_obj)
        self.due_if_approved = (
            due_if_extended(request=self.request_obj, days=self.application.days)
            if self.application
            else None
        )
        self.fields["note"].label = _("审批意见") if self.approve else _("不同意的理由")
        self.fields["note"].required = not self.approve

    def perform(self):
        services.request_extension_decide(
            application=self.application,
            user=self.user,
            approve=self.approve,
            note=self.cleaned_data["note"],
        )


class ExtensionRefuseForm(ExtensionDecisionForm):
    approve = False


class StartConsultationForm(ActionForm):
    party = forms.CharField(label=_("征求意见对象"), max_length=200)
    started_on = _date_field(_("发出征求意见函的日期"))
    documents = MultipleFileField(label=_("征求意见函"), required=False)

    def perform(self):
        services.request_start_consultation(
            request=self.request_obj,
            user=self.user,
            party=self.cleaned_data["party"],
            started_on=self.cleaned_data["started_on"],
            note=self.cleaned_data["note"],
            documents=self.cleaned_data["documents"],
        )


class EndConsultationForm(ActionForm):
    ended_on = _date_field(_("收到意见（或答复期满）的日期"))

    def perform(self):
        services.request_end_consultation(
            request=self.request_obj,
            user=self.user,
            ended_on=self.cleaned_data["ended_on"],
            note=self.cleaned_data["note"],
        )


class FeeNoticeForm(ActionForm):
    amount = forms.DecimalField(label=_("收费金额（元）"), min_value=0.01, decimal_places=2)
    started_on = _date_field(_("发出收费通知的日期"))
    documents = MultipleFileField(label=_("收费通知书"), required=False)

    def perform(self):
        services.request_issue_fee_notice(
            request=self.request_obj,
            user=self.user,
            amount=self.cleaned_data["amount"],
            started_on=self.cleaned_data["started_on"],
            note=self.cleaned_data["note"],
            documents=self.cleaned_data["documents"],
        )


class PaymentForm(ActionForm):
    paid_on = _date_field(_("缴费日期"))
    amount = forms.DecimalField(label=_("实缴金额（元）"), min_value=0, decimal_places=2)

    def perform(self):
        services.request_record_payment(
            request=self.request_obj,
            user=self.user,
            paid_on=self.cleaned_data["paid_on"],
            amount=self.cleaned_data["amount"],
            note=self.cleaned_data["note"],
        )


class LapseFeeForm(ActionForm):
    def perform(self):
        services.request_lapse_fee(
            request=self.request_obj, user=self.user, note=self.cleaned_data["note"]
        )


def _grouped_answer_choices(allowed):
    choices = [("", _("请选择"))]
    for label, types in ANSWER_GROUPS:
        options = [(t.value, t.label) for t in types if t in allowed]
        if options:
            choices.append((label, options))
    return choices


class AnswerForm(ActionForm):
    answer_type = forms.ChoiceField(label=_("答复类型"))
    answered_on = _date_field(_("答复日期"))
    reply = forms.FileField(label=_("答复书"))
    attachments = MultipleFileField(label=_("提供的信息或其他材料"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = [t for t in AnswerType if t not in LAPSE_ANSWER_TYPES]
        self.fields["answer_type"].choices = _grouped_answer_choices(allowed)

    def perform(self):
        services.request_answer(
            request=self.request_obj,
            user=self.user,
            answer_type=self.cleaned_data["answer_type"],
            answered_on=self.cleaned_data["answered_on"],
            reply=self.cleaned_data["reply"],
            attachments=self.cleaned_data["attachments"],
            note=self.cleaned_data["note"],
        )


class ReferForm(ActionForm):
    answer_type = forms.ChoiceField(label=_("告知类型"))
    answered_on = _date_field(_("告知日期"))
    agency = forms.ModelChoiceField(
        label=_("本平台上的机关"), queryset=DisclosureIndexPage.objects.none(), required=False
    )
    agency_name = forms.CharField(
        label=_("其他机关（名称和联系方式）"), max_length=200, required=False
    )
    forward = forms.BooleanField(
        label=_("同时将申请转送该机关办理（仅限本平台上的机关）"), required=False
    )
    notice = forms.FileField(label=_("告知书"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer_type"].choices = _grouped_answer_choices(TRANSFER_ANSWER_TYPES)
        self.fields["agency"].queryset = DisclosureIndexPage.objects.exclude(
            pk=self.request_obj.agency_id
        ).order_by("path")

    def perform(self):
        return services.request_refer(
            request=self.request_obj,
            user=self.user,
            answer_type=self.cleaned_data["answer_type"],
            answered_on=self.cleaned_data["answered_on"],
            agency=self.cleaned_data["agency"],
            agency_name=self.cleaned_data["agency_name"],
            forward=self.cleaned_data["forward"],
            notice=self.cleaned_data["notice"],
            note=self.cleaned_data["note"],
        )


class RequestChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.reference}（{obj.received_on:%Y-%m-%d}，{obj.get_state_display()}）"


class MergeForm(ActionForm):
    into = RequestChoiceField(label=_("合并到申请"), queryset=DisclosureRequest.objects.none())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = (
            DisclosureRequest.objects.filter(agency_id=self.request_obj.agency_id)
            .exclude(pk=self.request_obj.pk)
            .exclude(state=State.MERGED)
            .filter(received_on__gte=self.request_obj.received_on - datetime.timedelta(days=730))
        )

    def perform(self):
        services.request_merge(
            request=self.request_obj,
            user=self.user,
            into=self.cleaned_data["into"],
            note=self.cleaned_data["note"],
        )


class WithdrawForm(ActionForm):
    withdrawn_on = _date_field(_("撤回日期"))

    def perform(self):
        services.request_withdraw(
            request=self.request_obj,
            user=self.user,
            withdrawn_on=self.cleaned_data["withdrawn_on"],
            note=self.cleaned_data["note"],
        )


class CloseForm(ActionForm):
    closed_on = _date_field(_("办结日期"))

    def perform(self):
        services.request_close(
            request=self.request_obj,
            user=self.user,
            closed_on=self.cleaned_data["closed_on"],
            note=self.cleaned_data["note"],
        )


ACTION_FORMS = {
    "assign": AssignForm,
    "accept": AcceptForm,
    "ask_correction": AskCorrectionForm,
    "record_correction": RecordCorrectionForm,
    "lapse_correction": LapseCorrectionForm,
    "request_extension": ExtensionApplyForm,
    "extend": ExtensionDecisionForm,
    "refuse_extension": ExtensionRefuseForm,
    "start_consultation": StartConsultationForm,
    "end_consultation": EndConsultationForm,
    "issue_fee_notice": FeeNoticeForm,
    "record_payment": PaymentForm,
    "lapse_fee": LapseFeeForm,
    "answer": AnswerForm,
    "refer": ReferForm,
    "merge": MergeForm,
    "withdraw": WithdrawForm,
    "close": CloseForm,
}
# Only 党政办 hands out the work.
MANAGER_ACTIONS = {"assign"}
# Only the approver named in the pending extension application decides it.
DECIDER_ACTIONS = {"extend", "refuse_extension"}
