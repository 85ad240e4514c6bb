"""manage.py search_reindex: a whole new index, switched in at once, with progress."""

import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.documents import get_document_model

from gov_disclosure.pages.models import ItemAttachment
from tests.search.conftest import all_indexes, titles

pytestmark = pytest.mark.django_db


def test_reindex_loads_every_live_item_and_shows_progress(engine, make_item, publish):
    for n in range(3):
        publish(make_item(title=f"政府信息公开第{n}号"))
    make_item(title="政府信息公开草稿")
    engine.indexes_drop()

    output = io.StringIO()
    call_command("search_reindex", stdout=output)

    assert sorted(titles(engine, "政府信息公开")) == [f"政府信息公开第{n}号" for n in range(3)]
    assert "[3/3]" in output.getvalue() and "写入 3 条" in output.getvalue()
    assert len(engine.indexes_behind_alias()) == 1


def test_a_failed_rebuild_leaves_the_old_index_in_service(engine, make_item, publish):
    publish(make_item(title="原有的预算信息"))
    call_command("search_reindex", stdout=io.StringIO())
    before = engine.indexes_behind_alias()

    # An attachment whose file has gone missing from storage breaks the rebuild for real.
    broken = make_item(title="附件丢失的预算信息")
    document = get_document_model()(title="丢失的附件")
    document.file.save("lost.txt", ContentFile(b"budget"), save=True)
    broken.attachments.add(ItemAttachment(document=document))
    publish(broken)
    document.file.storage.delete(document.file.name)

    with pytest.raises(FileNotFoundError):
        call_command("search_reindex", stdout=io.StringIO())

    assert engine.indexes_behind_alias() == before
    assert titles(engine, "预算") == ["原有的预算信息"]
    assert all_indexes(engine) == set(before)


def test_old_indexes_are_removed_after_the_switch(engine, make_item, publish):
    publish(make_item(title="预算公开"))
    call_command("search_reindex", stdout=io.StringIO())
    first = engine.indexes_behind_alias()

    call_command("search_reindex", stdout=io.StringIO())

    assert engine.indexes_behind_alias() != first
    assert all_indexes(engine) == set(engine.indexes_behind_alias())
    assert titles(engine, "预算") == ["预算公开"]


def test_a_build_left_unfinished_by_a_killed_rebuild_is_cleared_by_the_next(
    engine, make_item, publish
):
    publish(make_item(title="预算公开"))
    abandoned = engine.index_create()  # a rebuild killed before it could switch or clean up

    call_command("search_reindex", stdout=io.StringIO())

    assert abandoned not in all_indexes(engine)
    assert all_indexes(engine) == set(engine.indexes_behind_alias())
