"""Mirrored items keep their links (政策解读, 修订, 相关信息)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('disclosure_aggregation', '0003_mirroredreport'),
    ]

    operations = [
        migrations.AddField(
            model_name='mirroreditem',
            name='relations',
            field=models.JSONField(blank=True, default=list, verbose_name='关联信息'),
        ),
    ]
