"""A three-node OpenSearch cluster (three nodes in one JVM, scripts/opensearch/Cluster.java)
with one replica of the index: stopping the node that holds the primary copy keeps search
answering, with complete results, through the nodes that remain."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from opensearchpy.exceptions import TransportError

from gov_disclosure.search.engines import current_engine
from gov_disclosure.search.queries import item_search
from gov_disclosure.search.services import index_rebuild
from tests.conftest import require_service
from tests.factories import ItemFactory
from tests.waiting import wait_for

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
BASE_HTTP_PORT = 9249  # node N answers on 9249 + N (the runner allows up to 9299)
PREFIX = "disclosure-test-cluster-"
ITEMS = 30


@pytest.fixture
def cluster(tmp_path):
    classpath_file = os.environ.get("OPENSEARCH_CLASSPATH_FILE", "")
    require_service(
        bool(shutil.which("java")) and Path(classpath_file).is_file(),
        "needs Java and the OpenSearch runner (scripts/services up; OPENSEARCH_CLASSPATH_FILE)",
    )
    process = subprocess.Popen(
        ["java", "-Xms1g", "-Xmx1g", "-cp", Path(classpath_file).read_text().strip(),
         str(ROOT / "scripts/opensearch/Cluster.java"), str(tmp_path / "cluster"), "3",
         str(BASE_HTTP_PORT)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip

    def command(line: str, answer: str) -> None:
        process.stdin.write(line + "\n")
        process.stdin.flush()
        while (output := process.stdout.readline()) and output.strip() != answer:
            pass
        assert output.strip() == answer, f"the cluster did not answer {answer!r}"

    try:
        while (line := process.stdout.readline()) and line.strip() != "ready":
            pass
        assert line.strip() == "ready", "the cluster did not start"
        yield command
    finally:
        if process.poll() is None:
            process.stdin.write("quit\n")
            process.stdin.close()
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()


def url(node: int) -> str:
    return f"http://127.0.0.1:{BASE_HTTP_PORT + node}"


def test_search_answers_completely_when_a_node_of_three_is_lost(
    cluster, disclosure_settings, category, department
):
    for n in range(ITEMS):
        ItemFactory(parent=category, publisher=department, live=True,
                    title=f"政府信息公开通知第{n}号", index_number=f"C/{n:03d}")  # fmt: skip
    disclosure_settings.SEARCH_URL = url(1).replace("http://", "opensearch://")
    disclosure_settings.SEARCH_INDEX_PREFIX = PREFIX
    disclosure_settings.SEARCH_INDEX_REPLICAS = 1
    index_rebuild()
    engine = current_engine()
    [index] = engine.indexes_behind_alias()
    health = engine.client.cluster.health(index=index, wait_for_status="green")
    assert health["status"] == "green"  # the primary and its replica on two nodes

    lost = primary_node_of(engine, index)
    survivor = 2 if lost == 1 else 1
    disclosure_settings.SEARCH_URL = url(survivor).replace("http://", "opensearch://")
    engine = current_engine()

    def hits() -> int:
        response = engine.execute(item_search(text="政府信息公开", index=engine.alias))
        return response["hits"]["total"]["value"]

    assert hits() == ITEMS
    cluster(f"stop {lost}", f"stopped {lost}")

    assert [hits() for _ in range(5)] == [ITEMS] * 5  # at once, and every time

    # The cluster learns of the loss within seconds (sooner when the lost node was not
    # the elected manager); until then its state still names the lost node.
    def promoted() -> bool:
        try:
            return primary_nodes_of(engine, index) not in ([], [lost])
        except TransportError:  # no manager elected yet, when the lost node was it
            return False

    wait_for(promoted, "the replica was not promoted", seconds=90)
    assert engine.client.cluster.health(index=index)["status"] in ("yellow", "green")
    assert hits() == ITEMS


def primary_nodes_of(engine, index: str) -> list[int]:
    shards = engine.client.cat.shards(index=index, format="json")
    return [
        int(shard["node"].rsplit(" ", 1)[1])
        for shard in shards
        if shard["prirep"] == "p" and shard["state"] == "STARTED"
    ]


def primary_node_of(engine, index: str) -> int:
    [node] = primary_nodes_of(engine, index)
    return node
