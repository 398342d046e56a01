"""`kefu init`: creates everything, and a second run changes nothing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.conftest import run_kefu

TABLES = ("customer", "product", "order", "order_item", "refund", "knowledge_document")


def dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with sqlite3.connect(db) as conn:
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr)
                for t in TABLES}


def test_init_twice_changes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    first = run_kefu("init", home=home, check=True)
    assert "migrated to" in first.stdout
    assert "1000 new" in first.stdout
    db = home / "kefu.db"
    before = dump(db)
    assert len(before["order"]) >= 1000 and len(before["customer"]) >= 200

    second = run_kefu("init", home=home, check=True)
    assert "database: up to date" in second.stdout
    assert second.stdout.count(": 0 new, 0 updated,") == 4
    assert dump(db) == before


def test_sqlite_runs_in_wal_mode(demo_home: Path) -> None:
    with sqlite3.connect(demo_home / "kefu.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_schema_is_made_by_migrations(demo_home: Path) -> None:
    with sqlite3.connect(demo_home / "kefu.db") as conn:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    from app.db import head_revision

    assert version == head_revision()


def test_a_clean_start_keeps_the_rules_but_not_the_demo_stores_name(tmp_path: Path) -> None:
    import json

    from app.policy import bundled_policy_path, install_policy, read_policy
    from app.settings import Settings

    settings = Settings(home=tmp_path / "h")
    settings.home.mkdir()
    path = install_policy(settings, demo=False)
    bundled = json.loads(bundled_policy_path(settings).read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    assert not any(name in text for name in bundled["store_name"].values())
    assert bundled["support_email"] not in text
    seeded = json.loads(text)
    assert seeded["returns_window_days"] == bundled["returns_window_days"]
    assert 0 < len(seeded["payment_methods"]) < len(bundled["payment_methods"])
    read_policy(path)  # still a valid policy
