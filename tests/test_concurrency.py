"""Two processes writing the same SQLite file at once lose nothing."""

from __future__ import annotations

import sqlite3
import subprocess
from pathlib import Path

from tests.conftest import KEFU, write_json


def store_file(path: Path, prefix: str, n: int) -> Path:
    customers = [{"id": f"{prefix}C{i}", "name": f"Shopper {i}"} for i in range(n)]
    orders = [{"id": f"{prefix}O{i}", "customer_id": f"{prefix}C{i}", "status": "paid",
               "created_at": "2026-11-20T10:00:00Z", "total": float(i),
               "items": [{"name": "Thing", "qty": 1, "price": float(i)}]} for i in range(n)]
    return write_json(path, {"customers": customers, "orders": orders})


def test_two_processes_import_at_once(migrated_home: Path, tmp_path: Path) -> None:
    files = [store_file(tmp_path / f"{p}.json", p, 400) for p in ("a", "b", "c", "d")]
    env = {"KEFU_HOME": str(migrated_home), "PATH": "/usr/bin:/bin"}
    # two writers at a time, twice over, so transactions really overlap
    for pair in (files[:2], files[2:]):
        procs = [subprocess.Popen([KEFU, "import-store", str(f)], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for f in pair]
        for proc in procs:
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, (out, err)
    with sqlite3.connect(migrated_home / "kefu.db") as conn:
        assert conn.execute("SELECT COUNT(*) FROM customer").fetchone()[0] == 1600
        assert conn.execute("SELECT COUNT(*) FROM 'order'").fetchone()[0] == 1600
        assert conn.execute("SELECT COUNT(*) FROM order_item").fetchone()[0] == 1600
