"""An office switching from another system: its export checked row by row (nothing written),
then imported with its 索引号, dates and attachments, published through a recorded import;
a rerun changes nothing, an interrupted import resumes, new numbers continue after the old."""

import datetime
import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import PageLogEntry, Revision, WorkflowState

from gov_disclosure.imports.attachment_files import attachment_source
from gov_disclosure.imports.models import ImportBatch
from gov_disclosure.imports.rows import rows_check
from gov_disclosure.imports.services import batch_record, catalogue_import
from gov_disclosure.imports.table import table_read
from gov_disclosure.pages.models import DisclosureItemPage
from tests.imports.conftest import HEADERS, csv_bytes, row
from tests.workflow import publish_through_workflow

pytestmark = pytest.mark.django_db


def run(path, office, *options, attachments=None) -> str:
    out = io.StringIO()
    extra = ["--attachments", str(attachments)] if attachments else []
    call_command(
        "import_catalogue", str(path), "--agency", office.agency.slug, "--user", "office",
        *extra, *options, stdout=out,
    )  # fmt: skip
    return out.getvalue()


def test_dry_run_names_every_problem_of_every_row_and_writes_nothing(office, export_file, tmp_path):
    rows = [
        row(office, 1),
        row(office, 2, 分类="不存在的分类", 成文日期="2024-13-01"),
        row(office, 3, 发布机构="不存在的科室", 发布日期="2024-02-01"),
        row(office, 1, 名称="重复的索引号"),
        row(office, 5, 索引号="", 名称=""),
        row(office, 6, 有效性="已废止"),
        row(office, 7, 附件="不存在的附件.pdf"),
        row(office, 9, 附件="病毒.exe"),
        row(office, 8, 主题分类="民生", 文号="庄街[2024]8号", 内容概述=""),
    ]
    path = export_file(csv_bytes(rows))
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / "病毒.exe").write_bytes(b"MZ")

    with pytest.raises(CommandError, match="7 行有错误"):
        run(path, office, "--dry-run", attachments=tmp_path / "files")
    report = run_report(path, office, attachments=tmp_path / "files")

    assert "第 3 行" in report and "分类：本机关没有分类“不存在的分类”" in report
    assert "成文日期：“2024-13-01”不是日期，请写成 2024-03-01。" in report
    assert "发布机构：本机关没有部门“不存在的科室”，请先在“部门”中添加。" in report
    assert "成文日期：成文日期（2024-03-01）不能晚于发布日期（2024-02-01）。" in report
    assert "第 5 行" in report and "索引号：与第 2 行重复。" in report
    assert "第 6 行（无索引号） 错误 索引号：必须填写。" in report
    assert "第 6 行（无索引号） 错误 名称：必须填写。" in report
    assert "废止日期：有效性为“已废止”时须填写废止日期。" in report
    assert "附件：找不到文件“不存在的附件.pdf”。" in report
    assert "附件：“病毒.exe”不是允许的文件类型" in report
    # Warnings do not stop a row: it is imported as the message says.
    assert "主题分类：“民生”不是主题分类，按“其他”导入。" in report
    assert "文号：不符合 GB/T 9704 的写法，按原样保留。" in report
    assert "内容概述：未填写，取自正文开头。" in report
    assert not DisclosureItemPage.objects.exists() and not ImportBatch.objects.exists()


def run_report(path, office, attachments) -> str:
    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command(
            "import_catalogue", str(path), "--agency", office.agency.slug, "--user", "office",
            "--attachments", str(attachments), "--dry-run", stdout=out,
        )  # fmt: skip
    return out.getvalue()


def pdf(text: str) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    page = canvas.Canvas(buffer)
    page.drawString(72, 720, text)
    page.save()
    return buffer.getvalue()


