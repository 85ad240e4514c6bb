"""PostgreSQL restarts under load: gunicorn's workers reconnect by themselves.

To the app a restart is every connection cut at once and new ones refused until the
server is back; a TCP gate in front of the test database does exactly that, without
stopping the server the rest of the suite uses."""

import http.client
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.db import connection

from tests.gate import Gate
from tests.waiting import wait_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def database_gate(postgres):
    db = connection.settings_dict
    gate = Gate(db["HOST"], int(db["PORT"]))
    gate.open()
    yield gate
    gate.close()
    gate.shut()


@pytest.fixture
def server(database_gate, unused_port):
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@127.0.0.1:{database_gate.port}/{db['NAME']}",
        "DATABASE_CONN_MAX_AGE": "600",  # persistent connections: the ones a restart breaks
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "-b", f"127.0.0.1:{unused_port}",
         "-w", "2", "--threads", "2", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    wait_for(lambda: _status(unused_port, "/healthz") == 200, "gunicorn did not start")
    yield unused_port
    process.terminate()
    process.wait(timeout=30)


@pytest.fixture
def unused_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _status(port: int, path: str) -> int | None:
    try:
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        client.request("GET", path)
        return client.getresponse().status
    except OSError:
        return None


class Load:
    """Clients requesting the item page and /healthz without pause, recording statuses."""

    def __init__(self, port: int, paths: list[str], clients: int = 4):
        self.results: list[tuple[float, int | None]] = []
        self._running = True
        self._threads = [
            threading.Thread(target=self._run, args=(port, paths), daemon=True)
            for _ in range(clients)
        ]
        for thread in self._threads:
            thread.start()

    def _run(self, port, paths):
        while self._running:
            for path in paths:
                self.results.append((time.monotonic(), _status(port, path)))

    def stop(self):
        self._running = False
        for thread in self._threads:
            thread.join(timeout=30)

    def since(self, moment: float) -> list[int | None]:
        return [status for at, status in self.results if at >= moment]


def test_the_app_reconnects_after_a_database_restart_under_load(
    server, database_gate, site_root, make_item, publish
):
    item = publish(make_item(title="数据库重启前后都能访问的信息"))
    load = Load(server, [item.url, "/healthz"])
    try:
        wait_for(lambda: load.since(0).count(200) >= 20, "no successful requests before")

        database_gate.close()  # the server goes down: every connection is cut
        down = time.monotonic()
        time.sleep(3)
        database_gate.open()  # and comes back
        back = time.monotonic()

        def recovered() -> bool:
            statuses = load.since(back + 1)
            return len(statuses) >= 40 and set(statuses[-40:]) == {200}

        wait_for(recovered, "the app did not recover after the database came back", seconds=30)
    finally:
        load.stop()

    during = load.since(down)
    assert any(status != 200 for status in during[: len(during) // 2])  # the outage was felt
    assert None not in load.since(back + 1)  # no request hung or was dropped after
