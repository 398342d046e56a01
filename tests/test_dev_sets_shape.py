"""The development sets written after the packs' own tests (Spokeline dev4 to dev33,
Jianmu dev6 to dev34, Maowu dev2 to dev30):
each builder regenerates its file byte for byte, the format is the contract's, every
speaker is a customer of the store writing in their language, and every order or
tracking number a reply must name is the speaker's own. Pure Python: reads the packs'
files, never the application."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.pack_format import ACTION_STATUSES, EXPECT_KEYS, INTENTS
from tests.packs.files import DATA

# (pack, set folder, builder)
SETS = [("foreign", "dev4", "cases_dev4.py"), ("store4", "dev2", "cases_dev2.py"),
        ("foreign", "dev5", "cases_dev5.py"), ("store3", "dev6", "cases_dev6.py"),
        ("foreign", "dev6", "cases_dev6.py"), ("store4", "dev3", "cases_dev3.py"),
        ("store3", "dev7", "cases_dev7.py"), ("foreign", "dev7", "cases_dev7.py"),
        ("store3", "dev8", "cases_dev8.py"), ("store4", "dev4", "cases_dev4.py"),
        ("foreign", "dev8", "cases_dev8.py"), ("store3", "dev9", "cases_dev9.py"),
        ("store4", "dev5", "cases_dev5.py"), ("foreign", "dev9", "cases_dev9.py"),
        ("store3", "dev10", "cases_dev10.py"), ("store4", "dev6", "cases_dev6.py"),
        ("store4", "dev7", "cases_dev7.py"), ("foreign", "dev10", "cases_dev10.py"),
        ("store3", "dev11", "cases_dev11.py"), ("foreign", "dev11", "cases_dev11.py"),
        ("store3", "dev12", "cases_dev12.py"), ("store4", "dev8", "cases_dev8.py"),
        ("foreign", "dev12", "cases_dev12.py"), ("store3", "dev13", "cases_dev13.py"),
        ("store4", "dev9", "cases_dev9.py"), ("foreign", "dev13", "cases_dev13.py"),
        ("store3", "dev14", "cases_dev14.py"), ("store4", "dev10", "cases_dev10.py"),
        ("foreign", "dev14", "cases_dev14.py"), ("store3", "dev15", "cases_dev15.py"),
        ("store4", "dev11", "cases_dev11.py"), ("foreign", "dev15", "cases_dev15.py"),
        ("store3", "dev16", "cases_dev16.py"), ("store4", "dev12", "cases_dev12.py"),
        ("foreign", "dev16", "cases_dev16.py"), ("store3", "dev17", "cases_dev17.py"),
        ("store4", "dev13", "cases_dev13.py"), ("foreign", "dev17", "cases_dev17.py"),
        ("store3", "dev18", "cases_dev18.py"), ("store4", "dev14", "cases_dev14.py"),
        ("foreign", "dev18", "cases_dev18.py"), ("store3", "dev19", "cases_dev19.py"),
        ("store4", "dev15", "cases_dev15.py"), ("foreign", "dev19", "cases_dev19.py"),
        ("store3", "dev20", "cases_dev20.py"), ("store4", "dev16", "cases_dev16.py"),
        ("foreign", "dev20", "cases_dev20.py"), ("store3", "dev21", "cases_dev21.py"),
        ("store4", "dev17", "cases_dev17.py"), ("foreign", "dev21", "cases_dev21.py"),
        ("store3", "dev22", "cases_dev22.py"), ("store4", "dev18", "cases_dev18.py"),
        ("foreign", "dev22", "cases_dev22.py"), ("store3", "dev23", "cases_dev23.py"),
        ("store4", "dev19", "cases_dev19.py"), ("foreign", "dev23", "cases_dev23.py"),
        ("store3", "dev24", "cases_dev24.py"), ("store4", "dev20", "cases_dev20.py"),
        ("foreign", "dev24", "cases_dev24.py"), ("store3", "dev25", "cases_dev25.py"),
        ("store4", "dev21", "cases_dev21.py"), ("foreign", "dev25", "cases_dev25.py"),
        ("store3", "dev26", "cases_dev26.py"), ("store4", "dev22", "cases_dev22.py"),
        ("foreign", "dev26", "cases_dev26.py"), ("store3", "dev27", "cases_dev27.py"),
        ("store4", "dev23", "cases_dev23.py"), ("foreign", "dev27", "cases_dev27.py"),
        ("store3", "dev28", "cases_dev28.py"), ("store4", "dev24", "cases_dev24.py"),
        ("store4", "dev25", "cases_dev25.py"), ("foreign", "dev28", "cases_dev28.py"),
        ("store3", "dev29", "cases_dev29.py"), ("store4", "dev26", "cases_dev26.py"),
        ("store3", "dev30", "cases_dev30.py"), ("foreign", "dev29", "cases_dev29.py"),
        ("store4", "dev27", "cases_dev27.py"), ("foreign", "dev30", "cases_dev30.py"),
        ("store3", "dev31", "cases_dev31.py"), ("foreign", "dev31", "cases_dev31.py"),
        ("store3", "dev32", "cases_dev32.py"), ("store4", "dev28", "cases_dev28.py"),
        ("foreign", "dev32", "cases_dev32.py"), ("store3", "dev33", "cases_dev33.py"),
        ("store4", "dev29", "cases_dev29.py"), ("store4", "dev30", "cases_dev30.py"),
        ("store3", "dev34", "cases_dev34.py"), ("foreign", "dev33", "cases_dev33.py")]
IDS = [f"{pack}/{folder}" for pack, folder, _ in SETS]


def _rows(pack: str, folder: str) -> list[dict[str, Any]]:
    text = (DATA / pack / folder / "dialogues.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _store(pack: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / pack / "store.json").read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize(("pack", "folder", "builder"), SETS, ids=IDS)
def test_the_builder_regenerates_the_file(pack: str, folder: str, builder: str,
                                          tmp_path: Path) -> None:
    # the pack beside a copy of the format it is checked against (never the held-out set)
    copy = tmp_path / "data" / pack
    shutil.copytree(DATA / pack, copy, ignore=shutil.ignore_patterns("heldout"))
    (tmp_path / "tests").mkdir()
    shutil.copy(DATA.parent / "tests" / "pack_format.py", tmp_path / "tests")
    (copy / folder / "dialogues.jsonl").unlink()
    subprocess.run([sys.executable, str(copy / folder / builder)], check=True,
                   capture_output=True, timeout=120)
    assert ((copy / folder / "dialogues.jsonl").read_bytes()
            == (DATA / pack / folder / "dialogues.jsonl").read_bytes())


@pytest.mark.parametrize(("pack", "folder", "builder"), SETS, ids=IDS)
def test_format_and_speakers(pack: str, folder: str, builder: str) -> None:
    rows, store = _rows(pack, folder), _store(pack)
    customers = {c["id"]: c for c in store["customers"]}
    assert len({c["id"] for c in rows}) == len(rows) >= 20
    for c in rows:
        assert set(c) == {"id", "language", "customer_id", "channel", "tags", "turns"}, c["id"]
        assert customers[c["customer_id"]]["language"] == c["language"], c["id"]
        assert 2 <= len(c["turns"]) <= 5, c["id"]
        for i, t in enumerate(c["turns"]):
            e = t["expect"]
            assert t["text"].strip() and set(e) <= EXPECT_KEYS, c["id"]
            assert e["intent"] in INTENTS and set(e["gives"]) <= {"order_id", "address"}
            assert e.get("status") is None or e["status"] in ACTION_STATUSES, c["id"]
            assert isinstance(e["followup"], bool) and not (i == 0 and e["followup"])
    by_language = [sum(1 for c in rows if c["language"] == lang) for lang in ("en", "zh")]
    assert by_language[0] == by_language[1]


@pytest.mark.parametrize(("pack", "folder", "builder"), SETS, ids=IDS)
def test_facts_a_reply_must_name_are_the_speakers_own(pack: str, folder: str,
                                                      builder: str) -> None:
    store = _store(pack)
    owner = {o["id"]: o["customer_id"] for o in store["orders"]}
    tracking = {o["tracking_number"]: o["customer_id"] for o in store["orders"]
                if o.get("tracking_number")}
    for c in _rows(pack, folder):
        for t in c["turns"]:
            e = t["expect"]
            for fact in e.get("reply_contains", []):
                assert tracking.get(fact) in (None, c["customer_id"]), (c["id"], fact)
                if owner.get(fact) not in (None, c["customer_id"]):
                    # another's order, named back as the shopper wrote it, is refused
                    assert e.get("status") in (None, "blocked"), (c["id"], fact)
