"""`kefu ingest` and `kefu search` end to end on outside documents (en and zh)."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from tests.conftest import invoke

DOCS = Path(__file__).parent / "fixtures" / "docs"


def search_json(query: str, *extra: str) -> list[dict[str, object]]:
    result = invoke("search", query, "--json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.output.strip().splitlines()[-1])


def test_ingest_formats_skip_broken_and_search(migrated_home: Path, tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    shutil.copytree(DOCS, folder)
    (folder / "broken.json").write_text('{"faq": [ {"question": 1}', encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG")  # unsupported types are not picked up

    first = invoke("ingest", str(folder))
    assert first.exit_code == 2
    assert "skipped" in first.output and "broken.json: malformed JSON" in first.output
    assert "ingested: 5 new, 0 replaced, 0 unchanged" in first.output

    again = invoke("ingest", str(folder / "warranty-policy.md"), str(folder / "清关说明.md"))
    assert again.exit_code == 0
    assert "ingested: 0 new, 0 replaced, 2 unchanged, 0 chunks" in again.output

    hits = search_json("how long is the guarantee on my kettle", "--k", "3")
    assert hits[0]["id"] == "kb:warranty-policy#0" or str(hits[0]["id"]).startswith(
        "kb:warranty-policy#")
    assert set(hits[0]) == {"id", "title", "text", "score", "source", "layer", "language"}
    assert search_json("清关要多久")[0]["title"] == "跨境包裹清关说明"
    assert search_json("清关要多久")[0]["language"] == "zh"
    assert search_json("can you wrap it as a present")[0]["title"] == "Gift wrapping"
    assert "Canada" in str(search_json("do you deliver to Toronto")[0]["text"])
    assert "nine" in str(search_json("when can I call you on the phone")[0]["text"])


def test_changed_file_replaces_its_chunks(migrated_home: Path, tmp_path: Path) -> None:
    doc = tmp_path / "policy.md"
    doc.write_text("# Pets\n\nDogs are welcome in our showroom.", encoding="utf-8")
    assert "1 new" in invoke("ingest", str(doc)).output
    doc.write_text("# Pets\n\nOnly guide dogs are allowed in the showroom.", encoding="utf-8")
    assert "0 new, 1 replaced" in invoke("ingest", str(doc)).output
    texts = [h["text"] for h in search_json("can I bring my dog", "--k", "10")]
    assert texts == ["Only guide dogs are allowed in the showroom."]
    with sqlite3.connect(migrated_home / "kefu.db") as conn:
        rows = conn.execute("SELECT id, title, chunk_count FROM knowledge_document").fetchall()
    assert rows == [("policy", "Pets", 1)]


def test_ingest_reports_missing_path_and_search_rejects_empty(migrated_home: Path,
                                                              tmp_path: Path) -> None:
    result = invoke("ingest", str(tmp_path / "nope.md"))
    assert result.exit_code == 2
    assert "nope.md: no such file or folder" in result.output
    empty = invoke("search", "   ")
    assert empty.exit_code == 1
    assert "empty search query" in empty.output
