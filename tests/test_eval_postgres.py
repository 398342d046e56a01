"""Evaluation on PostgreSQL runs in a throw-away database of the same server: a
consistent copy of the real one (rows, search index, sequences), written by the
evaluation and dropped afterwards, while the real database stays exactly as it was."""

from __future__ import annotations

import json
import os
from pathlib import Path

import psycopg
import pytest

from app.assist.service import assist_once
from app.runtime import Runtime
from app.settings import Settings
from eval.sandbox import isolated_home
from tests.conftest import run_kefu
from tests.pg import PG_SEARCH, PgServer

# the tables a turn and its action write to, and what the demo store holds
COUNTED = ("conversation", "message", "action", "customer", '"order"', "kefu_search_chunk")


@pytest.fixture
def database() -> str:
    """Every test here runs on PostgreSQL (SQLite's sandbox is a file copy, tested with
    the suites)."""
    return "postgresql"


def _counts(url: str) -> dict[str, int]:
    with psycopg.connect(url) as conn:
        present = {r[0] for r in conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema='public'")}
        return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # type: ignore[index]
                for t in COUNTED if t.strip('"') in present}


def _eval_databases(server: PgServer) -> list[str]:
    with psycopg.connect(server.admin_url) as conn:
        return [r[0] for r in conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE 'kefu_eval%'")]


def _settings(home: Path, url: str) -> Settings:
    return Settings(home=home, database_url=url, search_backend="pgvector", llm_backend="none")


def test_sandbox_is_a_copy_that_is_dropped(demo_home: Path, pg_server: PgServer) -> None:
    url = os.environ["KEFU_DATABASE_URL"]
    before = _counts(url)
    assert before["customer"] > 0 and before.get("kefu_search_chunk", 0) > 0, before
    with isolated_home(_settings(demo_home, url)) as rt:
        sandbox_url = rt.settings.database_url
        assert sandbox_url and sandbox_url != url
        assert _eval_databases(pg_server), "the sandbox is a database of its own"
        assert _counts(sandbox_url) == before  # every row copied, search index included
        hits = rt.index.search("return policy", k=3)
        assert hits, "the copied pgvector index answers"
        # a turn inserts rows: the copied ids must have moved the sequences on
        customer = _first_customer(rt)
        for text in ("where is my order?", "please cancel my latest order"):
            assist_once(rt, customer_id=customer, text=text)
        after_turns = _counts(sandbox_url)
        assert after_turns["message"] > before["message"]
        assert after_turns["conversation"] > before["conversation"]
    assert _counts(url) == before, "the real database is untouched"
    assert _eval_databases(pg_server) == [], "the throw-away database is dropped"


def _first_customer(rt: Runtime) -> str:
    from sqlalchemy import text

    with rt.session() as session:
        return str(session.execute(text("SELECT id FROM customer ORDER BY id LIMIT 1"))
                   .scalar_one())


def test_kefu_eval_runs_on_postgresql(demo_home: Path, pg_server: PgServer) -> None:
    url = os.environ["KEFU_DATABASE_URL"]
    before = _counts(url)
    proc = run_kefu("eval", "run", "replies", "--no-llm", "--sample", "6", "--json",
                    "--out", str(demo_home.parent / "report"), home=demo_home,
                    env={"KEFU_DATABASE_URL": url, **PG_SEARCH, "KEFU_LLM_BACKEND": "none"})
    assert proc.returncode == 0, proc.stdout + proc.stderr
    metrics = json.loads(proc.stdout.strip().splitlines()[-1])
    assert metrics, proc.stdout
    assert _counts(url) == before, "evaluation wrote nothing to the real database"
    assert _eval_databases(pg_server) == []


def test_store_pack_sandbox_on_postgresql(kefu_home: Path, pg_server: PgServer,
                                          tmp_path: Path) -> None:
    from eval.sandbox import StorePack, store_home
    from tests.conftest import REPO, write_json

    pack = tmp_path / "pack"
    (pack / "kb").mkdir(parents=True)
    write_json(pack / "store.json", {
        "customers": [{"id": "PK-1", "name": "Mei Chen"}],
        "orders": [{"id": "PK-ORDER-1", "customer_id": "PK-1", "status": "paid",
                    "created_at": "2026-11-20T10:00:00Z", "total": 20.0,
                    "items": [{"name": "Kettle", "qty": 1, "price": 20.0}]}]})
    (pack / "policy.json").write_text((REPO / "data" / "policy.json").read_text("utf-8"),
                                      encoding="utf-8")
    (pack / "kb" / "kettles.md").write_text(
        "# Kettle care\n\nDescale the kettle monthly with citric acid.\n", encoding="utf-8")
    url = os.environ["KEFU_DATABASE_URL"]
    with store_home(_settings(kefu_home, url), StorePack.folder(pack)) as rt:
        assert rt.settings.database_url and rt.settings.database_url != url
        assert _counts(rt.settings.database_url)["customer"] == 1
        assert any("citric" in h.text for h in rt.index.search("descale kettle", k=3))
    assert _eval_databases(pg_server) == []
    assert _counts(url).get("customer", 0) == 0, "the pack went to the real database"
