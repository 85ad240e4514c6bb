"""The admin of 本机关人员 (see ``staff``): the list of an agency's staff, adding someone,
and changing what a person holds in the agency."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from gov_disclosure.core.people import person_name

from . import roles
from .models import Department
from .staff import (
    agencies_staffed_by,
    agency_staff,
    staff_account_create,
    staff_departments,
    staff_roles,
    staff_save,
)


class StaffRolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=gettext_lazy("角色"),
        choices=[(role, role) for role in roles.ROLES],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy("只在本机关有效。区政务公开办和系统管理员由平台管理员设置。"),
    )
    departments = forms.ModelMultipleChoiceField(
        label=gettext_lazy("报送部门"),
        queryset=Department.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=gettext_lazy("信息员只能在所属部门可报送的分类下新建和编辑本部门的信息。"),
    )

    def __init__(self, *args, agency, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["departments"].queryset = agency.departments.order_by("code")

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("departments") and roles.INFORMATION_OFFICER not in cleaned_data.get(
            "roles", []
        ):
            self.add_error("roles", _("为部门报送信息的人员须有“信息员”角色。"))
        return cleaned_data


class StaffAddForm(StaffRolesForm):
    """Someone new to the platform, or an existing account by its exact user name (a
    person may hold roles in several agencies); the others' names are not listed."""

    username = forms.CharField(label=gettext_lazy("用户名"), max_length=150)
    name = forms.CharField(
        label=gettext_lazy("姓名"),
        max_length=150,
        required=False,
        help_text=gettext_lazy("新账号必填"),
    )
    email = forms.EmailField(
        label=gettext_lazy("电子邮箱"),
        required=False,
        help_text=gettext_lazy("新账号必填：审核和办理提醒发到这里"),
    )
    password = forms.CharField(
        label=gettext_lazy("初始密码"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(render_value=True),
        help_text=gettext_lazy("新账号必填；请当面告知本人并要求登录后修改。"),
    )

    field_order = ["username", "name", "email", "password", "roles", "departments"]

    def clean(self):
        cleaned_data = super().clean()
        username = cleaned_data.get("username", "")
        self.existing = get_user_model().objects.filter(username=username).first()
        if self.existing is None and username:
            for field in ("name", "email", "password"):
                if not cleaned_data.get(field):
                    self.add_error(field, _("新账号须填写此项。"))
            if cleaned_data.get("password"):
                user = get_user_model()(username=username, email=cleaned_data.get("email", ""))
                try:
                    password_validation.validate_password(cleaned_data["password"], user)
                except forms.ValidationError as error:
                    self.add_error("password", error)
        if not cleaned_data.get("roles"):
            self.add_error("roles", _("请至少选择一个角色。"))
        return cleaned_data


class AgencyStaffMixin(WagtailAdminTemplateMixin):
    """The agency named by ``?agency=`` (or the first) among those the user staffs."""

    header_icon = "group"

    @cached_property
    def agencies(self):
        return list(agencies_staffed_by(self.request.user))

    @cached_property
    def agency(self):
        wanted = self.request.GET.get("agency") or self.request.POST.get("agency")
        for agency in self.agencies:
            if str(agency.pk) == wanted:
                return agency
        if wanted:
            raise Http404
        return self.agencies[0]

    def dispatch(self, request, *args, **kwargs):
        if not self.agencies:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def index_url(self) -> str:
        return f"{reverse('disclosure_staff')}?agency={self.agency.pk}"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("disclosure_staff"), "label": _("本机关人员")},
            {"url": "", "label": self.get_page_title()},
        ]


class StaffIndexView(AgencyStaffMixin, TemplateView):
    template_name = "disclosure_pages/admin/staff_index.html"
    page_title = gettext_lazy("本机关人员")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        rows = [
            (
                member,
                staff_roles(agency=self.agency, member=member),
                list(staff_departments(agency=self.agency, member=member)),
            )
            for member in agency_staff(agency=self.agency).prefetch_related("groups")
        ]
        return super().get_context_data(
            agency=self.agency, agencies=self.agencies, rows=rows, **kwargs
        )


class StaffAddView(AgencyStaffMixin, FormView):
    template_name = "disclosure_pages/admin/staff_form.html"
    page_title = gettext_lazy("添加人员")
    form_class = StaffAddForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "agency": self.agency}

    def get_context_data(self, **kwargs):
        return super().get_context_data(agency=self.agency, **kwargs)

    def form_valid(self, form):
        data = form.cleaned_data
        with transaction.atomic():
            member = form.existing or staff_account_create(
                username=data["username"],
                name=data["name"],
                email=data["email"],
                password=data["password"],
            )
            staff_save(
                agency=self.agency,
                member=member,
                role_names=data["roles"],
                departments=list(data["departments"]),
            )
        messages.success(self.request, _("已将 %(name)s 加入本机关人员。") % {"name": member})
        return redirect(self.index_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class StaffEditView(AgencyStaffMixin, FormView):
    template_name = "disclosure_pages/admin/staff_form.html"
    page_title = gettext_lazy("人员角色")
    form_class = StaffRolesForm

    @cached_property
    def member(self):
        return get_object_or_404(agency_staff(agency=self.agency), pk=self.kwargs["user_id"])

    def get_page_subtitle(self):
        return person_name(self.member)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "agency": self.agency}

    def get_initial(self):
        return {
            "roles": staff_roles(agency=self.agency, member=self.member),
            "departments": staff_departments(agency=self.agency, member=self.member),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(agency=self.agency, member=self.member, **kwargs)

    def form_valid(self, form):
        staff_save(
            agency=self.agency,
            member=self.member,
            role_names=form.cleaned_data["roles"],
            departments=list(form.cleaned_data["departments"]),
        )
        messages.success(self.request, _("已保存 %(name)s 的角色和部门。") % {"name": self.member})
        return redirect(self.index_url())

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


def user_staffs_an_agency(user) -> bool:
    return bool(roles.agencies_with_role(user, roles.OFFICE))
