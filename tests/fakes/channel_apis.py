"""Local fakes of the platforms the channel adapters talk to: the WeChat and WeCom APIs
(access token, customer-service and app messages), Chatwoot's application API, and an
SMTP relay (aiosmtpd) that keeps what it is given. Each is a real server on 127.0.0.1."""

from __future__ import annotations

import re
import socket
import threading
import time
from email import message_from_bytes, policy
from email.message import EmailMessage
from types import TracebackType
from typing import Any, Self

from tests.fakes.http_server import FakeServer, _Handler


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for(check: Any, timeout_s: float = 10.0, step_s: float = 0.05) -> Any:
    """Poll ``check()`` until it returns something truthy."""
    deadline = time.monotonic() + timeout_s
    while True:
        found = check()
        if found or time.monotonic() > deadline:
            return found
        time.sleep(step_s)


class WeChatApi(FakeServer):
    """``GET /cgi-bin/token`` and ``POST /cgi-bin/message/custom/send``.

    ``errcodes`` are answered to the next sends in turn (then 0); ``down`` makes every
    send a 503; ``sent`` holds the accepted bodies."""

    TOKEN_PATH = "/cgi-bin/token"
    SEND_PATH = "/cgi-bin/message/custom/send"
    CREDENTIALS: tuple[tuple[str, str], ...] = (("appid", "wx-app"), ("secret", "wx-secret"))
    BAD_TOKEN = 40001  # what the platform answers a stale access token

    def __init__(self) -> None:
        super().__init__()
        self.tokens_issued = 0
        self.errcodes: list[int] = []
        self.down = False
        self.sent: list[dict[str, Any]] = []
        self.raw_sends: list[bytes] = []

    def respond(self, handler: _Handler, method: str, path: str, body: Any) -> None:
        query = dict(p.split("=", 1) for p in handler.path.partition("?")[2].split("&") if p)
        if method == "GET" and path == self.TOKEN_PATH:
            if any(query.get(k) != v for k, v in self.CREDENTIALS):
                handler.send_json(200, {"errcode": 40125, "errmsg": "invalid appsecret"})
                return
            self.tokens_issued += 1
            handler.send_json(200, {"access_token": f"AT{self.tokens_issued}",
                                    "expires_in": 7200})
        elif method == "POST" and path == self.SEND_PATH:
            if self.down:
                handler.send_json(503, {"errmsg": "down"})
                return
            if query.get("access_token") != f"AT{self.tokens_issued}":
                handler.send_json(200, {"errcode": self.BAD_TOKEN,
                                        "errmsg": "invalid credential"})
                return
            code = self.errcodes.pop(0) if self.errcodes else 0
            if code == 0:
                self.sent.append(body)
            handler.send_json(200, {"errcode": code, "errmsg": "ok" if code == 0 else "err"})
        else:
            handler.send_json(404, {"errcode": 404})


class WeComApi(WeChatApi):
    """WeCom's ``GET /cgi-bin/gettoken?corpid&corpsecret`` and ``POST
    /cgi-bin/message/send``, scripted like :class:`WeChatApi`."""

    TOKEN_PATH = "/cgi-bin/gettoken"
    SEND_PATH = "/cgi-bin/message/send"
    CREDENTIALS = (("corpid", "ww1436e0e65a779aee"), ("corpsecret", "ww-secret"))
    BAD_TOKEN = 42001


class ChatwootApi(FakeServer):
    """Chatwoot's ``messages`` and ``toggle_status`` routes of one account, as its
    API documents them (``api_access_token`` header)."""

    ROUTE = re.compile(r"^/api/v1/accounts/(\d+)/conversations/(\d+)/(messages|toggle_status)$")

    def __init__(self, token: str = "bot-token") -> None:
        super().__init__()
        self.token = token
        self.status = 200
        self.posts: list[tuple[str, str, dict[str, Any]]] = []  # (conversation, what, body)

    def respond(self, handler: _Handler, method: str, path: str, body: Any) -> None:
        found = self.ROUTE.match(path)
        if method != "POST" or found is None:
            handler.send_json(404, {"error": "not found"})
            return
        if handler.headers.get("api_access_token") != self.token:
            handler.send_json(401, {"error": "Invalid Access Token"})
            return
        if self.status != 200:
            handler.send_json(self.status, {"error": "unavailable"})
            return
        self.posts.append((found.group(2), found.group(3), body or {}))
        handler.send_json(200, {"id": len(self.posts), **(body or {})})

    def messages(self, *, private: bool | None = None) -> list[dict[str, Any]]:
        return [b for _, what, b in self.posts if what == "messages"
                and (private is None or bool(b.get("private")) == private)]


class SmtpRelay:
    """The store's outgoing mail server: accepts everything and keeps it parsed."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.port = free_port()
        self.received: list[EmailMessage] = []
        self.refuse: int | None = None  # answer DATA with this code instead
        self._lock = threading.Lock()
        self._controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse is not None:
            return f"{self.refuse} refused by the test"
        msg = message_from_bytes(envelope.content, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        with self._lock:
            self.received.append(msg)
        return "250 OK"

    def __enter__(self) -> Self:
        self._controller.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._controller.stop()
