from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class SensitiveWord(index.Indexed, models.Model):
    """An entry of the office's sensitive and banned-word list, kept by 党政办."""

    class Level(models.TextChoices):
        BANNED = "banned", _("禁用词（须修改或说明理由）")
        SENSITIVE = "sensitive", _("敏感词（提示审查）")

    word = models.CharField(_("词语"), max_length=50, unique=True)
    level = models.CharField(_("级别"), max_length=10, choices=Level.choices, default=Level.BANNED)
    match_variants = models.BooleanField(
        _("匹配变体"),
        default=True,
        help_text=_("同时查找繁体、全角、大小写不同或字间插入空格、符号的写法。"),
    )
    note = models.CharField(_("说明"), max_length=200, blank=True)
    active = models.BooleanField(_("启用"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    panels = [
        FieldPanel("word"),
        FieldPanel("level"),
        FieldPanel("match_variants"),
        FieldPanel("note"),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("word"), index.AutocompleteField("word")]

    class Meta:
        verbose_name = _("敏感词")
        verbose_name_plural = _("敏感词")
        ordering = ["word"]

    def __str__(self):
        return self.word

    def clean(self):
        from django.core.exceptions import ValidationError

        self.word = self.word.strip()
        if not self.word:
            raise ValidationError({"word": _("请填写词语。")})
