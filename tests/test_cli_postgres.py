"""The command line on a PostgreSQL home (KEFU_DATABASE_URL, KEFU_SEARCH_BACKEND=pgvector),
as on the SQLite default: assist (one turn, and a conversation from JSONL), search,
ingest / kb list / kb remove, import-store, and `kefu init` run again changing nothing."""

from __future__ import annotations

import json
import os
from pathlib import Path

import psycopg
import pytest

from tests.conftest import invoke, write_json


@pytest.fixture
def database() -> str:
    return "postgresql"


def _one(sql: str, *args: object) -> object:
    with psycopg.connect(os.environ["KEFU_DATABASE_URL"]) as conn:
        row = conn.execute(sql, args).fetchone()
    assert row is not None
    return row[0]


def _last_json(output: str) -> object:
    return json.loads(output.strip().splitlines()[-1])


def test_assist_on_postgresql(demo_home: Path, tmp_path: Path) -> None:
    customer = str(_one("SELECT customer_id FROM \"order\" ORDER BY id LIMIT 1"))
    result = invoke("assist", "--customer", customer, "What is your return policy?")
    assert result.exit_code == 0, result.output
    one = _last_json(result.output)
    assert isinstance(one, dict) and one["decision"] in ("auto_send", "agent_review", "handoff")
    lines = tmp_path / "turns.jsonl"
    lines.write_text("".join(json.dumps({"customer_id": customer, "text": t,
                                         "conversation": "pg-1"}) + "\n"
                             for t in ("hi, where is my order?", "thanks, and can I return it?")),
                     encoding="utf-8")
    result = invoke("assist", "--jsonl", str(lines))
    assert result.exit_code == 0, result.output
    turns = [json.loads(x) for x in result.output.strip().splitlines() if x.startswith("{")]
    assert len(turns) == 2 and turns[0]["conversation_id"] == turns[1]["conversation_id"]
    stored = _one("SELECT count(*) FROM message WHERE conversation_id = %s AND role = 'shopper'",
                  turns[0]["conversation_id"])
    assert stored == 2


def test_knowledge_commands_on_postgresql(demo_home: Path, tmp_path: Path) -> None:
    doc = tmp_path / "pg-gift.md"
    doc.write_text("# Gift wrapping\n\nEvery order can be gift wrapped in vorlantic paper.\n",
                   encoding="utf-8")
    assert invoke("ingest", str(doc)).exit_code == 0
    hits = _last_json(invoke("search", "vorlantic gift wrapping", "--json").output)
    assert isinstance(hits, list) and hits and "vorlantic" in hits[0]["text"]
    listed = _last_json(invoke("kb", "list", "--json").output)
    assert isinstance(listed, list)
    ids = [d["id"] for d in listed if str(d.get("source", "")).endswith("pg-gift.md")]
    assert len(ids) == 1, listed
    assert invoke("kb", "remove", ids[0]).exit_code == 0
    after = _last_json(invoke("search", "vorlantic gift wrapping", "--json").output)
    assert isinstance(after, list) and all("vorlantic" not in h["text"] for h in after)


def test_import_and_init_again_on_postgresql(demo_home: Path, tmp_path: Path) -> None:
    store = write_json(tmp_path / "store.json", {
        "customers": [{"id": "PGX-1", "name": "Lin Wei"}],
        "orders": [{"id": "PGX-ORDER-1", "customer_id": "PGX-1", "status": "paid",
                    "created_at": "2026-11-20T10:00:00Z", "total": 9.0,
                    "items": [{"name": "Teapot", "qty": 1, "price": 9.0}]}]})
    result = invoke("import-store", str(store))
    assert result.exit_code == 0, result.output
    assert _one('SELECT customer_id FROM "order" WHERE id = %s', "PGX-ORDER-1") == "PGX-1"
    orders = _one('SELECT count(*) FROM "order"')
    again = invoke("init")
    assert again.exit_code == 0, again.output
    assert "database: up to date" in again.output
    assert _one('SELECT count(*) FROM "order"') == orders
