"""Settings: the one place configuration is read from (environment, `KEFU_` prefix).

Reach it through :func:`get_settings` (cached) or the FastAPI dependency of the same
name; tests change the environment and call ``get_settings.cache_clear()``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from app.errors import ConfigError

REPO_ROOT = Path(__file__).resolve().parent.parent

# an origin as CSP frame-ancestors takes it: scheme, host (maybe *.), port
_ORIGIN = re.compile(r"^https?://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:\d{1,5})?$")

# SLA defaults (seconds), per ticket priority: a person answers / resolves within
SLA_FIRST_RESPONSE_S = {"urgent": 300.0, "high": 900.0, "normal": 3600.0, "low": 14_400.0}
SLA_RESOLUTION_S = {"urgent": 14_400.0, "high": 28_800.0, "normal": 86_400.0,
                    "low": 259_200.0}
LLMBackendName = Literal["llamacpp", "ollama", "openai", "none"]
SearchBackendName = Literal["faiss", "pgvector"]


class Settings(BaseSettings):
    """Every knob of Kefu; see the configuration table in the README."""

    model_config = SettingsConfigDict(env_prefix="KEFU_", env_file=".env", extra="ignore")

    home: Path = Field(default=Path(".kefu"), description="Folder for database, index and logs")
    database_url: str | None = Field(
        default=None, description="postgresql://... (libpq URI, ?host=/socket/dir included) "
        "or any SQLAlchemy URL; default: SQLite file kefu.db in KEFU_HOME"
    )
    db_pool_size: int = Field(
        default=5, ge=1, description="Connections each process keeps open to PostgreSQL")
    db_max_overflow: int = Field(
        default=10, ge=0, description="Extra PostgreSQL connections a process may open "
        "under load, closed again when returned")
    event_poll_s: float = Field(
        default=1.0, gt=0, description="Event streams re-read the database at least this "
        "often; changes announced by the broker (app.pubsub) wake them at once")
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
    llm_redact_remote: bool = Field(
        default=True, description="Redact emails, phones, card numbers and addresses from "
        "prompts sent to a remote LLM (ollama, openai)"
    )
    message_retention_days: int | None = Field(
        default=None, ge=1, description="Replace message texts (and the suggestions, notes and "
        "audit details that quote them) older than this many days; unset: keep them"
    )
    token_ttl_days: int | None = Field(
        default=90, ge=1, description="Days a new API token is valid (unset: until revoked)"
    )

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
    # service-level targets per priority, seconds; a partial JSON keeps the other defaults
    sla_first_response_s: dict[str, float] = Field(
        default_factory=lambda: dict(SLA_FIRST_RESPONSE_S),
        description='First-response target per priority, JSON: {"urgent": 300}')
    sla_resolution_s: dict[str, float] = Field(
        default_factory=lambda: dict(SLA_RESOLUTION_S),
        description='Resolution target per priority, JSON: {"urgent": 14400}')

    max_body_bytes: int = Field(
        default=1_048_576, ge=1, description="Largest request body; bigger ones get 413"
    )
    idempotency_ttl_s: float = Field(
        default=86_400.0, gt=0, description="How long an Idempotency-Key is remembered"
    )

    search_backend: SearchBackendName = Field(
        default="faiss", description="Search index: faiss (files in KEFU_HOME) or pgvector"
    )
    order_id_pattern: str | None = Field(
        default=None,
        description="Extra regular expression for the store's order numbers (they are "
        "otherwise learned from the imported orders)",
    )

    # --- the shopper chat: sign-in links, session cookies, embedding (app/sessions.py) -----
    public_url: str | None = Field(
        default=None, description="Kefu's address as shoppers reach it (sign-in links, "
        "the Origin check); default http://KEFU_HOST:KEFU_PORT")
    chat_frame_ancestors: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Origins whose pages may embed /chat in an "
        "iframe, comma- or space-separated (https://shop.example.com, https://*.example.com)")
    shopper_link_ttl_s: int = Field(default=900, ge=1, description="Sign-in link lifetime")
    shopper_session_ttl_s: int = Field(
        default=1800, ge=60, description="Session cookie lifetime, extended by each request")
    shopper_session_max_s: int = Field(
        default=43200, ge=60, description="Longest a session lasts, however active")

    # --- channels (app/channels): who may write in, and how replies get back out ------
    channels: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Channel adapters to run, comma-separated: "
        "wechat,wecom,email,chatwoot")
    delivery_max_attempts: int = Field(default=8, ge=1, description="Tries before a "
                                       "queued reply is kept as dead")
    delivery_backoff_s: float = Field(default=5.0, gt=0, description="First retry delay "
                                      "(doubles per try, at most an hour)")
    delivery_poll_s: float = Field(default=2.0, gt=0, description="Delivery queue poll")
    channel_link_secret: str | None = Field(
        default=None, description="Signs account-link tokens for channel guests")
    channel_link_url: str | None = Field(
        default=None, description="The store's page that links a chat to an account; "
        "{token} is replaced by the signed token")
    wechat_token: str | None = Field(default=None, description="WeChat callback token")
    wechat_app_id: str | None = Field(default=None, description="WeChat AppID")
    wechat_app_secret: str | None = Field(default=None, description="WeChat AppSecret")
    wechat_api_base: str = Field(default="https://api.weixin.qq.com",
                                 description="WeChat API base URL")
    wechat_reply_deadline_s: float = Field(
        default=4.0, gt=0, lt=5, description="Wait for a passive reply (WeChat allows 5 s)")
    wechat_aes_key: str | None = Field(
        default=None, description="WeChat EncodingAESKey (43 characters): safe mode")
    wechat_encryption: Literal["plaintext", "compatible", "safe"] | None = Field(
        default=None, description="Messages accepted: plaintext, compatible (both) or safe "
        "(encrypted only); default safe when KEFU_WECHAT_AES_KEY is set, else plaintext")
    wecom_corp_id: str | None = Field(default=None, description="WeCom CorpID")
    wecom_secret: str | None = Field(default=None, description="WeCom app Secret")
    wecom_agent_id: int | None = Field(default=None, description="WeCom app AgentId")
    wecom_token: str | None = Field(default=None, description="WeCom callback Token")
    wecom_aes_key: str | None = Field(
        default=None, description="WeCom callback EncodingAESKey (43 characters)")
    wecom_api_base: str = Field(default="https://qyapi.weixin.qq.com",
                                description="WeCom API base URL")
    wecom_reply_deadline_s: float = Field(
        default=4.0, gt=0, lt=5, description="Wait for a passive reply (WeCom allows 5 s)")
    email_address: str | None = Field(default=None, description="Kefu's support address")
    email_display_name: str | None = Field(default=None, description="From name of replies")
    email_inbound: str | None = Field(
        default=None, description="host:port of the inbound SMTP endpoint (off when unset)")
    email_smtp_host: str = Field(default="127.0.0.1", description="Outgoing SMTP server")
    email_smtp_port: int = Field(default=25, ge=1, le=65535, description="Its port")
    email_smtp_user: str | None = Field(default=None, description="SMTP login")
    email_smtp_password: str | None = Field(default=None, description="SMTP password")
    email_smtp_starttls: bool = Field(default=False, description="STARTTLS before login")
    chatwoot_url: str | None = Field(default=None, description="Chatwoot base URL")
    chatwoot_bot_token: str | None = Field(
        default=None, description="The agent bot's api_access_token")
    chatwoot_webhook_token: str | None = Field(
        default=None, description="Token the bot's webhook URL carries (?token=)")

    @field_validator("channels", mode="before")
    @classmethod
    def _channel_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [name.strip() for name in value.split(",") if name.strip()]
        return value

    @field_validator("public_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        if not value:
            return None
        parts = urlsplit(value)
        if not _ORIGIN.match(f"{parts.scheme}://{parts.netloc}") or "*" in parts.netloc:
            raise ValueError("an http(s) URL such as https://help.shop.example.com")
        return value.rstrip("/")

    @field_validator("chat_frame_ancestors", mode="before")
    @classmethod
    def _origins(cls, value: object) -> object:
        if isinstance(value, str):
            value = [v for v in re.split(r"[\s,]+", value) if v]
        if isinstance(value, list):
            for origin in value:
                if not isinstance(origin, str) or not _ORIGIN.match(origin):
                    raise ValueError(f"{origin!r} is not an origin such as "
                                     "https://shop.example.com or https://*.example.com")
        return value

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

    @field_validator("sla_first_response_s", "sla_resolution_s", mode="before")
    @classmethod
    def _sla_targets(cls, value: object, info: ValidationInfo) -> object:
        if not isinstance(value, dict):
            return value
        defaults = (SLA_FIRST_RESPONSE_S if info.field_name == "sla_first_response_s"
                    else SLA_RESOLUTION_S)
        for key, seconds in value.items():
            if key not in defaults:
                raise ValueError(f"{key!r} is not a priority ({', '.join(defaults)})")
            if not isinstance(seconds, int | float) or seconds <= 0:
                raise ValueError(f"target for {key!r} must be a positive number of seconds")
        return {**defaults, **value}

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
