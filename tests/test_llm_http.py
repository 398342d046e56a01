"""The ollama and openai backends against real local HTTP servers that speak their APIs."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import pytest

from app.errors import LLMError
from app.llm import LLM
from tests.conftest import get_llm, reset_caches
from tests.fakes.http_server import FakeServer
from tests.fakes.ollama_server import OllamaServer
from tests.fakes.openai_server import OpenAIServer

MESSAGES = [("system", "You are a customer service agent."), ("user", "Where is my order?")]
SCHEMA = {
    "type": "object",
    "properties": {"intent": {"type": "string", "enum": ["track_order", "other"]}},
    "required": ["intent"],
}


@pytest.fixture(autouse=True)
def _fresh_caches(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("KEFU_LLM_TIMEOUT_S", "5")
    monkeypatch.setenv("KEFU_LLM_MODEL", "test-model")
    reset_caches()
    yield
    reset_caches()


def llm_for(monkeypatch: pytest.MonkeyPatch, kind: str, url: str, **env: str) -> LLM:
    """The service configured, through the environment only, to use the server at `url`."""
    monkeypatch.setenv("KEFU_LLM_BACKEND", kind)
    if kind == "ollama":
        monkeypatch.setenv("KEFU_OLLAMA_HOST", url)
    else:
        monkeypatch.setenv("KEFU_OPENAI_BASE_URL", f"{url}/v1")
    for key, value in env.items():
        monkeypatch.setenv(f"KEFU_{key.upper()}", value)
    reset_caches()
    return get_llm()


@pytest.fixture(params=["ollama", "openai"])
def server(request: pytest.FixtureRequest) -> Iterator[FakeServer]:
    fake = OllamaServer(model="test-model") if request.param == "ollama" else OpenAIServer(
        model="test-model"
    )
    with fake:
        yield fake


def kind_of(server: FakeServer) -> str:
    return "ollama" if isinstance(server, OllamaServer) else "openai"


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# --- both backends --------------------------------------------------------------------


def test_generate_returns_the_reply(monkeypatch: pytest.MonkeyPatch, server: FakeServer) -> None:
    llm = llm_for(monkeypatch, kind_of(server), server.url)
    assert llm.available
    assert llm.name == f"{kind_of(server)}:test-model"
    assert llm.context_tokens == 4096
    assert llm.generate(MESSAGES, max_tokens=7) == "Hello, how can I help?"
    assert len(server.chat_requests()) == 1


def test_stream_yields_tokens_in_order(monkeypatch: pytest.MonkeyPatch, server: FakeServer) -> None:
    server.script.tokens = ["您好", "，", "订单", "已", "发货", "。"]
    llm = llm_for(monkeypatch, kind_of(server), server.url)
    assert list(llm.stream(MESSAGES, max_tokens=16)) == server.script.tokens


def test_server_error_becomes_llm_error(
    monkeypatch: pytest.MonkeyPatch, server: FakeServer
) -> None:
    server.script.status = 500
    llm = llm_for(monkeypatch, kind_of(server), server.url)
    with pytest.raises(LLMError, match="HTTP 500") as caught:
        llm.generate(MESSAGES)
    assert caught.value.__cause__ is not None
    assert "\n" not in str(caught.value)
    with pytest.raises(LLMError, match="HTTP 500"):
        list(llm.stream(MESSAGES))
    assert len(server.chat_requests()) == 2  # no hidden retries


def test_slow_server_times_out(monkeypatch: pytest.MonkeyPatch, server: FakeServer) -> None:
    server.script.delay_s = 10
    llm = llm_for(monkeypatch, kind_of(server), server.url, llm_timeout_s="0.5")
    started = time.monotonic()
    with pytest.raises(LLMError, match="timed out"):
        llm.generate(MESSAGES)
    assert time.monotonic() - started < 2.0


def test_slow_stream_stops_at_the_deadline(
    monkeypatch: pytest.MonkeyPatch, server: FakeServer
) -> None:
    # Each chunk arrives well within the HTTP read timeout; only the deadline can stop it.
    server.script.tokens = [f"t{i} " for i in range(40)]
    server.script.token_delay_s = 0.1
    llm = llm_for(monkeypatch, kind_of(server), server.url, llm_timeout_s="0.6")
    received: list[str] = []
    started = time.monotonic()
    with pytest.raises(LLMError, match="timed out"):
        for piece in llm.stream(MESSAGES):
            received.append(piece)
    assert time.monotonic() - started < 1.5
    assert 2 <= len(received) < 40
    assert received == server.script.tokens[: len(received)]


def test_connection_refused(monkeypatch: pytest.MonkeyPatch, server: FakeServer) -> None:
    llm = llm_for(monkeypatch, kind_of(server), closed_port_url())
    with pytest.raises(LLMError, match="cannot connect"):
        llm.generate(MESSAGES)
    with pytest.raises(LLMError, match="cannot connect"):
        list(llm.stream(MESSAGES))


# --- what each server receives --------------------------------------------------------


def test_ollama_request_carries_model_messages_and_options(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with OllamaServer(model="test-model") as server:
        llm = llm_for(monkeypatch, "ollama", server.url, llm_max_tokens="99")
        llm.generate(MESSAGES, max_tokens=7)
        list(llm.stream(MESSAGES))
    sent, streamed = (r.body for r in server.chat_requests())
    assert sent["model"] == "test-model"
    assert sent["messages"] == [
        {"role": "system", "content": "You are a customer service agent."},
        {"role": "user", "content": "Where is my order?"},
    ]
    assert sent["options"]["num_predict"] == 7
    assert sent["options"]["num_ctx"] == 4096
    assert sent["stream"] is False
    assert streamed["stream"] is True
    assert streamed["options"]["num_predict"] == 99  # KEFU_LLM_MAX_TOKENS by default


def test_ollama_json_schema_is_sent_as_format(monkeypatch: pytest.MonkeyPatch) -> None:
    with OllamaServer(model="test-model") as server:
        server.script.tokens = ['{"intent": ', '"track_order"}']
        llm = llm_for(monkeypatch, "ollama", server.url)
        reply = llm.generate(MESSAGES, json_schema=SCHEMA)
    assert json.loads(reply) == {"intent": "track_order"}
    assert server.chat_requests()[0].body["format"] == SCHEMA


def test_openai_request_carries_model_messages_and_limits(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with OpenAIServer(model="test-model") as server:
        llm = llm_for(monkeypatch, "openai", server.url, openai_api_key="sk-local")
        llm.generate(MESSAGES, max_tokens=7)
        list(llm.stream(MESSAGES, max_tokens=5))
    sent, streamed = server.chat_requests()
    assert sent.body["model"] == "test-model"
    assert sent.body["messages"] == [
        {"role": "system", "content": "You are a customer service agent."},
        {"role": "user", "content": "Where is my order?"},
    ]
    assert sent.body["max_tokens"] == sent.body["max_completion_tokens"] == 7
    assert not sent.body.get("stream")
    assert sent.headers["authorization"] == "Bearer sk-local"
    assert streamed.body["stream"] is True
    assert streamed.body["max_tokens"] == 5


def test_openai_json_schema_is_sent_as_response_format(monkeypatch: pytest.MonkeyPatch) -> None:
    with OpenAIServer(model="test-model") as server:
        server.script.tokens = ['{"intent": "other"}']
        llm = llm_for(monkeypatch, "openai", server.url)
        reply = llm.generate(MESSAGES, json_schema=SCHEMA)
    assert json.loads(reply) == {"intent": "other"}
    response_format = server.chat_requests()[0].body["response_format"]
    assert response_format["type"] == "json_schema"
    assert response_format["json_schema"]["schema"]["properties"] == SCHEMA["properties"]
