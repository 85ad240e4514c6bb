from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import Orderable

from .choices import InterpretationForm, RelationKind
from .item import DisclosureItemPage


class ItemRelation(Orderable):
    """A link from an item to another item, kept in the item's revisions and reviewed
    with it: ``item`` interprets ``target`` (政策解读), amends it, or goes with it (a
    budget and its execution report). Both pages show it; only published, public
    items are ever shown at either end."""

    item = ParentalKey(DisclosureItemPage, on_delete=models.CASCADE, related_name="relations")
    target = models.ForeignKey(
        DisclosureItemPage,
        verbose_name=_("关联的信息"),
        on_delete=models.CASCADE,
        related_name="relations_to",
    )
    kind = models.CharField(
        _("关联类型"), max_length=20, choices=RelationKind.choices, default=RelationKind.RELATED
    )
    interpretation_form = models.CharField(
        _("解读形式"),
        max_length=10,
        choices=InterpretationForm.choices,
        blank=True,
        help_text=_("关联类型为“政策解读”时必填。"),
    )

    panels = [
        PageChooserPanel("target", page_type="disclosure_pages.DisclosureItemPage"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("interpretation_form")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("关联信息")
        verbose_name_plural = _("关联信息")
        indexes = [models.Index(fields=["target", "kind"], name="item_relation_target")]

    def __str__(self):
        return f"{self.item_id} {self.kind} {self.target_id}"

    def clean(self):
        super().clean()
        if self.kind == RelationKind.INTERPRETATION and not self.interpretation_form:
            raise ValidationError({"interpretation_form": _("请选择解读形式。")})
        if self.kind != RelationKind.INTERPRETATION and self.interpretation_form:
            raise ValidationError({"interpretation_form": _("只有政策解读需要填写解读形式。")})
