"""A small HTTP proxy that lets the Elasticsearch 8 client talk to the OpenSearch node.

No Elasticsearch 8 distribution can be installed on this machine (Maven Central's
cluster runner stops at 7.10, and the client refuses anything but Elasticsearch).
The proxy turns the client's versioned media types into plain JSON and marks the
answers as Elasticsearch's, so the Elasticsearch engine's own calls (keyword
arguments, ``options``, ``msearch(searches=…)``) run against a real engine that
speaks the same REST API for everything this project uses.
"""

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MEDIA_TYPES = {"x-ndjson": "application/x-ndjson", "json": "application/json"}


def _plain(media_type: str) -> str:
    return MEDIA_TYPES["x-ndjson" if "ndjson" in media_type else "json"]


class ElasticsearchCompat:
    def __init__(self, target_host: str, target_port: int):
        target = (target_host, target_port)

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _forward(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                headers = {"Content-Type": _plain(self.headers.get("Content-Type", ""))}
                upstream = http.client.HTTPConnection(*target, timeout=60)
                upstream.request(self.command, self.path, body=body, headers=headers)
                response = upstream.getresponse()
                payload = response.read()
                self.send_response(response.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("X-Elastic-Product", "Elasticsearch")
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(payload)
                upstream.close()

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def shut(self) -> None:
        self.server.shutdown()
        self.server.server_close()
