"""Importing a checked catalogue: its items created published, in chunks, through a recorded
import (logged per item in the 责任追究日志), without the review workflow.

Items are written in bulk, a chunk per transaction: the pages' tree paths are taken after the
category's last child (the category row locked), the page rows inserted at once, then their
item rows, revisions, attachments and log entries. Each chunk commits on its own, so an
interrupted import keeps what it finished; a rerun finds those rows by their 索引号 and goes on
with the rest.
"""

import datetime
import hashlib
import re
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import Value
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from wagtail.documents import get_document_model
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends

from gov_disclosure.pages.addresses import slug_not_taken
from gov_disclosure.pages.models import (
    DisclosureCategoryPage,
    DisclosureIndexPage,
    DisclosureItemPage,
    ItemAttachment,
)
from gov_disclosure.pages.public_changes import announce
from gov_disclosure.pages.selectors import disclosure_collection
from gov_disclosure.pages.services import index_number_matcher, index_sequences_catch_up
from gov_disclosure.security.audit_chain import entries_seal
from gov_disclosure.workcalendar.workdays import working_days_between

from .attachment_files import AttachmentSource, NoAttachments, ZipAttachments
from .models import ImportBatch
from .rows import CheckedImport, CheckedRow, rows_check
from .table import table_read

IMPORT = "disclosure_imports.import"
CHUNK_ROWS = 500
SHANGHAI = ZoneInfo("Asia/Shanghai")

# An item's own columns (its table, not wagtailcore_page), inserted as one statement.
_ITEM_FIELDS = [field for field in DisclosureItemPage._meta.local_concrete_fields]
_CHILD_RELATIONS = [rel.get_accessor_name() for rel in get_all_child_relations(DisclosureItemPage)]


@dataclass(frozen=True)
class ImportResult:
    imported: int
    skipped: int  # already imported (found by their 索引号)
    serials: dict[int, int]  # year → the 索引号 serial now last used


def batch_record(*, agency, user, checked: CheckedImport, file_name: str, data: bytes,
                 attachments_name: str = "", attachments_file=None) -> ImportBatch:  # fmt: skip
    """Keep the check of a file (and the files, for an import started later)."""
    batch = ImportBatch(
        agency=agency,
        created_by=user,
        file_name=file_name[:200],
        file_sha256=hashlib.sha256(data).hexdigest(),
        attachments_name=attachments_name[:200],
        total_rows=len(checked.rows),
        error_rows=checked.errors,
        to_import=len(checked.to_import),
        already_imported=checked.already_imported,
        problems=checked.problems(),
    )
    batch.source.save(f"{uuid.uuid4().hex}-{_safe_name(file_name)}", ContentFile(data), save=False)
    if attachments_file is not None:
        batch.attachments.save(f"{uuid.uuid4().hex}.zip", attachments_file, save=False)
    batch.save()
    return batch


def _safe_name(name: str) -> str:
    stem, _, extension = name.rpartition(".")
    return (slugify(stem) or "catalogue") + "." + (extension.lower() or "csv")


def _first_published(day: datetime.date) -> datetime.datetime:
    # 09:00 Beijing time on the 发布日期: the old system kept only the day.
    return datetime.datetime.combine(day, datetime.time(9), SHANGHAI)


