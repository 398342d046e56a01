"""The backend registry: ``KEFU_LLM_BACKEND`` value -> factory.

Each built-in factory imports its module on first use, so that choosing one backend never
pays for the client libraries of the others.  Tests put fakes in the same dict
(``monkeypatch.setitem(LLM_BACKENDS, "ollama", factory)``).
"""

from __future__ import annotations

import importlib
from typing import get_args

from app.errors import ConfigError
from app.llm.base import BackendFactory, ChatBackend
from app.settings import LLMBackendName, Settings


def _lazy(module_name: str) -> BackendFactory:
    def factory(settings: Settings) -> ChatBackend:
        try:
            module = importlib.import_module(module_name)
        except ImportError as exc:
            raise ConfigError(
                f"KEFU_LLM_BACKEND={settings.llm_backend} needs the package {exc.name!r}"
            ) from exc
        backend: ChatBackend = module.create_backend(settings)
        return backend

    factory.__qualname__ = f"create_backend[{module_name}]"
    return factory


# keyed by the names the KEFU_LLM_BACKEND setting accepts (LLMBackendName): one list
LLM_BACKENDS: dict[str, BackendFactory] = {
    "llamacpp": _lazy("app.llm.llamacpp"),
    "ollama": _lazy("app.llm.ollama_chat"),
    "openai": _lazy("app.llm.openai_compat"),
    "none": _lazy("app.llm.disabled"),
}

assert set(LLM_BACKENDS) == set(get_args(LLMBackendName)), "settings and registry disagree"
