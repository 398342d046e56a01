"""The store import read as a stream and written a batch at a time means what the whole
file parsed at once meant: the same errors for a broken file, the same records for an
odd one, the same rejections across batch boundaries. On SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.errors import ImportFileError
from app.store.importer import import_store
from app.store.source import FileSource, read_store_file
from app.store.upsert import BATCH
from tests.conftest import current, session_scope
from tests.pg import BOTH_DATABASES


def _error(read: Any, path: Path) -> str:
    with pytest.raises(ImportFileError) as caught:
        read(path)
    return str(caught.value)


@pytest.mark.parametrize("content", ["5", "2.5", "[1]", '"x"', "true", "null", "",
                                     '{"a": 1} trailing', '{"orders": [1,', "\ufeff{}"])
def test_a_broken_file_fails_as_when_parsed_whole(tmp_path: Path, content: str) -> None:
    path = tmp_path / "s.json"
    path.write_text(content, encoding="utf-8")
    assert _error(FileSource, path) == _error(read_store_file, path)


@pytest.mark.parametrize("content", ['{"orders": [1], "orders": [2, 3]}',
                                     '{"orders": [{"id": "a", "total": NaN}]}',
                                     '{"orders": [{"id": "\\ud800"}], "x": {"orders": [5]}}',
                                     '{"customers": {}, "orders": 3, "refunds": []}'])
def test_odd_files_hold_what_the_standard_parser_reads(tmp_path: Path, content: str) -> None:
    path = tmp_path / "s.json"
    path.write_text(content, encoding="utf-8")
    whole, source = read_store_file(path), FileSource(path)
    assert source.lists() == {key: isinstance(v, list) for key, v in whole.items()}
    for name in whole:
        expected = whole[name] if isinstance(whole[name], list) else []
        assert repr(list(source.records(name))) == repr(expected)  # NaN != NaN


@pytest.mark.parametrize("block", [5, 13, 16, 17, 1 << 20])
def test_a_lone_surrogate_is_found_across_read_blocks(tmp_path: Path, block: int,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from app.store import source

    monkeypatch.setattr(source, "_BLOCK", block)
    path = tmp_path / "s.json"
    for content, lone in [('{"a":["xx\\ud83d\\ude00 x"]}', False),
                          ('{"a":["xxx\\ud83dz"]}', True), ('{"a":["\\ud800"]}', True)]:
        path.write_text(content)
        assert source._lone_surrogate(path) is lone, content


def _customers(n: int) -> list[dict[str, Any]]:
    return [{"id": f"bc-{i}", "name": f"P {i}", "email": f"p{i}@example.com"}
            for i in range(n)]


@BOTH_DATABASES
def test_rejections_across_batches_are_those_of_one_pass(migrated_home: Path,
                                                         tmp_path: Path) -> None:
    customers = _customers(BATCH + 300)
    customers[5] = {"id": "bc-5"}  # invalid: name missing, so bc-5 is never accepted
    later = BATCH + 100
    # a later batch: a bare record whose id an earlier batch inserted is judged as
    # given (not completed from the row just written), a valid one is a duplicate
    customers[later] = {"id": "bc-7"}
    customers[later + 1] = {"id": "bc-8", "name": "Again"}
    customers[later + 2] = {"id": "bc-5", "name": "First valid"}
    orders = [{"id": f"bo-{i}", "customer_id": f"bc-{i}", "status": "paid",
               "created_at": "2026-01-02T00:00:00Z", "total": 10.0} for i in range(BATCH + 50)]
    orders[BATCH + 10]["customer_id"] = "bc-unknown"
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"customers": customers, "orders": orders}))
    with session_scope(write=True) as session:
        report = import_store(data=FileSource(path), session=session)
    assert [str(r) for r in report.rejected] == [
        "rejected customers[5] (id bc-5): name: Field required",
        f"rejected customers[{later}] (id bc-7): name: Field required",
        f"rejected customers[{later + 1}] (id bc-8): duplicate id, first given at index 8",
        f"rejected orders[{BATCH + 10}] (id bo-{BATCH + 10}): unknown customer_id "
        "'bc-unknown'",
    ]
    assert vars(report.counts["customers"]) == {"inserted": BATCH + 297, "updated": 0,
                                                "unchanged": 0}
    assert vars(report.counts["orders"]) == {"inserted": BATCH + 49, "updated": 0,
                                             "unchanged": 0}
    with current().engine.connect() as conn:
        name = conn.execute(text("SELECT name FROM customer WHERE id = 'bc-5'")).scalar()
    assert name == "First valid"


@BOTH_DATABASES
def test_an_unchanged_order_follows_its_customers_new_language(migrated_home: Path,
                                                               tmp_path: Path) -> None:
    from app.store.importer import FileSource as Source, import_into

    customer = {"id": "lc-1", "name": "Lin", "email": "lin@example.com", "language": "en"}
    order = {"id": "lo-1", "customer_id": "lc-1", "status": "paid", "total": 12.0,
             "created_at": "2026-01-02T00:00:00Z",
             "items": [{"name": "Tea Kettle", "qty": 1, "price": 12.0}]}
    for language in ("en", "zh"):
        path = tmp_path / f"{language}.json"
        path.write_text(json.dumps({"customers": [{**customer, "language": language}],
                                    "orders": [order]}))
        report = import_into(current(), Source(path))
        assert not report.rejected
        hits = current().index.search_customer("kettle", customer_id="lc-1", k=1)
        assert [(h.doc_id, h.language) for h in hits] == [("lo-1", language)]
    assert vars(report.counts["orders"]) == {"inserted": 0, "updated": 0, "unchanged": 1}


@BOTH_DATABASES
def test_an_order_names_a_customer_stored_before_given_now_or_refused(
        migrated_home: Path, tmp_path: Path) -> None:
    def order(n: int, customer: str) -> dict[str, Any]:
        return {"id": f"ko-{n}", "customer_id": customer, "status": "paid", "total": 1.0,
                "created_at": "2026-01-02T00:00:00Z"}

    first = tmp_path / "first.json"
    first.write_text(json.dumps({"customers": _customers(2)}))
    with session_scope(write=True) as session:
        assert not import_store(data=FileSource(first), session=session).rejected
    second = tmp_path / "second.json"
    second.write_text(json.dumps({
        "customers": [{"id": "bc-new", "name": "New"}, {"id": "bc-bad"}],
        "orders": [order(1, "bc-0"), order(2, "bc-new"), order(3, "bc-bad"),
                   order(4, "bc-none"), {"id": "ko-5", "customer_id": "bc-1"}]}))
    with session_scope(write=True) as session:
        report = import_store(data=FileSource(second), session=session)
    assert [str(r) for r in report.rejected] == [
        "rejected customers[1] (id bc-bad): name: Field required",
        "rejected orders[2] (id ko-3): unknown customer_id 'bc-bad'",
        "rejected orders[3] (id ko-4): unknown customer_id 'bc-none'",
        "rejected orders[4] (id ko-5): status: Field required; created_at: Field required; "
        "total: Field required"]
    assert report.order_ids == ["ko-1", "ko-2"]