def test_import_keeps_numbers_dates_and_validity_and_publishes_without_review(
    office, export_file, client, tmp_path
):
    folder = tmp_path / "files"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "实施方案.pdf").write_bytes(pdf("plan"))
    rows = [
        row(office, 1, 附件="2024/实施方案.pdf"),
        row(office, 2, 分类="财政信息", 有效性="废止", 废止日期="2024-06-30", 体裁分类=""),
        row(office, 3, 索引号="ZSJD-2019-0007", 发布日期="2019年5月6日", 成文日期="20190430"),
    ]
    path = export_file(csv_bytes(rows))

    output = run(path, office, attachments=folder)

    items = {i.index_number: i for i in DisclosureItemPage.objects.live()}
    first = items[f"{office.agency.org_code}/2024-00001"]
    second = items[f"{office.agency.org_code}/2024-00002"]
    old = items["ZSJD-2019-0007"]
    assert "导入 3 条" in output
    assert str(first.publish_date) == "2024-03-05" and str(old.publish_date) == "2019-05-06"
    assert first.get_parent().pk == office.category_a.pk
    assert second.get_parent().pk == office.category_b.pk and second.validity == "已废止"
    assert second.genre == "其他"
    assert first.url_path.endswith("/2024-00001/")
    assert first.publication_working_days == 2  # Friday 03-01 → Tuesday 03-05
    assert "<script>" not in str(first.body) and "具体安排如下" in str(first.body)
    assert not WorkflowState.objects.exists()
    [entry] = PageLogEntry.objects.filter(page=first, action="disclosure_imports.import")
    assert entry.user.username == "office" and entry.data["row"] == 2
    assert (
        first.live_revision_id
        == first.latest_revision_id
        == Revision.objects.get(object_id=str(first.pk)).pk
    )
    # The public sees it, with its attachment.
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.root_page = office.agency
    site.save()
    page = client.get(first.url)
    assert page.status_code == 200 and first.index_number in page.content.decode()
    [attachment] = first.attachments.all()
    assert attachment.display_title == "实施方案"
    assert client.get(attachment.document.url).status_code == 200


def test_importing_again_changes_nothing(office, export_file):
    path = export_file(csv_bytes([row(office, n) for n in range(1, 4)]))
    run(path, office)
    before = (
        list(DisclosureItemPage.objects.order_by("pk").values_list("pk", "index_number", "path")),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
    )

    output = run(path, office)

    after = (
        list(DisclosureItemPage.objects.order_by("pk").values_list("pk", "index_number", "path")),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
    )
    assert after == before
    assert "导入 0 条；此前已导入 3 条" in output


def test_an_interrupted_import_resumes_where_it_stopped(office, export_file):
    data = csv_bytes([row(office, n) for n in range(1, 8)])
    table = table_read(data, name="export.csv")
    attachments = attachment_source(None)

    def check():
        return rows_check(agency=office.agency, table=table, attachments=attachments)

    checked = check()
    batch = batch_record(
        agency=office.agency, user=office.users["office"], checked=checked,
        file_name="export.csv", data=data,
    )  # fmt: skip

    def stop_after_first_chunk(done, total, label):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        catalogue_import(
            batch=batch, checked=checked, attachments=attachments, user=office.users["office"],
            progress=stop_after_first_chunk, chunk_rows=3,
        )  # fmt: skip
    batch.refresh_from_db()
    assert batch.status == "failed" and DisclosureItemPage.objects.count() == 3

    result = catalogue_import(
        batch=batch, checked=check(), attachments=attachments, user=office.users["office"],
        chunk_rows=3,
    )  # fmt: skip

    numbers = sorted(DisclosureItemPage.objects.values_list("index_number", flat=True))
    assert numbers == [f"{office.agency.org_code}/2024-{n:05d}" for n in range(1, 8)]
    assert (result.imported, result.skipped) == (4, 3)
    batch.refresh_from_db()
    assert batch.status == "done" and batch.imported == 7


def test_new_numbers_continue_after_the_imported_ones(office, export_file):
    run(export_file(csv_bytes([row(office, 41), row(office, 42)])), office)
    item = office.item(
        title="导入后新发布的信息",
        written_date=datetime.date(2024, 6, 3),
        publish_date=datetime.date(2024, 6, 4),
    )

    item = publish_through_workflow(item)

    assert item.index_number == f"{office.agency.org_code}/2024-00043"


def test_rows_with_errors_are_refused_unless_skipped(office, export_file):
    path = export_file(csv_bytes([row(office, 1), row(office, 2, 分类="不存在的分类")]))

    with pytest.raises(CommandError, match="1 行有错误，未导入"):
        run(path, office)
    assert not DisclosureItemPage.objects.exists()

    output = run(path, office, "--skip-errors")

    assert "导入 1 条" in output and "有错误未导入 1 行" in output
    assert DisclosureItemPage.objects.count() == 1


