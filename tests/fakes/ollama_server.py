"""A fake Ollama server: ``POST /api/chat`` (NDJSON stream or one JSON), tags, version, show."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from tests.fakes.http_server import FakeServer, _Handler


def _now() -> str:
    return datetime.now(UTC).isoformat().replace("+00:00", "Z")


class OllamaServer(FakeServer):
    def respond(self, handler: _Handler, method: str, path: str, body: Any) -> None:
        if method == "POST" and path == "/api/chat":
            self._chat(handler, body or {})
        elif method == "GET" and path == "/api/tags":
            handler.send_json(200, {"models": [self._model_entry()]})
        elif method == "GET" and path == "/api/version":
            handler.send_json(200, {"version": "0.6.2"})
        elif method == "POST" and path == "/api/show":
            handler.send_json(200, {
                "modelfile": "", "parameters": "", "template": "{{ .Prompt }}",
                "details": self._model_entry()["details"],
                "model_info": {"general.architecture": "qwen2", "qwen2.context_length": 32768},
            })
        else:
            handler.send_json(404, {"error": f"no route {method} {path}"})

    def _chat(self, handler: _Handler, body: dict[str, Any]) -> None:
        script = self.script
        self.think(script.delay_s)
        if script.status != 200:
            handler.send_json(script.status, {"error": "model runner has crashed"})
            return
        if not body.get("stream", True):
            handler.send_json(200, self._part(script.text, done=True, count=len(script.tokens)))
            return
        handler.start_stream("application/x-ndjson")
        for token in script.tokens:
            handler.write_chunk(json.dumps(self._part(token)).encode() + b"\n")
            self.pause(script.token_delay_s)
        final = self._part("", done=True, count=len(script.tokens))
        handler.write_chunk(json.dumps(final).encode() + b"\n")

    def _part(self, content: str, *, done: bool = False, count: int = 0) -> dict[str, Any]:
        part: dict[str, Any] = {
            "model": self.model,
            "created_at": _now(),
            "message": {"role": "assistant", "content": content},
            "done": done,
        }
        if done:
            part.update({
                "done_reason": "stop", "total_duration": 5_000_000, "load_duration": 1_000_000,
                "prompt_eval_count": 12, "prompt_eval_duration": 1_000_000,
                "eval_count": count, "eval_duration": 3_000_000,
            })
        return part

    def _model_entry(self) -> dict[str, Any]:
        return {
            "name": self.model, "model": self.model, "modified_at": _now(), "size": 1,
            "digest": "0" * 64,
            "details": {"format": "gguf", "family": "qwen2", "parameter_size": "1.5B",
                        "quantization_level": "Q4_K_M"},
        }
