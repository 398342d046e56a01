"""A TestClient on a copy of the demo home with channel settings, and a fake channel
registered the way real adapters are (``app.channels.registry.register``)."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from app.channels.base import (
    ChannelResponse,
    DeliveryError,
    Handled,
    Inbound,
    Outbound,
    PermanentDeliveryError,
    RawRequest,
)
from app.settings import Settings
from tests.api_helpers import WHO, Api


class FakeChannel:
    """``POST /channels/fake`` with JSON ``{"id", "user", "text", "thread"?}``; it
    records what it delivers and can be made to fail."""

    name = "fake"
    reply_deadline_s: float | None = None
    team_notes = False
    def __init__(self, settings: Settings) -> None:
        self.delivered: list[Outbound] = []
        self.fail: str | None = None  # "down" (retry) or "gone" (permanent)
        self._lock = threading.Lock()

    def verify(self, request: RawRequest) -> None:
        from app.errors import ForbiddenError

        if request.headers.get("x-fake-token") != "ok":
            raise ForbiddenError("bad fake token")

    def handshake(self, request: RawRequest) -> ChannelResponse:
        return ChannelResponse(body="hello")

    def parse(self, request: RawRequest) -> list[Inbound | str]:
        import json

        from app.channels.base import Sender
        from app.errors import InputError

        try:
            data = json.loads(request.body)
            return [Inbound(external_id=str(data["id"]),
                            sender=Sender(external_user=str(data["user"]),
                                          email=data.get("email"), phone=data.get("phone")),
                            text=str(data["text"]), thread=str(data.get("thread")
                                                                or data["user"]),
                            address={"user": data["user"]})]
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError("malformed fake message") from exc

    def respond(self, handled: list[Handled]) -> ChannelResponse:
        import json

        return ChannelResponse(body=json.dumps([
            {"conversation_id": h.conversation_id, "duplicate": h.duplicate}
            for h in handled]), media_type="application/json")

    def deliver(self, out: Outbound) -> None:
        if self.fail == "down":
            raise DeliveryError("fake platform down")
        if self.fail == "gone":
            raise PermanentDeliveryError("fake user gone")
        with self._lock:
            self.delivered.append(out)

    def close(self) -> None:
        pass


@contextmanager
def channel_api(template: Path, folder: Path, **settings: Any) -> Iterator[Api]:
    """Like tests.api_helpers.api_on_copy, with ``settings`` (channels ...) added."""
    from app.auth import ensure_demo_tokens
    from app.channels.registry import CHANNEL_TYPES, register
    from app.main import create_app
    from app.runtime import Runtime

    if "fake" not in CHANNEL_TYPES:
        register("fake", FakeChannel)
    home = folder / "home"
    shutil.copytree(template, home)
    rt = Runtime(Settings(home=home, llm_backend="none", database_url=None,
                          delivery_poll_s=0.05, delivery_backoff_s=0.05, **settings))
    demo = {(t.role, t.customer_id): t.token for t in ensure_demo_tokens(rt)}
    tokens = {who: demo[key] for who, key in WHO.items()}
    try:
        with TestClient(create_app(rt)) as client:
            yield Api(client=client, tokens=tokens, home=home, runtime=rt)
    finally:
        rt.close()