def test_another_agencys_number_is_an_error(office, other_office, export_file):
    run(export_file(csv_bytes([row(office, 1)])), office)
    out = io.StringIO()

    with pytest.raises(CommandError):
        call_command(
            "import_catalogue", str(export_file(csv_bytes([row(office, 1, 分类="04")]))),
            "--agency", other_office.agency.slug, "--user", "b-office", "--dry-run", stdout=out,
        )  # fmt: skip

    assert "索引号：已被其他机关的信息使用。" in out.getvalue()


def test_gbk_csv_and_xlsx_exports_are_read(office, export_file):
    from openpyxl import Workbook

    gbk = export_file(csv_bytes([row(office, 1)], encoding="gb18030"), name="gbk.csv")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["信息索引号", "标题", "栏目", "发文机关", "生成日期", "公开日期"])
    number = f"{office.agency.org_code}/2024-00002"
    written = datetime.datetime(2024, 3, 1)
    sheet.append([number, "Excel 导出的信息", "工作动态", office.department_a.name, written,
                  "2024-03-05"])  # fmt: skip
    buffer = io.BytesIO()
    workbook.save(buffer)
    xlsx = export_file(buffer.getvalue(), name="export.xlsx")

    run(gbk, office)
    run(xlsx, office)

    titles = set(DisclosureItemPage.objects.values_list("title", flat=True))
    assert titles == {"关于做好第1批惠民工作的通知", "Excel 导出的信息"}


def test_a_file_without_the_required_columns_is_refused(office, export_file):
    path = export_file(csv_bytes([{"名称": "x"}], headers=["名称", "正文"]))

    with pytest.raises(
        CommandError, match="缺少必需的列：索引号、分类、发布机构、成文日期、发布日期"
    ):
        run(path, office, "--dry-run")


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_office_uploads_checks_and_imports_in_the_admin(
    office, client, django_capture_on_commit_callbacks
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(office.users["office"])
    rows = [row(office, 1, 附件="通知附件.pdf"), row(office, 2, 分类="没有的分类")]
    upload = {
        "agency": office.agency.pk,
        "file": SimpleUploadedFile("export.csv", csv_bytes(rows)),
        "attachments": SimpleUploadedFile("files.zip", zip_of({"通知附件.pdf": pdf("a")})),
    }

    checked = client.post("/admin/catalogue-import/", upload)
    batch = ImportBatch.objects.get()
    page = client.get(checked.url).content.decode()
    refused = client.post(checked.url)
    assert "分类：本机关没有分类“没有的分类”" in page and not DisclosureItemPage.objects.exists()
    assert refused.status_code == 302 and not DisclosureItemPage.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):  # the import task, after commit
        started = client.post(checked.url, {"skip_errors": "1"})

    batch.refresh_from_db()
    assert started.status_code == 302 and batch.status == "done" and batch.imported == 1
    [item] = DisclosureItemPage.objects.all()
    assert item.attachments.get().document.title == "通知附件"
    again = client.post(checked.url, {"skip_errors": "1"}, follow=True)
    assert "这个文件已在导入或已导入完成。" in again.content.decode()
    assert DisclosureItemPage.objects.count() == 1
    progress = client.get(f"/admin/catalogue-import/{batch.pk}/progress/").json()
    assert progress == {"status": "done", "status_label": "已完成", "imported": 1, "total": 1,
                        "last_error": ""}  # fmt: skip


