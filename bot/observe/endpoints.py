"""The operators' HTTP endpoint of the daemon: /metrics (Prometheus text format) and /healthz.

Bound to 127.0.0.1 unless told otherwise; it serves nothing else and reads nothing from the request.
/healthz answers 200 with the checks as JSON, or 503 naming the failed ones (scheduler stuck, archive
not writable).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

CONTENT_TYPE_METRICS = "text/plain; version=0.0.4; charset=utf-8"


class ObserveServer:
    def __init__(self, host: str, port: int, metrics, health: Callable[[], dict]):
        handler = _handler(metrics, health)
        self.httpd = ThreadingHTTPServer((host, port), handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="observe", daemon=True)

    def start(self) -> ObserveServer:
        self.thread.start()
        return self

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def _handler(metrics, health):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format, *args):  # noqa: A002 - access logs would drown the bot's own log
            pass

        def do_GET(self):
            if self.path.split("?")[0] == "/metrics":
                return self._send(200, CONTENT_TYPE_METRICS, metrics.exposition())
            if self.path.split("?")[0] == "/healthz":
                checks = health()
                ok = all(check["ok"] for check in checks.values())
                body = json.dumps({"status": "ok" if ok else "unhealthy", "checks": checks}).encode()
                return self._send(200 if ok else 503, "application/json", body)
            return self._send(404, "text/plain", b"not found\n")

        def _send(self, status: int, content_type: str, body: bytes) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler
