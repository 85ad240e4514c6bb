"""Admin page forms for checks that need the page's place in the tree."""

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm

from gov_disclosure.core.people import person_name


class CategoryPageForm(WagtailAdminPageForm):
    """Refuses a category code that a sibling category already uses."""

    def clean(self):
        cleaned_data = super().clean()
        code = cleaned_data.get("code")
        parent = self.parent_page
        if not code or parent is None:
            return cleaned_data
        siblings = parent.get_children().filter(disclosurecategorypage__code=code)
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        if siblings.exists():
            self.add_error(
                "code", _("同一上级下已有分类代码 %(code)s，请换一个。") % {"code": code}
            )
        return cleaned_data


SLUG_HELP = gettext_lazy(
    "网址的最后一段。首次发布时按索引号的年份和流水号生成（如 2026-00001），"
    "此后不随标题改变。只有党政办可以修改；改后旧网址自动跳转到新网址。"
)


class ItemPageForm(WagtailAdminPageForm):
    """Offers, and accepts, only the departments of the item's own agency as 发布机构.

    An information officer is offered only their own departments: an item they
    report is their department's, and only their department may edit it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from gov_disclosure.pages import roles
        from gov_disclosure.pages.selectors import agency_for_page

        parent = self.parent_page
        agency = agency_for_page(page=parent) if parent is not None else None
        self.agency = agency
        user = self.for_user
        manages = (
            user is not None
            and agency is not None
            and roles.user_manages_catalogue(user, agency_id=agency.pk)
        )
        if "slug" in self.fields:
            # The address comes from the 索引号 (gov_disclosure.pages.addresses): only 党政办
            # may choose another, as a changed address breaks links to it.
            if manages:
                self.fields["slug"].help_text = SLUG_HELP
            else:
                del self.fields["slug"]
        if "publisher" in self.fields and agency is not None:
            departments = agency.departments.all()
            if user is not None and not manages:
                departments = departments.filter(pk__in=roles.user_department_ids(user))
            self.fields["publisher"].queryset = departments
            self.fields["publisher"].empty_label = _("请选择发布机构")

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("relations")
        if formset is not None:
            self._check_relations(formset)
        return cleaned_data

    def _check_relations(self, formset) -> None:
        """A link names another item that is published, or one of the item's own agency
        (another agency's drafts are not the author's to see), and names it once."""
        formset.is_valid()  # the rows' cleaned_data
        seen = set()
        for form in formset.forms:
            cleaned = getattr(form, "cleaned_data", {})
            target = cleaned.get("target")
            if target is None or cleaned.get("DELETE"):  # an empty or removed row
                continue
            if self.instance.pk and target.pk == self.instance.pk:
                form.add_error("target", _("不能关联本信息自身。"))
            elif not target.live and not (
                self.agency is not None and target.path.startswith(self.agency.path)
            ):
                form.add_error("target", _("只能关联已发布的信息，或本机关的信息。"))
            elif (target.pk, cleaned.get("kind")) in seen:
                form.add_error("target", _("同一信息已按同样的类型关联过一次。"))
            else:
                seen.add((target.pk, cleaned.get("kind")))


class DepartmentForm(WagtailAdminModelForm):
    """Offers as a department's 信息员 the staff of the agencies the user manages (not
    every user of the platform), and keeps those already chosen."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        from gov_disclosure.pages import roles

        field = self.fields.get("members")
        if field is None or self.for_user is None:
            return
        field.label_from_instance = person_name
        scope = roles.agencies_where(self.for_user, "disclosure_pages.change_department")
        if scope.everywhere:
            return
        User = get_user_model()
        staff = User.objects.filter(groups__disclosure_agency_role__agency_id__in=scope.agency_ids)
        chosen = self.instance.members.all() if self.instance.pk else User.objects.none()
        field.queryset = User.objects.filter(
            Q(pk__in=staff.values("pk")) | Q(pk__in=chosen.values("pk"))
        ).order_by("username")
