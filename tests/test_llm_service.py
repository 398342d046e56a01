"""The LLM service: messages, registry, the `none` backend, errors, deadline, concurrency."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest
from langchain_core.messages import AIMessage, BaseMessage, HumanMessage, SystemMessage

from app.errors import ConfigError, LLMError
from app.llm import LLM, LLM_BACKENDS, JSONSchema, to_messages
from tests.conftest import get_llm, reset_caches
from tests.fakes.llm import FakeChatBackend, install_fake_llm
from tests.fakes.ollama_server import OllamaServer

MESSAGES = [("user", "Where is my order A10023?")]


@pytest.fixture(autouse=True)
def _fresh_caches() -> Iterator[None]:
    reset_caches()
    yield
    reset_caches()


def test_messages_accept_pairs_and_langchain_messages() -> None:
    converted = to_messages(
        [("system", "be brief"), ("human", "hi"), AIMessage("hello"), ("USER", "where?")]
    )
    assert [type(m) for m in converted] == [SystemMessage, HumanMessage, AIMessage, HumanMessage]
    assert converted[-1].content == "where?"
    with pytest.raises(ValueError, match="unknown message role 'robot'"):
        to_messages([("robot", "beep")])
    with pytest.raises(ValueError, match="no messages"):
        to_messages([])


def test_none_backend_is_unavailable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEFU_LLM_BACKEND", "none")
    llm = get_llm()
    assert llm is get_llm()  # cached
    assert (llm.available, llm.name, llm.context_tokens) == (False, "none", 0)
    with pytest.raises(LLMError, match=r"^no LLM configured$"):
        llm.generate(MESSAGES)
    stream = llm.stream(MESSAGES)
    with pytest.raises(LLMError, match=r"^no LLM configured$"):
        next(stream)


def test_fakes_register_like_real_backends(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEFU_LLM_MAX_TOKENS", "32")
    fake = install_fake_llm(monkeypatch, replies=["Your parcel left the warehouse today."])
    llm = get_llm()
    assert llm.generate(MESSAGES) == "Your parcel left the warehouse today."
    assert "".join(llm.stream(MESSAGES, max_tokens=8)) == "Your parcel left the warehouse today."
    assert [call["max_tokens"] for call in fake.calls] == [32, 8]
    assert fake.calls[0]["messages"] == [HumanMessage("Where is my order A10023?")]


def test_missing_registry_entry_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KEFU_LLM_BACKEND", "ollama")
    monkeypatch.delitem(LLM_BACKENDS, "ollama")
    with pytest.raises(ConfigError, match="unknown backend 'ollama'"):
        get_llm()


class _Failing(FakeChatBackend):
    """Raises what a careless client library might, or answers too late."""

    def __init__(self, *, error: Exception | None = None, sleep_s: float = 0.0) -> None:
        super().__init__()
        self.error, self.sleep_s = error, sleep_s

    def generate(
        self,
        messages: list[BaseMessage],
        *,
        max_tokens: int,
        json_schema: JSONSchema | None,
        deadline: float,
    ) -> str:
        time.sleep(self.sleep_s)
        if self.error is not None:
            raise self.error
        return "late"

    def stream(
        self, messages: list[BaseMessage], *, max_tokens: int, deadline: float
    ) -> Iterator[str]:
        yield "first"
        if self.error is not None:
            raise self.error


def test_unexpected_backend_errors_are_wrapped() -> None:
    llm = LLM(_Failing(error=KeyError("choices")), timeout_s=5)
    with pytest.raises(LLMError, match="fake: KeyError: 'choices'") as caught:
        llm.generate(MESSAGES)
    assert isinstance(caught.value.__cause__, KeyError)
    with pytest.raises(LLMError, match="KeyError"):
        list(llm.stream(MESSAGES))


def test_a_reply_past_the_deadline_is_refused() -> None:
    llm = LLM(_Failing(sleep_s=0.3), timeout_s=0.1)
    with pytest.raises(LLMError, match=r"timed out after 0\.1s"):
        llm.generate(MESSAGES)


def test_bad_max_tokens_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="max_tokens"):
        LLM(FakeChatBackend(), timeout_s=1).generate(MESSAGES, max_tokens=0)


# --- concurrency bound, against a real (fake) Ollama server ---------------------------


def _ollama_llm(monkeypatch: pytest.MonkeyPatch, server: OllamaServer, timeout_s: str) -> LLM:
    monkeypatch.setenv("KEFU_LLM_BACKEND", "ollama")
    monkeypatch.setenv("KEFU_OLLAMA_HOST", server.url)
    monkeypatch.setenv("KEFU_LLM_MAX_CONCURRENCY", "1")
    monkeypatch.setenv("KEFU_LLM_TIMEOUT_S", timeout_s)
    reset_caches()
    return get_llm()


def test_concurrent_calls_wait_for_the_one_slot(monkeypatch: pytest.MonkeyPatch) -> None:
    with OllamaServer() as server:
        server.script.delay_s = 0.25
        llm = _ollama_llm(monkeypatch, server, timeout_s="5")
        replies: list[str] = []
        threads = [
            threading.Thread(target=lambda: replies.append(llm.generate(MESSAGES)))
            for _ in range(3)
        ]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=10)
        elapsed = time.monotonic() - started
    assert replies == [server.script.text] * 3
    assert server.max_in_flight == 1
    assert elapsed >= 0.7  # one after the other


def test_a_call_waiting_past_the_timeout_is_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    with OllamaServer() as server:
        llm = _ollama_llm(monkeypatch, server, timeout_s="0.5")
        holder = llm.stream(MESSAGES)
        assert next(holder) == server.script.tokens[0]  # a stream holds its slot while open
        started = time.monotonic()
        with pytest.raises(LLMError, match="busy"):
            llm.generate(MESSAGES)
        assert 0.45 <= time.monotonic() - started < 1.5
        holder.close()  # frees the slot
        assert llm.generate(MESSAGES) == server.script.text
