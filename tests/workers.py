"""Several `kefu serve` workers on one PostgreSQL database, as a scaled-out deployment
runs them: each its own process with its own KEFU_HOME folder (as on separate hosts),
sharing nothing but the database."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.conftest import KEFU
from tests.pg import PG_SEARCH


@dataclass
class Worker:
    url: str
    home: Path
    proc: subprocess.Popen[bytes]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_worker(home: Path, database_url: str, **env: str) -> Worker:
    """`kefu serve` on ``home`` and ``database_url``, once /health answers."""
    port = free_port()
    full_env = {**os.environ, "KEFU_HOME": str(home), "KEFU_DATABASE_URL": database_url,
                **PG_SEARCH, "KEFU_LLM_BACKEND": "none", "KEFU_LOG_LEVEL": "WARNING", **env}
    log = home / "worker.log"
    with log.open("ab") as sink:
        proc = subprocess.Popen([KEFU, "serve", "--host", "127.0.0.1", "--port", str(port)],
                                env=full_env, stdout=sink, stderr=subprocess.STDOUT)
    worker = Worker(f"http://127.0.0.1:{port}", home, proc)
    try:
        _wait_healthy(worker, log)
    except BaseException:
        proc.kill()
        proc.wait()
        raise
    return worker


def _wait_healthy(worker: Worker, log: Path, timeout_s: float = 180) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if worker.proc.poll() is not None:
            raise RuntimeError(f"kefu serve exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{worker.url}/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"kefu serve did not become healthy in {timeout_s:.0f} s")


def stop_worker(worker: Worker) -> None:
    worker.proc.terminate()
    try:
        worker.proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.proc.kill()
        worker.proc.wait()


@contextmanager
def workers(template_home: Path, folder: Path, database_url: str, count: int = 2,
            **env: str) -> Iterator[list[Worker]]:
    """``count`` workers, each on its own copy of ``template_home``'s files."""
    started: list[Worker] = []
    try:
        for n in range(count):
            home = folder / f"worker{n}"
            shutil.copytree(template_home, home)
            started.append(start_worker(home, database_url, **env))
        yield started
    finally:
        for worker in started:
            stop_worker(worker)
