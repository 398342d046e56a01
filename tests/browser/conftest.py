"""A real `kefu serve` on a demo home, and headless Chromium driven by Playwright.

Debian's Chromium (/usr/bin/chromium, installed by `make test`) is used rather than
a browser Playwright downloads: nothing is fetched at test time. Without Chromium the
tests skip locally and fail on CI, where the set-up must have installed it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import KEFU, run_kefu

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--headless", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync"]
KEEP_SCREENS = Path("/tmp/kefu-screens")  # one copy of each screenshot for people to look at
START_TIMEOUT_S = 60


@dataclass
class Server:
    url: str
    home: Path
    tokens: dict[str, str]

    embed_origin: str = ""  # another origin, allowed to frame the chat (KEFU_CHAT_FRAME_ANCESTORS)

    def api(self, who: str) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30,
                            headers={"Authorization": f"Bearer {self.tokens[who]}"})

    def link(self, customer_id: str, **options: Any) -> str:
        """A signed sign-in link to the chat, minted through the admin API."""
        with self.api("admin") as api:
            res = api.post("/api/admin/shopper-links",
                           json={"customer_id": customer_id, **options})
            assert res.status_code == 201, res.text
            return str(res.json()["url"])


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _demo_tokens(home: Path) -> dict[str, str]:
    out = run_kefu("token", "demo", home=home, check=True).stdout
    tokens = {}
    for line in out.splitlines()[1:]:
        *who, token = line.split()
        tokens["shopper2" if who == ["shopper", "C002"] else who[0]] = token
    return tokens


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"kefu serve exited: {log.read_text(encoding='utf-8')[-2000:]}")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"kefu serve did not start: {log.read_text(encoding='utf-8')[-2000:]}")


@pytest.fixture(scope="session")
def server(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory,
           ) -> Iterator[Server]:
    home = tmp_path_factory.mktemp("browser") / "home"
    shutil.copytree(initialised_template, home)
    port, embed_port = _free_port(), _free_port()
    embed_origin = f"http://127.0.0.1:{embed_port}"
    env = {**os.environ, "KEFU_HOME": str(home), "KEFU_LLM_BACKEND": "none",
           "KEFU_LOG_LEVEL": "WARNING", "KEFU_CHAT_FRAME_ANCESTORS": embed_origin}
    env.pop("KEFU_DATABASE_URL", None)
    log = home / "serve.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen([KEFU, "serve", "--host", "127.0.0.1", "--port", str(port)],
                                env=env, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, log)
        yield Server(url=url, home=home, tokens=_demo_tokens(home), embed_origin=embed_origin)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


# The console's home sends nothing by itself, so shopper turns wait for an agent whatever
# the confidence model says; cancellations alone auto-send (their yes/no card is what the
# console shows as the shopper saw it). SLA targets are short enough to be breached.
CONSOLE_ENV = {"KEFU_AUTO_SEND_THRESHOLD": "1.0",
               "KEFU_INTENT_THRESHOLDS": '{"cancel_order": 0.5}',
               "KEFU_SLA_FIRST_RESPONSE_S": '{"urgent": 1, "high": 1}'}


@pytest.fixture(scope="session")
def console_server(initialised_template: Path, tmp_path_factory: pytest.TempPathFactory,
                   ) -> Iterator[Server]:
    """A second `kefu serve` for the agent console's tests (CONSOLE_ENV)."""
    home = tmp_path_factory.mktemp("console") / "home"
    shutil.copytree(initialised_template, home)
    port = _free_port()
    env = {**os.environ, "KEFU_HOME": str(home), "KEFU_LLM_BACKEND": "none",
           "KEFU_LOG_LEVEL": "WARNING", **CONSOLE_ENV}
    env.pop("KEFU_DATABASE_URL", None)
    log = home / "serve.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen([KEFU, "serve", "--host", "127.0.0.1", "--port", str(port)],
                                env=env, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, log)
        yield Server(url=url, home=home, tokens=_demo_tokens(home))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: `make test` should have installed it")
        pytest.skip(f"{CHROMIUM} is not installed (make chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="en-US")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_default_timeout(15_000)
    yield page
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture
def shoot(tmp_path: Path) -> Any:
    """shoot(page, name): a full-page screenshot in tmp_path, copied to /tmp/kefu-screens."""
    KEEP_SCREENS.mkdir(parents=True, exist_ok=True)

    def take(page: Any, name: str) -> Path:
        path = tmp_path / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        shutil.copy(path, KEEP_SCREENS / path.name)
        assert path.stat().st_size > 10_000
        return path

    return take


def until(page: Any, expression: str, timeout_s: float = 15) -> None:
    """Wait for a page expression to hold (the pages' CSP forbids wait_for_function's
    eval; evaluate goes through the debugger instead)."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"still false: {expression}"
        page.wait_for_timeout(100)
