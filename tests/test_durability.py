"""kill -9 under load (issue 15's probe): every message the service acknowledged is in
the database exactly once, and a client retrying with its Idempotency-Key after the
restart gets its answer without the message being stored twice."""

from __future__ import annotations

import signal
import sqlite3
import threading
import time
from pathlib import Path

import httpx

from app.runtime import Runtime
from app.settings import Settings
from eval.bench.load import Shopper, make_shoppers, start_server, stop_server

SHOPPERS = 4
KILL_AFTER_ACKS = 12


class Client(threading.Thread):
    """One shopper sending numbered messages until told to stop; every message has its
    own Idempotency-Key, and a message without an answer is kept to be retried."""

    def __init__(self, index: int, shopper: Shopper, url: str, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.index, self.shopper, self.url, self.stop = index, shopper, url, stop
        self.acked: dict[str, str] = {}  # key -> text
        self.unanswered: dict[str, str] = {}
        self.conversation = ""

    def client(self, url: str) -> httpx.Client:
        return httpx.Client(base_url=url, timeout=30, headers={
            "Authorization": f"Bearer {self.shopper.token}"})

    def run(self) -> None:
        with self.client(self.url) as http:
            self.conversation = http.post("/api/conversations", json={}).json()["id"]
            n = 0
            while not self.stop.is_set():
                key = f"k-{self.index}-{n}"
                text = f"what is your return policy? (#{self.index}-{n})"
                n += 1
                if not self.send(http, key, text):
                    return

    def send(self, http: httpx.Client, key: str, text: str) -> bool:
        try:
            res = http.post(f"/api/conversations/{self.conversation}/messages",
                            json={"text": text}, headers={"Idempotency-Key": key})
        except httpx.HTTPError:
            self.unanswered[key] = text
            return False
        if res.status_code == 200:
            self.acked[key] = text
            return True
        self.unanswered[key] = text
        return False

    def retry(self, url: str) -> list[int]:
        statuses = []
        with self.client(url) as http:
            for key, text in list(self.unanswered.items()):
                res = http.post(f"/api/conversations/{self.conversation}/messages",
                                json={"text": text}, headers={"Idempotency-Key": key})
                statuses.append(res.status_code)
                if res.status_code == 200:
                    self.acked[key] = self.unanswered.pop(key)
        return statuses


def _stored(home: Path) -> dict[str, int]:
    """How many times each test message is in the database."""
    with sqlite3.connect(home / "kefu.db") as conn:
        rows = conn.execute("SELECT text, COUNT(*) FROM message WHERE role = 'shopper' "
                            "AND text LIKE 'what is your return policy? (#%' "
                            "GROUP BY text").fetchall()
    return {text: count for text, count in rows}


def test_kill_9_loses_and_duplicates_nothing(demo_home: Path) -> None:
    rt = Runtime(Settings(home=demo_home, llm_backend="none", database_url=None))
    try:
        shoppers = make_shoppers(rt, SHOPPERS)
    finally:
        rt.close()
    proc, url = start_server(demo_home, KEFU_LLM_BACKEND="none")
    stop = threading.Event()
    clients = [Client(i, s, url, stop) for i, s in enumerate(shoppers)]
    try:
        for c in clients:
            c.start()
        deadline = time.monotonic() + 120
        while sum(len(c.acked) for c in clients) < KILL_AFTER_ACKS:
            assert time.monotonic() < deadline, "the service answered too few messages"
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)  # mid-request for some of the clients
        proc.wait(timeout=30)
    finally:
        stop.set()
        for c in clients:
            c.join(timeout=60)
        if proc.poll() is None:
            proc.kill()
    acked_before = {c.index: dict(c.acked) for c in clients}
    assert sum(len(a) for a in acked_before.values()) >= KILL_AFTER_ACKS

    proc, url = start_server(demo_home, KEFU_LLM_BACKEND="none")
    try:
        statuses = [s for c in clients for s in c.retry(url)]
    finally:
        stop_server(proc)
    assert all(s == 200 for s in statuses), statuses
    stored = _stored(demo_home)
    for c in clients:
        for key, text in acked_before[c.index].items():
            assert text in stored, f"acknowledged message {key} lost"
    assert all(count == 1 for count in stored.values()), "a message was stored twice"
    # and nothing was stored that no client sent: every stored text was acknowledged
    assert set(stored) == {text for c in clients for text in c.acked.values()}
