"""目录导入 in the admin (党政办): upload an export and see every row's problems (nothing is
written), then start the import and follow its progress."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from gov_disclosure.core.task_queue import queue_after_commit
from gov_disclosure.pages.models import DisclosureIndexPage
from gov_disclosure.pages.roles import agencies_where

from . import tasks
from .attachment_files import NoAttachments, ZipAttachments
from .models import ImportBatch
from .services import batch_check, batch_record
from .table import TableError

PERMISSION = "disclosure_imports.import_catalogue"
URL_NAMESPACE = "disclosure_imports"
PROBLEMS_PER_PAGE = 200


class UploadForm(forms.Form):
    agency = forms.ModelChoiceField(
        queryset=DisclosureIndexPage.objects.none(), label=gettext_lazy("机关")
    )
    file = forms.FileField(
        label=gettext_lazy("目录文件"),
        help_text=gettext_lazy(
            "CSV 或 XLSX，第一行为列名：索引号、名称、分类、发布机构、成文日期、发布日期为必填，"
            "另可有主题分类、体裁分类、文号、公开方式、公开时限、有效性、施行日期、废止日期、"
            "失效日期、内容概述、关键词、信息来源、正文、附件、原网址。"
        ),
    )
    attachments = forms.FileField(
        label=gettext_lazy("附件包"),
        required=False,
        help_text=gettext_lazy("附件的 ZIP 包；“附件”列写包内的文件名，多个用分号隔开。"),
    )

    def __init__(self, *args, agencies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = agencies
        self.fields["agency"].label_from_instance = lambda agency: agency.agency_name
        if agencies.count() == 1:
            self.fields["agency"].initial = agencies.first()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("只能导入 CSV 或 XLSX 文件。"))
        return upload

    def clean_attachments(self):
        upload = self.cleaned_data.get("attachments")
        if upload is None:
            return None
        import zipfile

        if not zipfile.is_zipfile(upload):
            raise forms.ValidationError(_("附件包须是 ZIP 文件。"))
        upload.seek(0)
        return upload


class ImportAccessMixin(WagtailAdminTemplateMixin):
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.scope = agencies_where(request.user, PERMISSION)
        if not self.scope:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def agencies(self):
        return self.scope.filter(DisclosureIndexPage.objects.order_by("path"), "pk")

    def get_batch(self, batch_id: int) -> ImportBatch:
        batch = get_object_or_404(ImportBatch.objects.select_related("agency"), pk=batch_id)
        if batch.agency_id not in self.scope:
            raise PermissionDenied
        return batch


class ImportIndexView(ImportAccessMixin, TemplateView):
    template_name = "disclosure_imports/index.html"
    page_title = gettext_lazy("目录导入")

    def get_context_data(self, **kwargs):
        batches = self.scope.filter(ImportBatch.objects.select_related("agency", "created_by"))
        return super().get_context_data(batches=batches[:50], **kwargs)

    def get(self, request, *args, **kwargs):
        form = UploadForm(agencies=self.agencies())
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = UploadForm(request.POST, request.FILES, agencies=self.agencies())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        agency = form.cleaned_data["agency"]
        upload, archive = form.cleaned_data["file"], form.cleaned_data["attachments"]
        data = upload.read()
        attachments = ZipAttachments(archive) if archive else NoAttachments()
        try:
            checked = batch_check(
                agency=agency, data=data, file_name=upload.name, attachments=attachments
            )
        except TableError as error:
            form.add_error("file", str(error))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        finally:
            attachments.close()
        if archive:
            archive.seek(0)
        batch = batch_record(
            agency=agency,
            user=request.user,
            checked=checked,
            file_name=upload.name,
            data=data,
            attachments_name=archive.name if archive else "",
            attachments_file=archive,
        )
        return redirect(f"{URL_NAMESPACE}:batch", batch.pk)


class BatchView(ImportAccessMixin, TemplateView):
    """The check of one file: counts, every row's problems, and the import's progress."""

    template_name = "disclosure_imports/batch.html"

    def get(self, request, batch_id: int):
        batch = self.get_batch(batch_id)
        self.page_title = _("目录导入：%(name)s") % {"name": batch.file_name}
        problems = Paginator(batch.problems, PROBLEMS_PER_PAGE).get_page(request.GET.get("p"))
        context = self.get_context_data(
            batch=batch,
            problems=problems,
            can_run=batch.status in (ImportBatch.Status.CHECKED, ImportBatch.Status.FAILED)
            and batch.to_import > 0,
            progress_url=reverse(f"{URL_NAMESPACE}:progress", args=[batch.pk]),
        )
        return self.render_to_response(context)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(f"{URL_NAMESPACE}:index"), "label": _("目录导入")},
            {"url": "", "label": self.page_title},
        ]

    def post(self, request, batch_id: int):
        batch = self.get_batch(batch_id)
        if batch.error_rows and request.POST.get("skip_errors") != "1":
            messages.error(
                request,
                _("有 %(count)s 行有错误：请改正后重新上传，或勾选“跳过有错误的行”再导入。")
                % {"count": batch.error_rows},
            )
            return redirect(f"{URL_NAMESPACE}:batch", batch.pk)
        # Started once, even if the button is pressed twice at the same moment.
        startable = (ImportBatch.Status.CHECKED, ImportBatch.Status.FAILED)
        started = ImportBatch.objects.filter(pk=batch.pk, status__in=startable).update(
            status=ImportBatch.Status.RUNNING
        )
        if not started:
            messages.warning(request, _("这个文件已在导入或已导入完成。"))
            return redirect(f"{URL_NAMESPACE}:batch", batch.pk)
        queue_after_commit(tasks.run_import, batch.pk)
        messages.success(request, _("已开始导入，本页显示进度。"))
        return redirect(f"{URL_NAMESPACE}:batch", batch.pk)


class BatchProgressView(ImportAccessMixin, TemplateView):
    def get(self, request, batch_id: int):
        batch = self.get_batch(batch_id)
        return JsonResponse(
            {
                "status": batch.status,
                "status_label": batch.get_status_display(),
                "imported": batch.imported,
                "total": batch.to_import + batch.already_imported,
                "last_error": batch.last_error,
            }
        )
