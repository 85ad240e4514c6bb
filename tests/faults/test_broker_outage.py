"""Redis, the Celery broker, goes away while editors publish and citizens write: every
change is kept and nobody sees an error. Mails and the automated review checks run in the
web process instead; the search index catches up through the nightly reconcile, which a
real worker runs once the broker is back."""

import os
from urllib.parse import urlsplit

import pytest
from django.urls import reverse

from gov_disclosure.letters.models import Letter
from gov_disclosure.review.models import RevisionCheck
from gov_disclosure.search.engines.opensearch import OpenSearchEngine
from gov_disclosure.search.services import index_reconcile
from gov_disclosure.search.tasks import reconcile_index
from tests.celery_app import app
from tests.conftest import _broker_reachable, require_service
from tests.gate import Gate
from tests.letters.conftest import letter_form
from tests.search.test_opensearch_node import OPENSEARCH_URL, node_reachable
from tests.waiting import wait_for
from tests.workflow import publish_through_workflow

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PREFIX = "disclosure-test-broker-"


@pytest.fixture
def broker_gate(monkeypatch, disclosure_settings):
    """The broker behind a gate, for this process and for the worker started after it."""
    broker = os.environ.get("CELERY_BROKER_URL")
    require_service(_broker_reachable(broker), "needs Redis (CELERY_BROKER_URL)")
    require_service(node_reachable(), "needs OpenSearch (OPENSEARCH_URL; scripts/services up)")
    target = urlsplit(broker)
    gate = Gate(target.hostname, target.port)
    gate.open()
    gated = f"redis://127.0.0.1:{gate.port}{target.path}"
    search_url = OPENSEARCH_URL.replace("http://", "opensearch://")
    for name, value in (
        ("CELERY_BROKER_URL", gated),
        ("SEARCH_URL", search_url),
        ("SEARCH_INDEX_PREFIX", PREFIX),
    ):
        monkeypatch.setenv(name, value)
    disclosure_settings.SEARCH_URL, disclosure_settings.SEARCH_INDEX_PREFIX = search_url, PREFIX
    use_broker(gated)
    yield gate
    gate.close()
    gate.shut()
    use_broker(broker)
    OpenSearchEngine(OPENSEARCH_URL).indexes_drop()


def use_broker(url: str) -> None:
    """Point this process's producers at ``url``: Celery forgets its pool of connections
    (in the two places it keeps it; there is no public way short of app.close(), which also
    unregisters the app and its tasks) and takes kombu's pool for ``url``. The pools stay
    open: kombu keeps one per broker address for the whole process, and later tests reuse
    the real broker's. The gate cuts the connections made through it."""
    app.conf.broker_url = url
    app._pool = None
    app.amqp._producer_pool = None


def test_with_the_broker_down_publishing_and_letters_succeed_and_the_index_catches_up(
    broker_gate, celery_worker, client, site_root, make_item, disclosure_settings, mailoutbox
):
    disclosure_settings.PUBLIC_FORM_MIN_FILL_SECONDS = 0
    engine = OpenSearchEngine(OPENSEARCH_URL)
    engine.indexes_drop()
    engine.alias_ensure()
    item = make_item(title="停机期间发布的政府信息公开通知")

    broker_gate.close()  # Redis goes away, also for the running worker
    item = publish_through_workflow(item)
    written = client.post(reverse("disclosure_letters:write", args=[site_root.pk]), letter_form())

    assert item.live and item.index_number
    assert RevisionCheck.objects.filter(revision__object_id=str(item.pk)).exists()
    assert written.status_code == 302
    letter = Letter.objects.get()
    assert any(letter.tracking_code in mail.body for mail in mailoutbox)  # the receipt
    assert broker_gate.refused > 0
    assert str(item.pk) not in engine.document_fingerprints()

    broker_gate.open()  # Redis is back; the worker reconnects by itself
    reconcile_index.delay()  # what the nightly beat sends

    wait_for(
        lambda: str(item.pk) in engine.document_fingerprints(),
        "the nightly reconcile did not index the item published while the broker was down",
        seconds=90,
    )
    assert index_reconcile().total == 0
