from django.core.validators import RegexValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from gov_disclosure.pages.forms import CategoryPageForm

from .mixins import AgencyContextMixin, OfficePermissionsMixin, ViewRestrictionsFromRouteMixin

category_code_validator = RegexValidator(
    r"^[0-9A-Za-z]{1,8}$", _("分类代码只能由1至8位数字或字母组成，例如 01。")
)


class DisclosureCategoryPage(
    OfficePermissionsMixin, AgencyContextMixin, ViewRestrictionsFromRouteMixin, Page
):
    """A category of the catalogue (目录分类); nestable one level deep."""

    code = models.CharField(
        _("分类代码"),
        max_length=8,
        validators=[category_code_validator],
        help_text=_("同一上级下唯一，例如 01；子分类的完整代码由上级代码与本代码相连，如 0201。"),
    )
    description = models.TextField(_("分类说明"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("code"), FieldPanel("description")]

    search_fields = Page.search_fields + [index.FilterField("code")]

    api_fields = [APIField("code"), APIField("full_code"), APIField("description")]

    parent_page_types = [
        "disclosure_pages.DisclosureIndexPage",
        "disclosure_pages.DisclosureCategoryPage",
    ]
    subpage_types = [
        "disclosure_pages.DisclosureCategoryPage",
        "disclosure_pages.DisclosureItemPage",
    ]

    template = "disclosure_pages/category_page.html"
    base_form_class = CategoryPageForm

    class Meta:
        verbose_name = _("目录分类")
        verbose_name_plural = _("目录分类")

    @classmethod
    def can_exist_under(cls, parent):
        # Category → subcategory, never a third level.
        if not super().can_exist_under(parent):
            return False
        parent = parent.specific
        return not (isinstance(parent, DisclosureCategoryPage) and parent.is_subcategory)

    def can_move_to(self, parent):
        if not super().can_move_to(parent):
            return False
        # A category that has subcategories cannot itself become a subcategory.
        parent = parent.specific
        if isinstance(parent, DisclosureCategoryPage):
            return not self.get_children().type(DisclosureCategoryPage).exists()
        return True

    def _parent_category(self) -> "DisclosureCategoryPage | None":
        parent = self.get_parent()
        if parent is not None and parent.specific_class is DisclosureCategoryPage:
            return parent.specific
        return None

    @cached_property
    def is_subcategory(self) -> bool:
        return self._parent_category() is not None

    @property
    def full_code(self) -> str:
        """The code with its parent category's code in front, e.g. 0201."""
        parent = self._parent_category()
        return parent.code + self.code if parent else self.code

    def get_context(self, request, *args, **kwargs):
        from functools import cache

        from gov_disclosure.pages import selectors

        context = super().get_context(request, *args, **kwargs)
        sort = request.GET.get("sort")
        sort = sort if sort in selectors.ITEM_ORDERS else selectors.DEFAULT_ITEM_ORDER
        page_number, year = request.GET.get("page"), request.GET.get("year")
        context["sort"] = sort
        # Read only if the template renders them: the page's content is kept per catalogue
        # change (``table_key``), and a kept page reads no item. (A template calls these.)
        context["items_page"] = cache(
            lambda: selectors.category_items_page(
                category=self, page_number=page_number, year=year, sort=sort
            )
        )
        context["subcategories"] = cache(lambda: selectors.subcategory_list(category=self))
        context["years"] = cache(lambda: selectors.category_item_years(category=self))
        context["agency_name"] = selectors.agency_name_for(page=self)
        context["table_key"] = selectors.category_table_key(
            category=self,
            request=request,
            page_number=selectors.category_page_number(
                category=self, page_number=page_number, year=year
            ),
            sort=sort,
        )
        return context