class _Paths:
    """New tree paths and addresses under each category, taken after its last child."""

    def __init__(self, category: DisclosureCategoryPage):
        last = (
            Page.objects.filter(path__startswith=category.path, depth=category.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        self.category = category
        self.next_step = Page._str2int(last[-Page.steplen :]) + 1 if last else 1
        self.slugs = set(category.get_children().values_list("slug", flat=True))

    def path(self) -> str:
        path = Page._get_path(self.category.path, self.category.depth + 1, self.next_step)
        self.next_step += 1
        return path

    def slug(self, wanted: str) -> str:
        slug = slug_not_taken(wanted, self.slugs)
        self.slugs.add(slug)
        return slug


def _wanted_slug(index_number: str, matcher: re.Pattern) -> str:
    # As publication would: the 索引号's year and serial (2024-00012), when it has them.
    if match := matcher.match(index_number):
        return f"{int(match['year'])}-{int(match['serial']):05d}"
    return slugify(index_number.replace("/", "-")) or "item"


def _documents(rows: list[CheckedRow], attachments: AttachmentSource, user) -> dict:
    """The attachments' files as Wagtail documents in the disclosure collection."""
    Document = get_document_model()
    collection = disclosure_collection()
    documents = {}
    for row in rows:
        for key, title in row.attachments:
            if key in documents:
                continue
            name = key.rsplit("/", 1)[-1]
            document = Document(title=title, uploaded_by_user=user)
            if collection is not None:
                document.collection = collection
            document.file.save(name, ContentFile(attachments.read(key)), save=False)
            document._set_document_file_metadata()
            document.save()
            documents[key] = document
    return documents


def _chunk_import(*, batch: ImportBatch, rows: list[CheckedRow], attachments: AttachmentSource,
                  user, matcher: re.Pattern) -> list[int]:  # fmt: skip
    """Create one chunk's items; returns their ids (in the current transaction)."""
    item_type = ContentType.objects.get_for_model(DisclosureItemPage)
    page_type = ContentType.objects.get_for_model(Page)
    now = timezone.now()
    by_category: dict[int, list[CheckedRow]] = defaultdict(list)
    for row in rows:
        by_category[row.category.pk].append(row)
    categories = DisclosureCategoryPage.objects.select_for_update().in_bulk(list(by_category))
    documents = _documents(rows, attachments, user)
    items: list[tuple[CheckedRow, DisclosureItemPage]] = []
    for category_id, category_rows in by_category.items():
        category = categories[category_id]
        paths = _Paths(category)
        for row in category_rows:
            fields = row.fields
            first_published = _first_published(fields["publish_date"])
            item = DisclosureItemPage(
                **fields,
                content_type=item_type,
                path=paths.path(),
                depth=category.depth + 1,
                numchild=0,
                slug=paths.slug(_wanted_slug(row.index_number, matcher)),
                draft_title=fields["title"],
                live=True,
                has_unpublished_changes=False,
                first_published_at=first_published,
                last_published_at=first_published,
                latest_revision_created_at=now,
                owner=user,
                locale_id=category.locale_id,
                translation_key=uuid.uuid4(),
                publication_working_days=working_days_between(
                    fields["written_date"], fields["publish_date"]
                ),
            )
            item.url_path = f"{category.url_path}{item.slug}/"
            for relation in _CHILD_RELATIONS:  # new: none (else each is read for the revision)
                setattr(item, relation, [])
            item.attachments = [
                ItemAttachment(document=documents[key], title=title, sort_order=n)
                for n, (key, title) in enumerate(row.attachments)
            ]
            items.append((row, item))
        Page.objects.filter(pk=category_id).update(numchild=category.numchild + len(category_rows))
    pages = Page.objects.bulk_create([Page(**_page_values(item)) for _row, item in items])
    for (_row, item), page in zip(items, pages, strict=True):
        item.id = item.page_ptr_id = page.pk  # the page row's id, and the item row's key
        item.index_number = _as_values(item.index_number)
    DisclosureItemPage._base_manager._insert(
        [item for _row, item in items], fields=_ITEM_FIELDS, using=connection.alias
    )
    for row, item in items:
        item.index_number = row.index_number
    revisions = Revision.objects.bulk_create(
        Revision(
            content_type=item_type,
            base_content_type=page_type,
            object_id=str(item.pk),
            created_at=_as_values(now),
            user=user,
            object_str=item.title,
            content=item.serializable_data(),
        )
        for _row, item in items
    )
    for (_row, item), revision in zip(items, revisions, strict=True):
        item.latest_revision_id = item.live_revision_id = revision.pk
    Page.objects.bulk_update(
        [Page(pk=item.pk, latest_revision_id=item.latest_revision_id,
              live_revision_id=item.live_revision_id) for _row, item in items],
        ["latest_revision", "live_revision"],
    )  # fmt: skip
    attachment_rows = []
    for _row, item in items:
        for attachment in item.attachments.all():
            attachment.item_id = item.pk
            attachment_rows.append(attachment)
    ItemAttachment.objects.bulk_create(attachment_rows)
    action_id = uuid.uuid4()
    entries = PageLogEntry.objects.bulk_create(
        PageLogEntry(
            content_type=item_type,
            page_id=item.pk,
            label=item.title,
            action=IMPORT,
            data={
                "batch": batch.pk,
                "file": batch.file_name,
                "row": row.number,
                "index_number": row.index_number,
            },  # fmt: skip
            timestamp=now,
            uuid=action_id,
            user=user,
            revision_id=item.live_revision_id,
            content_changed=True,
        )
        for row, item in items
    )
    # bulk_create sends no post_save: the entries are sealed into the audit chain here.
    entries_seal("page", [entry.pk for entry in entries])
    for row, item in items:
        if row.attachments:
            # The files it uses (a document is public when a public page uses it). Bodies
            # come without internal links (``body_blocks`` keeps only href).
            ReferenceIndex.create_or_update_for_object(item)
    _redirects([(row.old_url, item) for row, item in items if row.old_url])
    _wagtail_search_add([item for _row, item in items])
    return [item.pk for _row, item in items]


def _wagtail_search_add(items: list[DisclosureItemPage]) -> None:
    """Wagtail's own search (the admin's page search), as its post_save handler would do:
    a bulk insert sends no signal. After the commit, as an engine outside the database
    must not hold what was rolled back."""

    def add():
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(DisclosureItemPage, items)

    transaction.on_commit(add)


def _as_values(value) -> Value:
    """``value`` as an expression: an insert with one is written as VALUES rows (quoted by
    the database driver's C code) instead of PostgreSQL's UNNEST of arrays, whose array
    literals psycopg quotes in Python, character by character (7 ms a row of a long body
    or revision, against 0.3)."""
    return Value(value)


def _page_values(item: DisclosureItemPage) -> dict:
    return {field.attname: getattr(item, field.attname) for field in Page._meta.concrete_fields
            if field.attname != "id"}  # fmt: skip


def _redirects(pairs) -> None:
    """The old system's addresses lead to the imported items (Wagtail's redirects, when the
    site has them)."""
    from django.apps import apps

    if not pairs or not apps.is_installed("wagtail.contrib.redirects"):
        return
    from wagtail.contrib.redirects.models import Redirect

    for url, item in pairs:
        old_path = Redirect.normalise_path(url)
        if old_path and old_path != "/":
            Redirect.objects.get_or_create(
                old_path=old_path, site=None, defaults={"redirect_page": item}
            )


def catalogue_import(
    *,
    batch: ImportBatch,
    checked: CheckedImport,
    attachments: AttachmentSource,
    user,
    progress: Callable[[int, int, str], None] | None = None,
    chunk_rows: int = CHUNK_ROWS,
) -> ImportResult:
    """Import the rows of ``checked`` that have no error and are not imported yet. Rows with
    errors are left out (the check named them)."""
    agency: DisclosureIndexPage = batch.agency
    matcher = index_number_matcher(agency=agency)
    rows = checked.to_import
    total = len(rows)
    # A resumed import's check finds what the interrupted run imported.
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.RUNNING,
        started_at=timezone.now(),
        last_error="",
        to_import=total,
        already_imported=checked.already_imported,
        imported=checked.already_imported,
    )
    imported = skipped = 0
    try:
        for start in range(0, total, chunk_rows):
            chunk = rows[start : start + chunk_rows]
            with transaction.atomic():
                # Imported meanwhile (another run, or this one before an interruption).
                done = set(
                    DisclosureItemPage.objects.filter(
                        index_number__in=[row.index_number for row in chunk]
                    ).values_list("index_number", flat=True)
                )
                todo = [row for row in chunk if row.index_number not in done]
                skipped += len(chunk) - len(todo)
                if todo:
                    ids = _chunk_import(
                        batch=batch, rows=todo, attachments=attachments, user=user, matcher=matcher
                    )
                    announce(ids)  # search, feed, renderings: after the commit
                imported += len(todo)
                ImportBatch.objects.filter(pk=batch.pk).update(
                    imported=checked.already_imported + imported + skipped
                )
            if progress:
                progress(start + len(chunk), total, chunk[-1].title)
    except BaseException as error:
        ImportBatch.objects.filter(pk=batch.pk).update(
            status=ImportBatch.Status.FAILED, last_error=str(error)[:2000] or type(error).__name__
        )
        raise
    serials = index_sequences_catch_up(
        agency=agency, numbers=[row.index_number for row in checked.rows if not row.errors]
    )
    ImportBatch.objects.filter(pk=batch.pk).update(
        status=ImportBatch.Status.DONE, finished_at=timezone.now()
    )
    return ImportResult(imported=imported, skipped=skipped + checked.already_imported,
                        serials=serials)  # fmt: skip


def batch_check(*, agency, data: bytes, file_name: str, attachments) -> CheckedImport:
    """Read and check an exported catalogue (``TableError`` if it cannot be read)."""
    return rows_check(
        agency=agency, table=table_read(data, name=file_name), attachments=attachments
    )


def batch_run(*, batch_id: int) -> int:
    """Import a recorded batch from its kept files, checking its rows again against the
    catalogue as it is now (what was imported meanwhile is skipped)."""
    batch = ImportBatch.objects.select_related("agency", "created_by").get(pk=batch_id)
    if batch.status == ImportBatch.Status.DONE:
        return 0
    with batch.source.open("rb") as source:
        data = source.read()
    archive = batch.attachments.open("rb") if batch.attachments else None
    attachments = ZipAttachments(archive) if archive else NoAttachments()
    try:
        checked = batch_check(
            agency=batch.agency, data=data, file_name=batch.file_name, attachments=attachments
        )
        result = catalogue_import(
            batch=batch, checked=checked, attachments=attachments, user=batch.created_by
        )
    finally:
        attachments.close()
        if archive:
            archive.close()
    return result.imported
