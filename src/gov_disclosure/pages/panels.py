"""Editor panels of the catalogue."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class AssignedAtPublicationPanel(FieldPanel):
    """A read-only field the first publication fills (索引号, 发布日期): until then it says
    so, where Wagtail would show "None" or nothing."""

    def __init__(self, field_name, *args, **kwargs):
        kwargs["read_only"] = True
        super().__init__(field_name, *args, **kwargs)

    def format_value_for_display(self, value):
        if value in (None, ""):
            return _("发布时自动生成")
        return super().format_value_for_display(value)
