"""The compose file (README "Scaling out") holds together: every KEFU_ setting it sets is
one Kefu reads, the workers share one PostgreSQL database with the pgvector index, the
store is initialised once before any worker starts, and the entry point reaches every
worker. (Docker cannot run here; this is what can be checked without it.)"""

from __future__ import annotations

from typing import Any

import yaml

from app.settings import Settings
from tests.conftest import REPO


def _compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO / "compose.yaml").read_text(encoding="utf-8"))
    return data


def _workers(services: dict[str, Any]) -> dict[str, Any]:
    return {name: svc for name, svc in services.items()
            if svc.get("command", [None])[:2] == ["kefu", "serve"]}


def test_kefu_settings_in_the_compose_file_exist() -> None:
    fields = {name.upper() for name in Settings.model_fields}
    for name, svc in _compose()["services"].items():
        for key in svc.get("environment") or {}:
            if key.startswith("KEFU_"):
                assert key.removeprefix("KEFU_") in fields, f"{name}: unknown setting {key}"


def test_workers_share_one_database_and_start_after_init() -> None:
    services = _compose()["services"]
    workers = _workers(services)
    assert len(workers) >= 2
    urls = {svc["environment"]["KEFU_DATABASE_URL"] for svc in workers.values()}
    assert len(urls) == 1 and next(iter(urls)).startswith("postgresql://")
    assert services["kefu-init"]["environment"]["KEFU_DATABASE_URL"] in urls
    for name, svc in workers.items():
        assert svc["environment"]["KEFU_SEARCH_BACKEND"] == "pgvector", name
        assert svc["depends_on"]["kefu-init"]["condition"] == "service_completed_successfully"
    assert "pgvector" in services["postgres"]["image"]


def test_the_entry_point_reaches_every_worker() -> None:
    services = _compose()["services"]
    command = services["entry"]["command"]
    upstreams = {command[i + 1] for i, word in enumerate(command) if word == "--to"}
    assert upstreams == {f"{name}:8000" for name in _workers(services)}
