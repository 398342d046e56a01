"""Concurrent shoppers against a real `kefu serve`: what a shopper waits for while the
LLM drafts for agents in the background.

Each shopper has its own token and conversation and sends a short script (their own
latest order, policy questions, a request for a person), pausing between messages as a
person typing would. The figures: shopper-visible latency (p50, p99, max), errors, and
how many of the turns a template answers without the LLM were still sent by the bot.
"""

from __future__ import annotations

import os
import random
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from sqlmodel import col, select

from app.auth import create_token
from app.models import Customer, Order
from app.runtime import Runtime
from app.settings import Settings

KEFU = str(Path(sys.executable).parent / "kefu")
SCRIPT = {
    "en": ["where is my order {order}?", "what is your return policy?",
           "how long does standard shipping take?", "which payment methods do you accept?",
           "this is the third time I ask, I want to talk to a person now!"],
    "zh": ["我的订单{order}到哪了？", "退货政策是什么？", "标准配送要几天？", "支持哪些付款方式？",
           "我已经问了三次了，马上给我转人工！"],
}


@dataclass(frozen=True)
class Shopper:
    customer_id: str
    token: str
    language: str
    messages: list[str]


@dataclass
class Turn:
    shopper: int
    step: int
    text: str
    seconds: float
    status: int
    decision: str | None = None


@dataclass
class LoadReport:
    turns: list[Turn] = field(default_factory=list)

    def latencies(self) -> list[float]:
        return sorted(t.seconds for t in self.turns)

    def percentile(self, q: float) -> float:
        values = self.latencies()
        return values[min(len(values) - 1, int(q * len(values)))] if values else 0.0

    @property
    def errors(self) -> int:
        return sum(t.status != 200 for t in self.turns)

    def summary(self) -> dict[str, Any]:
        return {"turns": len(self.turns), "errors": self.errors,
                "p50_s": round(self.percentile(0.5), 3), "p99_s": round(self.percentile(0.99), 3),
                "max_s": round(max(self.latencies(), default=0.0), 3)}


def make_shoppers(rt: Runtime, count: int) -> list[Shopper]:
    """``count`` customers with orders, half writing English and half Chinese, each with a
    token and a script naming their own latest order."""
    out: list[Shopper] = []
    with rt.session(write=True) as session:
        customers = session.exec(select(Customer).where(col(Customer.guest).is_(False))
                                 .order_by(col(Customer.id))).all()
        for customer in customers:
            latest = session.exec(select(Order.id).where(Order.customer_id == customer.id)
                                  .order_by(col(Order.created_at).desc())).first()
            if latest is None:
                continue
            language = ("en", "zh")[len(out) % 2]
            _row, token = create_token(session=session, role="shopper",
                                       name=f"load-{len(out)}", customer_id=customer.id)
            script = [m.format(order=latest) for m in SCRIPT[language]]
            out.append(Shopper(customer.id, token, language, script))
            if len(out) == count:
                break
    return out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(home: Path, port: int | None = None,
                 **env: str) -> tuple[subprocess.Popen[bytes], str]:
    """`kefu serve` on ``home`` in a child process, once healthy: (process, base URL)."""
    port = port or _free_port()
    full_env = {**os.environ, "KEFU_HOME": str(home), "KEFU_LOG_LEVEL": "WARNING", **env}
    full_env.pop("KEFU_DATABASE_URL", None)
    log = home / "load-serve.log"
    with log.open("ab") as sink:
        proc = subprocess.Popen([KEFU, "serve", "--host", "127.0.0.1", "--port", str(port)],
                                env=full_env, stdout=sink, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, log)
    except BaseException:
        proc.kill()
        raise
    return proc, url


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@contextmanager
def serve(home: Path, **env: str) -> Iterator[str]:
    """`kefu serve` on ``home`` in a child process; yields its base URL."""
    proc, url = start_server(home, None, **env)
    try:
        yield url
    finally:
        stop_server(proc)


def _wait_healthy(url: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"kefu serve exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(f"{url}/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError("kefu serve did not become healthy in 120 s")


def _shopper(url: str, index: int, shopper: Shopper, think_s: tuple[float, float],
             report: LoadReport, lock: threading.Lock, seed: int) -> None:
    rng = random.Random(seed + index)
    auth = {"Authorization": f"Bearer {shopper.token}"}
    with httpx.Client(base_url=url, headers=auth, timeout=60) as client:
        conversation = client.post("/api/conversations", json={}).json()["id"]
        for step, text in enumerate(shopper.messages):
            time.sleep(rng.uniform(*think_s))
            start = time.monotonic()
            try:
                res = client.post(f"/api/conversations/{conversation}/messages",
                                  json={"text": text})
                status, body = res.status_code, res.json() if res.status_code == 200 else {}
            except httpx.HTTPError:
                status, body = 0, {}
            turn = Turn(index, step, text, time.monotonic() - start, status,
                        (body.get("result") or {}).get("decision"))
            with lock:
                report.turns.append(turn)


def run_load(url: str, shoppers: list[Shopper], *, think_s: tuple[float, float] = (1.0, 3.0),
             seed: int = 7) -> LoadReport:
    """Every shopper at once, each in its own thread and HTTP connection."""
    report, lock = LoadReport(), threading.Lock()
    threads = [threading.Thread(target=_shopper, args=(url, i, s, think_s, report, lock, seed))
               for i, s in enumerate(shoppers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return report


def template_turns(home: Path, shoppers: list[Shopper]) -> set[tuple[int, int]]:
    """(shopper, step) of the turns the bot sends by itself with no LLM at all, replayed
    in a copy of ``home`` (the answers the LLM may never hold back)."""
    from app.assist.service import assist_once

    copy = home.with_name(home.name + "-baseline")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(home, copy)
    rt = Runtime(Settings(home=copy, llm_backend="none", database_url=None))
    out = set()
    try:
        for i, shopper in enumerate(shoppers):
            for step, text in enumerate(shopper.messages):
                result = assist_once(rt, customer_id=shopper.customer_id, text=text,
                                     label=f"baseline-{i}").result
                if result.decision == "auto_send":
                    out.add((i, step))
    finally:
        rt.close()
        shutil.rmtree(copy, ignore_errors=True)
    return out


SHOPPERS = 20


def figures(home: Path, count: int = SHOPPERS) -> dict[str, Any]:
    """``count`` shoppers at once against `kefu serve` on a copy of ``home`` with the
    embedded LLM drafting for agents: the latency each shopper sees, and the share of
    the turns a template answers that the bot still sent by itself (the LLM may never
    hold those back)."""
    copy = home.with_name(home.name + "-load")
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(home, copy, ignore=shutil.ignore_patterns("*.lock", "logs"))
    try:
        rt = Runtime(Settings(home=copy, llm_backend="none", database_url=None))
        try:
            shoppers = make_shoppers(rt, count)
        finally:
            rt.close()
        answered_by_templates = template_turns(copy, shoppers)
        with serve(copy, KEFU_LLM_BACKEND="llamacpp") as url:
            report = run_load(url, shoppers)
        sent = {(t.shopper, t.step) for t in report.turns if t.decision == "auto_send"}
        share = len(answered_by_templates & sent) / max(1, len(answered_by_templates))
        return {"shoppers": len(shoppers), **report.summary(),
                "template_turns_auto_sent": round(share, 3), "target_p99_s": 1.0}
    finally:
        shutil.rmtree(copy, ignore_errors=True)
