from django import forms
from django.utils.translation import gettext_lazy as _

from gov_disclosure.pages.models import DisclosureCategoryPage

from .spec import LEVELS, TOWNSHIP, StandardArea

NEW = ""


class CategoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, category):
        if category.depth > self.agency_depth + 1:
            return f"{category.parent_title} › {category.title}（{category.full_code}）"
        return f"{category.title}（{category.code}）"


def _agency_categories(agency, *, top_level: bool):
    categories = DisclosureCategoryPage.objects.descendant_of(agency).order_by("path")
    if top_level:
        categories = categories.filter(depth=agency.depth + 1)
    categories = list(categories)
    titles = {category.path: category.title for category in categories}
    for category in categories:
        category.parent_title = titles.get(category.path[: -category.steplen], "")
    return categories


class ApplyAreaForm(forms.Form):
    """Apply one area: the level, the area's category, and for each 公开事项 an existing
    category of the agency or a new subcategory (left empty)."""

    level = forms.ChoiceField(
        label=_("适用层级"),
        choices=[(level, level) for level in LEVELS],
        initial=TOWNSHIP,
        help_text=_("街道办事处、乡镇人民政府选“乡级”；区县部门选“县级”。"),
    )

    def __init__(self, *args, agency, area: StandardArea, slots: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.area = area
        top = _agency_categories(agency, top_level=True)
        every = _agency_categories(agency, top_level=False)
        self.fields["area_category"] = self._category_field(
            agency,
            top,
            label=_("领域分类"),
            empty=_("新建一级分类“%(area)s”") % {"area": area.area},
            help_text=_("新建的事项分类放在这个一级分类下。"),
        )
        self.matter_fields = []
        for matter in area.matters:
            name = f"matter_{matter.code}"
            slot = slots.get(matter.code)
            self.fields[name] = self._category_field(
                agency,
                every,
                label=f"{matter.group} › {matter.name}",
                empty=_("新建分类“%(name)s”") % {"name": matter.name},
                help_text=_("%(levels)s · 公开时限：%(deadline)s")
                % {"levels": "、".join(matter.levels), "deadline": matter.deadline},
            )
            if slot is not None and slot.category_id:
                self.fields[name].initial = slot.category_id
            self.matter_fields.append((matter, name))

    def _category_field(self, agency, categories, *, label, empty, help_text):
        field = CategoryChoiceField(
            queryset=DisclosureCategoryPage.objects.filter(pk__in=[c.pk for c in categories]),
            required=False,
            label=label,
            empty_label=empty,
            help_text=help_text,
        )
        field.agency_depth = agency.depth
        # Offer them in the catalogue's order, with their parents' titles.
        field.choices = [(NEW, empty)] + [(c.pk, field.label_from_instance(c)) for c in categories]
        return field

    def bound_matter_fields(self):
        """Every 事项 with its field; only those of the chosen level are applied."""
        return [(matter, self[name]) for matter, name in self.matter_fields]

    def mapping(self) -> dict:
        level = self.cleaned_data["level"]
        return {
            matter.code: self.cleaned_data.get(name)
            for matter, name in self.matter_fields
            if level in matter.levels and self.cleaned_data.get(name) is not None
        }

    def clean(self):
        cleaned = super().clean()
        level = cleaned.get("level")
        if level and not any(level in matter.levels for matter in self.area.matters):
            self.add_error("level", _("该领域没有适用于%(level)s的公开事项。") % {"level": level})
        return cleaned


class CoverageYearForm(forms.Form):
    year = forms.IntegerField(label=_("年度"), min_value=2008, max_value=2100)