def test_a_bad_upload_gets_a_chinese_error_next_to_the_field(office, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(office.users["office"])

    response = client.post(
        "/admin/catalogue-import/",
        {"agency": office.agency.pk, "file": SimpleUploadedFile("export.doc", b"x")},
    )

    assert response.status_code == 400
    assert response.context["form"].errors["file"] == ["只能导入 CSV 或 XLSX 文件。"]


def test_only_the_office_imports_and_sees_only_its_own_batches(office, other_office, client):
    from tests.review.conftest import is_denied

    batch = batch_record(
        agency=office.agency, user=office.users["office"],
        checked=rows_check(agency=office.agency, table=table_read(csv_bytes([row(office, 1)]),
                           name="e.csv"), attachments=attachment_source(None)),
        file_name="e.csv", data=b"x",
    )  # fmt: skip
    for user in (office.users["officer"], office.users["supervisor"]):
        client.force_login(user)
        assert is_denied(client.get("/admin/catalogue-import/"))
    client.force_login(other_office.users["office"])
    assert is_denied(client.get(f"/admin/catalogue-import/{batch.pk}/"))
    assert is_denied(client.post(f"/admin/catalogue-import/{batch.pk}/"))
    assert "e.csv" not in client.get("/admin/catalogue-import/").content.decode()


def test_imported_items_reach_the_search_and_the_feed(
    office, export_file, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        run(export_file(csv_bytes([row(office, n) for n in (1, 2)])), office)

    found = client.get("/api/search/", {"q": "惠民工作"}).json()
    feed = client.get("/api/disclosure/v1/items/").json()

    assert {hit["title"] for hit in found["hits"]} == {
        "关于做好第1批惠民工作的通知",
        "关于做好第2批惠民工作的通知",
    }
    assert sorted(r["index_number"] for r in feed["results"]) == [
        f"{office.agency.org_code}/2024-00001",
        f"{office.agency.org_code}/2024-00002",
    ]


def test_the_old_address_leads_to_the_imported_item(office, export_file, client):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    site.root_page = office.agency
    site.save()
    old = "http://www.old-system.gov.cn/art/2024/3/5/art_1229_5812.html"
    path = export_file(csv_bytes([row(office, 1, 原网址=old)], headers=[*HEADERS, "原网址"]))

    run(path, office)

    item = DisclosureItemPage.objects.get()
    response = client.get("/art/2024/3/5/art_1229_5812.html")
    assert response.status_code == 301 and response.url.endswith(item.url)


def test_an_imported_item_opens_in_the_editor_and_its_history_says_imported(
    office, export_file, client
):
    run(export_file(csv_bytes([row(office, 1)])), office)
    item = DisclosureItemPage.objects.get()
    client.force_login(office.users["office"])

    editor = client.get(f"/admin/pages/{item.pk}/edit/")
    history = client.get(f"/admin/pages/{item.pk}/history/")

    assert editor.status_code == 200 and item.index_number in editor.content.decode()
    assert Revision.objects.get(object_id=str(item.pk)).content["pk"] == item.pk
    assert "从其他系统导入（不经审核流程）" in history.content.decode()
    # Changed later, it goes through the review like any item and keeps its number.
    from tests.review.conftest import edit_post

    assert edit_post(client, item, title="关于做好第1批惠民工作的通知（修订）").status_code == 302
    item = publish_through_workflow(
        DisclosureItemPage.objects.get(pk=item.pk).get_latest_revision_as_object()
    )
    assert item.title.endswith("（修订）") and item.index_number.endswith("/2024-00001")


def test_the_admins_page_search_finds_imported_items(
    office, export_file, settings, django_capture_on_commit_callbacks
):
    # A `wagtail start` site's backend, which keeps an index (the reference site's does not).
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

    with django_capture_on_commit_callbacks(execute=True):
        run(export_file(csv_bytes([row(office, 7, 名称="Zhuangshi 惠民工作通知")])), office)

    found = DisclosureItemPage.objects.search("Zhuangshi")
    assert [page.title for page in found] == ["Zhuangshi 惠民工作通知"]


def test_the_import_is_in_the_accountability_log_the_supervisor_reads(
    office, other_office, export_file, client
):
    import csv as csv_module

    run(export_file(csv_bytes([row(office, 1)])), office)

    def log_rows(user):
        client.force_login(user)
        response = client.get(
            "/admin/review/log/", {"export": "csv", "action": "disclosure_imports.import"}
        )
        content = b"".join(response.streaming_content) if response.streaming else response.content
        return list(csv_module.reader(io.StringIO(content.decode("utf-8-sig"))))[1:]

    [entry] = log_rows(office.users["supervisor"])
    assert "office" in entry and "关于做好第1批惠民工作的通知" in entry
    assert log_rows(other_office.users["supervisor"]) == []
