"""Links between items: 政策解读, 修订, 相关信息."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("disclosure_pages", "0006_renderings_lz4"),
    ]

    operations = [
        migrations.CreateModel(
            name="ItemRelation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("interpretation", "政策解读"),
                            ("amendment", "修订"),
                            ("related", "相关信息"),
                        ],
                        default="related",
                        max_length=20,
                        verbose_name="关联类型",
                    ),
                ),
                (
                    "interpretation_form",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("text", "文字解读"),
                            ("graphic", "图解"),
                            ("qa", "问答"),
                            ("media", "音视频解读"),
                        ],
                        help_text="关联类型为“政策解读”时必填。",
                        max_length=10,
                        verbose_name="解读形式",
                    ),
                ),
                (
                    "item",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="relations",
                        to="disclosure_pages.disclosureitempage",
                    ),
                ),
                (
                    "target",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="relations_to",
                        to="disclosure_pages.disclosureitempage",
                        verbose_name="关联的信息",
                    ),
                ),
            ],
            options={
                "verbose_name": "关联信息",
                "verbose_name_plural": "关联信息",
                "ordering": ["sort_order"],
                "abstract": False,
                "indexes": [models.Index(fields=["target", "kind"], name="item_relation_target")],
            },
        ),
    ]
