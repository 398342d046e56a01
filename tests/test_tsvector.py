"""The tsvector the pgvector backend writes (binary, one struct.pack) is byte for byte
what packing it lexeme by lexeme gave, limits included."""

from __future__ import annotations

import random
import struct
from pathlib import Path

import pytest

from retrieval.chunking import chunk_markdown
from retrieval.lexical import tokenize
from retrieval.pgvector_sql import tsvector_value

DATA = Path(__file__).resolve().parents[1] / "data"


def _lexeme_by_lexeme(tokens: list[str]) -> bytes:
    positions: dict[bytes, list[int]] = {}
    for pos, token in enumerate(tokens, start=1):
        raw = token.encode()
        if not raw or len(raw) > 2047 or b"\0" in raw:
            continue
        seen = positions.setdefault(raw, [])
        if len(seen) < 256 and pos <= 16383:
            seen.append(pos)
    out = [struct.pack("!i", len(positions))]
    for raw in sorted(positions):
        pos_list = positions[raw]
        out.append(raw + b"\0" + struct.pack(f"!H{len(pos_list)}H", len(pos_list), *pos_list))
    return b"".join(out)


EDGES = [[], ["a"], ["b", "a", "b"], ["", "x\0y", "z" * 2048, "z" * 2047, "退货"],
         ["w"] * 300, [f"t{n}" for n in range(16390)] + ["t5", "late"],
         ["é", "e", "ß", "ss"]]


@pytest.mark.parametrize("tokens", EDGES)
def test_edges(tokens: list[str]) -> None:
    assert tsvector_value(tokens) == _lexeme_by_lexeme(tokens)


def test_knowledge_base_chunks_and_random_lists() -> None:
    lists = [tokenize(d.text) for path in sorted((DATA / "kb").rglob("*.md"))
             for d in chunk_markdown(path.read_text(encoding="utf-8"))]
    rng = random.Random(4)
    words = ["refund", "order", "退货", "x2", "a", "b"]
    lists += [[rng.choice(words) for _ in range(rng.randrange(60))] for _ in range(200)]
    for tokens in lists:
        assert tsvector_value(tokens) == _lexeme_by_lexeme(tokens)
