from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from ..forms import DepartmentForm


class Department(index.Indexed, models.Model):
    """A department of an agency (各办、所、中心); the 发布机构 of its items."""

    agency = models.ForeignKey(
        "disclosure_pages.DisclosureIndexPage",
        verbose_name=_("所属机关"),
        on_delete=models.CASCADE,
        related_name="departments",
    )
    name = models.CharField(_("部门名称"), max_length=100)
    code = models.CharField(
        _("部门代码"), max_length=20, help_text=_("本机关内唯一的简短代码，例如 DZB（党政办）")
    )

    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("信息员"),
        blank=True,
        related_name="disclosure_departments",
        help_text=_("为本部门报送信息的人员。只能编辑本部门的信息。"),
    )
    categories = models.ManyToManyField(
        "disclosure_pages.DisclosureCategoryPage",
        verbose_name=_("可报送的分类"),
        blank=True,
        related_name="allowed_departments",
        help_text=_("本部门信息员可在这些分类（含其子分类）下新建信息。"),
    )

    base_form_class = DepartmentForm

    panels = [
        FieldPanel("agency"),
        FieldPanel("name"),
        FieldPanel("code"),
        FieldPanel("members", widget=forms.SelectMultiple(attrs={"size": 8})),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
    ]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        verbose_name = _("部门")
        verbose_name_plural = _("部门")
        ordering = ["agency", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "code"],
                name="department_code_unique_per_agency",
                violation_error_message=_("本机关已有此部门代码。"),
            ),
            models.UniqueConstraint(
                fields=["agency", "name"],
                name="department_name_unique_per_agency",
                violation_error_message=_("本机关已有同名部门。"),
            ),
        ]

    def __str__(self):
        return self.name
