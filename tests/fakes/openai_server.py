"""A fake OpenAI-compatible server: ``POST /v1/chat/completions`` (SSE or JSON), models."""

from __future__ import annotations

import json
import time
from typing import Any

from tests.fakes.http_server import FakeServer, _Handler


class OpenAIServer(FakeServer):
    def respond(self, handler: _Handler, method: str, path: str, body: Any) -> None:
        if method == "POST" and path == "/v1/chat/completions":
            self._chat(handler, body or {})
        elif method == "GET" and path == "/v1/models":
            handler.send_json(200, {"object": "list", "data": [
                {"id": self.model, "object": "model", "created": 0, "owned_by": "kefu-tests"},
            ]})
        else:
            handler.send_json(404, {"error": {"message": f"no route {path}", "type": "not_found"}})

    def _chat(self, handler: _Handler, body: dict[str, Any]) -> None:
        script = self.script
        self.think(script.delay_s)
        if script.status != 200:
            handler.send_json(script.status, {"error": {
                "message": "the engine died", "type": "server_error", "code": None}})
            return
        if not body.get("stream"):
            handler.send_json(200, self._completion(script.text, len(script.tokens)))
            return
        handler.start_stream("text/event-stream")
        for index, token in enumerate(script.tokens):
            delta = {"role": "assistant", "content": token} if index == 0 else {"content": token}
            handler.write_chunk(self._event(self._chunk(delta, None)))
            self.pause(script.token_delay_s)
        handler.write_chunk(self._event(self._chunk({}, "stop")))
        handler.write_chunk(b"data: [DONE]\n\n")

    @staticmethod
    def _event(payload: dict[str, Any]) -> bytes:
        return f"data: {json.dumps(payload)}\n\n".encode()

    def _chunk(self, delta: dict[str, Any], finish: str | None) -> dict[str, Any]:
        return {
            "id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": int(time.time()),
            "model": self.model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }

    def _completion(self, text: str, count: int) -> dict[str, Any]:
        return {
            "id": "chatcmpl-fake", "object": "chat.completion", "created": int(time.time()),
            "model": self.model,
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": text}}],
            "usage": {"prompt_tokens": 12, "completion_tokens": count,
                      "total_tokens": 12 + count},
        }
