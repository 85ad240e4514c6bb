"""The standard catalogue applied to agencies: areas and their 公开事项 (slots)."""

import django.db.models.deletion
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
            name='AppliedArea',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(max_length=60, verbose_name='领域代码')),
                ('area', models.CharField(max_length=60, verbose_name='领域')),
                ('source', models.CharField(max_length=300, verbose_name='标准来源')),
                ('template_digest', models.CharField(max_length=16, verbose_name='模板版本')),
                ('applied_at', models.DateTimeField(auto_now_add=True, verbose_name='应用时间')),
                ('agency', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='standard_areas', to='disclosure_pages.disclosureindexpage', verbose_name='机关')),
                ('applied_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='应用人')),
                ('category', models.ForeignKey(blank=True, help_text='新建的事项分类放在这个分类下。', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='disclosure_pages.disclosurecategorypage', verbose_name='领域分类')),
            ],
            options={
                'verbose_name': '已应用的标准目录领域',
                'verbose_name_plural': '已应用的标准目录领域',
                'ordering': ['agency', 'key'],
                'permissions': [('apply_standard', '应用标准目录、查看覆盖情况')],
            },
        ),
        migrations.CreateModel(
            name='StandardSlot',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('code', models.CharField(max_length=8, verbose_name='事项代码')),
                ('group', models.CharField(max_length=100, verbose_name='一级事项')),
                ('name', models.CharField(max_length=200, verbose_name='公开事项')),
                ('content', models.TextField(verbose_name='公开内容')),
                ('basis', models.TextField(verbose_name='公开依据')),
                ('deadline', models.CharField(max_length=200, verbose_name='公开时限')),
                ('period', models.CharField(choices=[('working_days', 'working_days'), ('yearly', 'yearly'), ('quarterly', 'quarterly'), ('monthly', 'monthly'), ('none', 'none')], max_length=20, verbose_name='时限规则')),
                ('working_days', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='时限工作日')),
                ('subject', models.CharField(max_length=200, verbose_name='公开主体')),
                ('channels', models.JSONField(default=list, verbose_name='公开渠道和载体')),
                ('audience', models.CharField(max_length=20, verbose_name='公开对象')),
                ('method', models.CharField(max_length=20, verbose_name='公开方式')),
                ('applied_area', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='slots', to='disclosure_standards.appliedarea', verbose_name='领域')),
                ('category', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='standard_slots', to='disclosure_pages.disclosurecategorypage', verbose_name='对应分类')),
            ],
            options={
                'verbose_name': '标准目录事项',
                'verbose_name_plural': '标准目录事项',
                'ordering': ['applied_area', 'code'],
            },
        ),
        migrations.AddConstraint(
            model_name='appliedarea',
            constraint=models.UniqueConstraint(fields=('agency', 'key'), name='standard_area_once_per_agency'),
        ),
        migrations.AddConstraint(
            model_name='standardslot',
            constraint=models.UniqueConstraint(fields=('applied_area', 'code'), name='standard_slot_code'),
        ),
    ]
