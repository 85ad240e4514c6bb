"""The office's views of 民主评议: a campaign's page (invitations, results), inviting
reviewers, the printable codes, and drafting the summary as an item.

Each looks the campaign up among those the user may see: another agency's is a 404.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic import InspectView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.permission_policies.base import ModelPermissionPolicy

from gov_disclosure.pages.models import Department, DisclosureCategoryPage
from gov_disclosure.pages.roles import agencies_where
from gov_disclosure.security.access_log import personal_data_viewed

from .selectors.campaigns import (
    MANAGE_CAMPAIGNS,
    campaign_agencies,
    campaign_results,
    campaigns_visible_to,
    user_runs_campaign,
)
from .services.campaigns import (
    CampaignActionRefused,
    campaign_summary_draft,
    invitations_add,
)

URL_NAMESPACE = "disclosure_campaigns_admin"


class CampaignPermissionPolicy(ModelPermissionPolicy):
    """党政办 runs its agency's campaigns; 监督 and the district read them."""

    def user_has_permission(self, user, action):
        if action == "view":
            return bool(campaign_agencies(user))
        return action in ("add", "change", "delete") and bool(
            agencies_where(user, MANAGE_CAMPAIGNS)
        )

    def user_has_permission_for_instance(self, user, action, instance):
        scope = campaign_agencies(user) if action == "view" else agencies_where(
            user, MANAGE_CAMPAIGNS
        )  # fmt: skip
        return self.user_has_permission(user, action) and instance.agency_id in scope

    def instances_user_has_permission_for(self, user, action):
        if not self.user_has_permission(user, action):
            return self.model.objects.none()
        if action == "view":
            return campaigns_visible_to(user=user)
        return agencies_where(user, MANAGE_CAMPAIGNS).filter(self.model.objects.all())


class CampaignMixin:
    def get_campaign(self):
        return get_object_or_404(campaigns_visible_to(user=self.request.user), pk=self.kwargs["pk"])

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{URL_NAMESPACE}:index"), "label": _("民主评议")},
            {
                "url": reverse(f"{URL_NAMESPACE}:inspect", args=[self.campaign.pk]),
                "label": self.campaign.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]


class CampaignInspectView(InspectView):
    template_name = "disclosure_feedback/admin/campaign_inspect.html"

    def get_object(self, queryset=None):
        return get_object_or_404(campaigns_visible_to(user=self.request.user), pk=self.kwargs["pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        campaign = self.object
        runs = user_runs_campaign(user=self.request.user, campaign=campaign)
        invitations = list(campaign.invitations.all())
        if runs and invitations:
            personal_data_viewed(
                self.request,
                record=campaign,
                agency_id=campaign.agency_id,
                label=_("%(campaign)s 评议人名单") % {"campaign": campaign},
                count=len(invitations),
            )
        context.update(
            campaign=campaign,
            runs=runs,
            # Who was invited and who answered: 党政办 only (never what each answered).
            invitations=invitations if runs else None,
            invited=len(invitations),
            answered=sum(invitation.answered_at is not None for invitation in invitations),
            results=campaign_results(campaign=campaign),
        )
        return context


class InvitationsForm(forms.Form):
    reviewers = forms.CharField(
        label=gettext_lazy("评议人"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=gettext_lazy(
            "每行一位：姓名，类别，电子邮箱（可省略）。类别为人大代表、政协委员、群众代表或其他。"
            "填写邮箱的，系统发送邀请邮件；其余可打印评议码发放。"
        ),
        error_messages={"required": gettext_lazy("请至少填写一位评议人。")},
    )


class RunCampaignMixin(CampaignMixin):
    def dispatch(self, request, *args, **kwargs):
        self.campaign = self.get_campaign()
        if not user_runs_campaign(user=request.user, campaign=self.campaign):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "campaign": self.campaign}

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class InvitationsAddView(RunCampaignMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "disclosure_feedback/admin/campaign_form.html"
    form_class = InvitationsForm
    header_icon = "group"

    def get_page_title(self):
        return _("邀请评议人")

    def form_valid(self, form):
        try:
            added = invitations_add(
                campaign=self.campaign, text=form.cleaned_data["reviewers"], user=self.request.user
            )
        except CampaignActionRefused as refused:
            form.add_error("reviewers", str(refused))
            return self.form_invalid(form)
        messages.success(self.request, _("已邀请%(n)s位评议人。") % {"n": len(added)})
        return redirect(f"{URL_NAMESPACE}:inspect", self.campaign.pk)


class InvitationCodesView(RunCampaignMixin, WagtailAdminTemplateMixin, TemplateView):
    """评议码 to print and hand out, with the address to type them in."""

    template_name = "disclosure_feedback/admin/campaign_codes.html"
    header_icon = "doc-full"

    def get_page_title(self):
        return _("打印评议码")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            campaign=self.campaign,
            invitations=self.campaign.invitations.filter(answered_at__isnull=True),
            code_url=self.request.build_absolute_uri(reverse("disclosure_feedback:review_code")),
        )
        return context


class SummaryForm(forms.Form):
    category = forms.ModelChoiceField(
        label=gettext_lazy("目录分类"), queryset=DisclosureCategoryPage.objects.none()
    )
    publisher = forms.ModelChoiceField(
        label=gettext_lazy("发布机构"), queryset=Department.objects.none()
    )

    def __init__(self, *args, campaign, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = DisclosureCategoryPage.objects.descendant_of(
            campaign.agency
        ).order_by("path")
        self.fields["publisher"].queryset = Department.objects.filter(agency=campaign.agency)


class SummaryDraftView(RunCampaignMixin, WagtailAdminTemplateMixin, FormView):
    """The results as a draft item, opened in the editor to be reviewed and published."""

    template_name = "disclosure_feedback/admin/campaign_form.html"
    form_class = SummaryForm
    header_icon = "doc-full"

    def get_page_title(self):
        return _("生成评议结果信息")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "campaign": self.campaign}

    def form_valid(self, form):
        try:
            item = campaign_summary_draft(
                campaign=self.campaign, user=self.request.user, **form.cleaned_data
            )
        except CampaignActionRefused as refused:
            form.add_error(None, str(refused))
            return self.form_invalid(form)
        messages.success(self.request, _("已生成草稿，请核对后提交审核发布。"))
        return redirect("wagtailadmin_pages:edit", item.pk)
