"""Where a store import's records come from: an object already parsed (the API, the
demo store) or a file streamed record by record (`kefu import-store`), so that a file
of 100k orders never sits in memory whole.

A file is read once to check it and list its top-level keys, then once per list
being imported; ``ijson``'s C parser skips the rest of the file at about 50 MB/s.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import ijson

from app.errors import ImportFileError

# a top-level value that is not an object, named as the standard parser's type names it
_TYPES = {"start_array": "list", "string": "str", "boolean": "bool", "null": "NoneType"}


@runtime_checkable
class StoreSource(Protocol):
    def lists(self) -> dict[str, bool]:
        """Every top-level key, and whether its value is a list."""
        ...

    def records(self, name: str) -> Iterator[Any]:
        """The records of one top-level list, in file order (none if it is absent)."""
        ...


class DictSource:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = data

    def lists(self) -> dict[str, bool]:
        return {key: isinstance(value, list) for key, value in self.data.items()}

    def records(self, name: str) -> Iterator[Any]:
        value = self.data.get(name)
        return iter(value if isinstance(value, list) else ())


class FileSource:
    """A store file, streamed. Anything that makes the whole file unusable (missing,
    unreadable, malformed, not one object) is an ImportFileError before any record is
    read, as it was when the file was parsed whole. What the streaming parser cannot
    read the same way as the standard one (a top-level key given twice, ``NaN``, lone
    surrogates) is parsed whole, as before, so every file means what it always did."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._whole: DictSource | None = None
        self._lists = self._scan()

    def lists(self) -> dict[str, bool]:
        return self._lists

    def records(self, name: str) -> Iterator[Any]:
        if self._whole is not None:
            yield from self._whole.records(name)
            return
        if not self._lists.get(name):
            return
        with self.path.open("rb") as handle:
            yield from ijson.items(handle, f"{name}.item", use_float=True)

    def _scan(self) -> dict[str, bool]:
        try:
            with self.path.open("rb") as handle:
                found = _top_level(self.path, ijson.parse(handle, use_float=True))
        except FileNotFoundError as exc:
            raise ImportFileError(f"{self.path}: no such file") from exc
        except OSError as exc:
            raise ImportFileError(f"{self.path}: cannot read: {exc}") from exc
        except (ijson.JSONError, UnicodeDecodeError):
            found = None
        if found is None or _lone_surrogate(self.path):
            # the standard parser decides: it says where and why a file is malformed
            # (line, column), and reads what it accepts beyond strict JSON
            self._whole = DictSource(read_store_file(self.path))
            return self._whole.lists()
        return found


# "\\uD800".."\\uDBFF" not followed by a low half: the stream parser reads it as "?",
# the standard one keeps it (a false alarm, an escaped backslash, only costs a whole parse)
_LONE_HIGH = re.compile(rb"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])")
_BLOCK = 1 << 20


def _lone_surrogate(path: Path) -> bool:
    """Whether the file escapes half of a surrogate pair alone; read a block at a time
    (a block's last 12 bytes are searched again with the next, as the lookahead
    needs them)."""
    tail = b""
    with path.open("rb") as handle:
        while True:
            block = handle.read(_BLOCK)
            text, last = tail + block, len(block) < _BLOCK
            limit = len(text) if last else max(len(text) - 12, 0)
            if any(m.start() < limit for m in _LONE_HIGH.finditer(text)):
                return True
            if last:
                return False
            tail = text[limit:]


def _top_level(path: Path, events: Iterator[tuple[str, str, Any]]) -> dict[str, bool] | None:
    """Each top-level key and whether its value is a list; None when a key repeats
    (the standard parser keeps the last value, a stream would see both)."""
    found: dict[str, bool] = {}
    key: str | None = None
    for prefix, event, value in events:
        if prefix == "" and event != "map_key" and event != "end_map":
            if event != "start_map":
                kind = _TYPES.get(event) or type(value).__name__  # a number: int or float
                raise ImportFileError(f"{path}: expected one JSON object, got {kind}")
        elif prefix == "" and event == "map_key":
            if value in found:
                return None
            key = value
        elif key is not None and prefix == key:
            found[key] = event == "start_array"
            key = None
    return found


def read_store_file(path: Path) -> dict[str, Any]:
    """Parse the whole file (small files: the demo store); anything that makes it
    unusable is an ImportFileError."""
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ImportFileError(f"{path}: no such file") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportFileError(f"{path}: cannot read: {exc}") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ImportFileError(
            f"{path}: malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}"
        ) from exc
    if not isinstance(data, dict):
        raise ImportFileError(f"{path}: expected one JSON object, got {type(data).__name__}")
    return data
