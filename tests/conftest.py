"""Shared fixtures: every test gets its own KEFU_HOME with a real SQLite file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from sqlmodel import Session

from app import runtime
from app.assist.schemas import AssistResult
from app.assist.service import assist_once
from app.cli import cli
from app.llm import LLM
from app.policy import StorePolicy
from app.runtime import Runtime

pytest_plugins = ["tests.pg"]

REPO = Path(__file__).resolve().parent.parent
KEFU = str(Path(sys.executable).parent / "kefu")


def reset_caches() -> None:
    """Forget the process's runtime, so the next use reads the environment again."""
    runtime.reset()


def current() -> Runtime:
    """The runtime of the test's KEFU_HOME (as the CLI and the service build it)."""
    return runtime.current()


@pytest.fixture
def kefu_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, database: str,
              request: pytest.FixtureRequest) -> Iterator[Path]:
    """An empty, isolated KEFU_HOME (not yet initialised); on PostgreSQL (tests marked
    BOTH_DATABASES, see tests/pg.py) with an empty database of its own."""
    home = tmp_path / "home"
    monkeypatch.setenv("KEFU_HOME", str(home))
    monkeypatch.delenv("KEFU_DATABASE_URL", raising=False)
    monkeypatch.delenv("KEFU_SEARCH_BACKEND", raising=False)
    if database == "postgresql":
        from tests.pg import PG_SEARCH, home_database

        monkeypatch.setenv("KEFU_DATABASE_URL", home_database(request))
        for name, value in PG_SEARCH.items():
            monkeypatch.setenv(name, value)
    reset_caches()
    yield home
    reset_caches()


@pytest.fixture
def migrated_home(kefu_home: Path) -> Path:
    """A KEFU_HOME with the schema migrated but no data."""
    from app.db import upgrade

    kefu_home.mkdir(parents=True)
    upgrade(current().engine)  # on PostgreSQL a clone of a migrated database: nothing to do
    return kefu_home


@pytest.fixture(scope="session")
def initialised_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One `kefu init` per test session; tests copy it instead of re-initialising."""
    home = tmp_path_factory.mktemp("template") / "home"
    run_kefu("init", home=home, check=True)
    return home


@pytest.fixture
def demo_home(kefu_home: Path, database: str, request: pytest.FixtureRequest) -> Path:
    """A copy of the initialised demo home, on the test's database."""
    from tests.pg import demo_copy

    demo_copy(request, database, kefu_home, url=os.environ.get("KEFU_DATABASE_URL"))
    reset_caches()
    return kefu_home


@pytest.fixture
def home(demo_home: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The demo home with the LLM off: a shopper's chat through the real pipeline
    (``demo_say``), its records in ``home / "kefu.db"``."""
    monkeypatch.setenv("KEFU_LLM_BACKEND", "none")
    reset_caches()
    yield demo_home


def demo_say(customer: str, text: str, label: str = "chat") -> AssistResult:
    """One message of ``customer`` in their conversation ``label``; the assist result."""
    return assist_once(current(), customer_id=customer, text=text, label=label).result


def invoke(*args: str) -> Result:
    """Run a kefu command in-process (fast); the KEFU_* environment applies."""
    reset_caches()
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def run_kefu(
    *args: str, home: Path, check: bool = False, env: dict[str, str] | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """Run the real `kefu` executable in a child process."""
    # the child's database is the home's SQLite file unless ``env`` names another
    full_env = {k: v for k, v in os.environ.items()
                if k not in ("KEFU_DATABASE_URL", "KEFU_SEARCH_BACKEND")}
    full_env.update({"KEFU_HOME": str(home), **(env or {})})
    proc = subprocess.run(
        [KEFU, *args], capture_output=True, text=True, env=full_env, timeout=timeout,
        check=False,
    )
    if check and proc.returncode != 0:
        raise AssertionError(f"kefu {' '.join(args)} failed: {proc.stdout}\n{proc.stderr}")
    return proc


def write_json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@contextmanager
def session_scope(*, write: bool = False) -> Iterator[Session]:
    """A session on the test's home, through its runtime."""
    with current().session(write=write) as session:
        yield session


def get_policy() -> StorePolicy:
    """The policy in force in the test's home."""
    return current().policy


def get_llm() -> LLM:
    """The LLM of the test's runtime, built from the environment's settings."""
    return current().llm
