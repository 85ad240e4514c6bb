"""A stand-in subdistrict site whose feed answers whatever a test sets: for the records
and answers a real site never sends."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

REPORTS_PATH = "/api/disclosure/v1/reports/"
FIGURES_PATH = "/api/disclosure/v1/assessment-figures/"


class FakeSource:
    """A site that answers the feed URL with whatever the test sets."""

    def __init__(self):
        self.status, self.body = 200, b"{}"
        # Answers for particular paths, (status, body); the rest get status and body.
        # Like a site of an earlier release, it has no reports until a test gives some.
        self.routes: dict[str, tuple[int, bytes]] = {
            REPORTS_PATH: (404, b'{"detail": "Not found."}'),
            FIGURES_PATH: (404, b'{"detail": "Not found."}'),
        }
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                status, body = owner.routes.get(self.path.split("?")[0], (owner.status, owner.body))
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def answer(self, results, *, status=200, version="1.0", has_more=False):
        self.status = status
        self.body = json.dumps(
            {"schema_version": version, "has_more": has_more, "next_cursor": "c1", "next": None,
             "results": results},
            ensure_ascii=False,
        ).encode()  # fmt: skip

    def answer_reports(self, results, *, status=200):
        """What /api/disclosure/v1/reports/ answers (404: a site without it)."""
        body = json.dumps({"schema_version": "1.0", "results": results}, ensure_ascii=False)
        self.routes[REPORTS_PATH] = (status, body.encode())

    def answer_figures(self, page: dict, *, status=200):
        """What /api/disclosure/v1/assessment-figures/ answers (whatever the year asked)."""
        self.routes[FIGURES_PATH] = (status, json.dumps(page, ensure_ascii=False).encode())


def record_of(item) -> dict:
    """The record a real feed sends for ``item``."""
    from django.utils import timezone

    from gov_disclosure.api.records import RecordBuilder

    return {**RecordBuilder().build(item).record, "updated_at": timezone.now().isoformat()}


def upsert(record: dict) -> dict:
    return {"id": record["id"], "action": "upsert", "changed_at": record["updated_at"],
            "reason": None, "item": record}  # fmt: skip


def delete(record: dict, reason: str = "unpublished") -> dict:
    return {"id": record["id"], "action": "delete", "changed_at": record["updated_at"],
            "reason": reason, "item": None}  # fmt: skip


@pytest.fixture
def fake_source():
    source = FakeSource()
    yield source
    source.server.shutdown()
