"""A real HTTP server on 127.0.0.1 (port 0) in a thread, scripted by the test.

Subclasses answer routes in :meth:`FakeServer.respond`; this base records every request,
counts requests in flight, and offers the slow and failing behaviours the LLM tests need.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self

log = logging.getLogger(__name__)

DEFAULT_TOKENS = ("Hello", ",", " how", " can", " I", " help?")


@dataclass
class Script:
    """How the server answers chat requests; tests change it between calls."""

    tokens: list[str] = field(default_factory=lambda: list(DEFAULT_TOKENS))
    status: int = 200
    delay_s: float = 0.0  # before the response starts
    token_delay_s: float = 0.0  # between streamed chunks

    @property
    def text(self) -> str:
        return "".join(self.tokens)


@dataclass
class Recorded:
    method: str
    path: str
    body: Any
    headers: dict[str, str]


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self._dispatch("GET")

    def do_POST(self) -> None:
        self._dispatch("POST")

    def _dispatch(self, method: str) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        body = json.loads(raw) if raw else None
        fake = self.server.fake
        headers = {key.lower(): value for key, value in self.headers.items()}
        fake.requests.append(Recorded(method, self.path, body, headers))
        try:
            fake.respond(self, method, self.path.split("?")[0], body)
        except (BrokenPipeError, ConnectionResetError):
            log.debug("client went away during %s %s", method, self.path)

    def send_json(self, status: int, payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def start_stream(self, content_type: str) -> None:
        # HTTP/1.0 without a length: the body ends when the connection closes.
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.end_headers()

    def write_chunk(self, data: bytes) -> None:
        self.wfile.write(data)
        self.wfile.flush()

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("fake server: " + format, *args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        log.debug("fake server: error while handling %s", client_address, exc_info=True)


class FakeServer:
    """Context manager: ``with OllamaServer() as server: ... server.url ...``."""

    def __init__(self, *, model: str = "fake-model") -> None:
        self.model = model
        self.script = Script()
        self.requests: list[Recorded] = []
        self.max_in_flight = 0
        self._in_flight = 0
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd = _Server(("127.0.0.1", 0), _Handler)
        self._httpd.fake = self
        # A short poll interval keeps shutdown (and so each test) fast.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def chat_requests(self) -> list[Recorded]:
        return [r for r in self.requests if r.method == "POST" and "chat" in r.path]

    def respond(self, handler: _Handler, method: str, path: str, body: Any) -> None:
        raise NotImplementedError

    def pause(self, seconds: float) -> None:
        """Sleep, but wake at once when the server stops, so tests end quickly."""
        if seconds > 0:
            self._stopping.wait(seconds)

    def think(self, seconds: float) -> None:
        """The model at work on a request before its reply starts: what ``max_in_flight``
        counts. (Counted over the whole handler, a request arriving the moment the last
        reply was read could overlap a handler thread not yet finished, under load.)"""
        with self.in_flight():
            self.pause(seconds)

    @contextmanager
    def in_flight(self) -> Iterator[None]:
        with self._lock:
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            yield
        finally:
            with self._lock:
                self._in_flight -= 1

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)
