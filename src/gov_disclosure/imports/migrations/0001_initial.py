"""Imports of catalogues from other systems."""

import django.db.models.deletion
import gov_disclosure.core.storage
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('disclosure_pages', '0007_item_relations'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ImportBatch',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='上传时间')),
                ('file_name', models.CharField(max_length=200, verbose_name='目录文件')),
                ('file_sha256', models.CharField(max_length=64)),
                ('source', models.FileField(blank=True, storage=gov_disclosure.core.storage.private_storage, upload_to='imports/%Y/')),
                ('attachments_name', models.CharField(blank=True, max_length=200, verbose_name='附件包')),
                ('attachments', models.FileField(blank=True, storage=gov_disclosure.core.storage.private_storage, upload_to='imports/%Y/')),
                ('status', models.CharField(choices=[('checked', '已检查，待导入'), ('running', '导入中'), ('done', '已完成'), ('failed', '中断')], default='checked', max_length=10, verbose_name='状态')),
                ('total_rows', models.PositiveIntegerField(default=0, verbose_name='行数')),
                ('error_rows', models.PositiveIntegerField(default=0, verbose_name='有错误的行')),
                ('to_import', models.PositiveIntegerField(default=0, verbose_name='待导入')),
                ('already_imported', models.PositiveIntegerField(default=0, verbose_name='此前已导入')),
                ('imported', models.PositiveIntegerField(default=0, verbose_name='已导入')),
                ('problems', models.JSONField(default=list, verbose_name='检查结果')),
                ('started_at', models.DateTimeField(blank=True, null=True, verbose_name='开始导入')),
                ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='完成时间')),
                ('last_error', models.TextField(blank=True, verbose_name='中断原因')),
                ('agency', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='disclosure_pages.disclosureindexpage', verbose_name='机关')),
                ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='导入人')),
            ],
            options={
                'verbose_name': '目录导入',
                'verbose_name_plural': '目录导入',
                'ordering': ['-created_at'],
                'permissions': [('import_catalogue', '从其他系统导入目录')],
            },
        ),
    ]
