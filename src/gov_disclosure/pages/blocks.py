"""StreamField blocks of an item's body: paragraphs, tables and images."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("图片"))
    caption = blocks.CharBlock(label=_("图片说明"), required=False, max_length=200)
    alt_text = blocks.CharBlock(
        label=_("替代文字"),
        required=False,
        max_length=200,
        help_text=_("供读屏软件朗读；留空时使用图片说明。"),
    )

    class Meta:
        icon = "image"
        label = _("图片")
        template = "disclosure_pages/blocks/captioned_image.html"


class ItemBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("段落"), features=RICH_TEXT_FEATURES)
    table = TableBlock(
        label=_("表格"),
        table_options={"startRows": 3, "startCols": 3, "colHeaders": False, "rowHeaders": False},
    )
    image = CaptionedImageBlock()
