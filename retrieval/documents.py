"""Source documents from files: markdown (YAML front matter), text, HTML, JSON FAQ."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

from retrieval.errors import DocumentError

LAYERS = ("policy", "product", "promotion", "complaint")
SUFFIXES = {".md", ".markdown", ".txt", ".html", ".htm", ".json"}
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)


@dataclass
class SourceDocument:
    """One document to index. ``text`` is markdown-ish: ``#`` headings mark sections."""

    doc_id: str
    title: str
    text: str
    layer: str = "policy"
    language: str = "en"
    source: str = ""
    customer_id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    # A record (an order) rather than an article: indexed whole as one chunk, and its
    # vector is the normalised sum of these parts' vectors (the products bought), so
    # each part is embedded once however many records hold it. Empty: embed the text.
    embed_parts: tuple[str, ...] = ()

    def content_hash(self) -> str:
        fields: list[Any] = [self.title, self.text, self.layer, self.language,
                             self.customer_id, self.meta]
        if self.embed_parts:  # only then: the hashes of stored articles stay as they were
            fields.append(list(self.embed_parts))
        payload = json.dumps(fields, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(payload.encode()).hexdigest()


def detect_language(text: str) -> str:
    sample = text[:4000]
    letters = sum(ch.isalpha() for ch in sample) or 1
    return "zh" if len(_CJK.findall(sample)) / letters > 0.15 else "en"


def slugify(value: str) -> str:
    slug = re.sub(r"[^\w\u3400-\u9fff]+", "-", value.lower()).strip("-")
    return slug[:120] or "document"


class _HTMLText(HTMLParser):
    """Keeps headings (as markdown #) and paragraph breaks; drops scripts and styles."""

    _SKIP = frozenset({"script", "style", "noscript", "nav", "footer", "head"})
    _BLOCK = frozenset({"p", "div", "li", "br", "tr", "section", "article", "ul", "ol", "table"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title = ""
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, _attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        if tag == "title":
            self._in_title = True
        if re.fullmatch(r"h[1-6]", tag):
            self.parts.append("\n\n" + "#" * min(int(tag[1]), 3) + " ")
        elif tag in self._BLOCK:
            self.parts.append("\n\n" if tag != "li" else "\n- ")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        if tag == "title":
            self._in_title = False
        if re.fullmatch(r"h[1-6]", tag):
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data.strip()
        elif not self._skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def _markdown(path: Path, raw: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    match = _FRONT.match(raw)
    if match:
        try:
            meta = yaml.safe_load(match.group(1)) or {}
        except yaml.YAMLError as exc:
            raise DocumentError(f"{path}: bad front matter: {exc}") from exc
        if not isinstance(meta, dict):
            raise DocumentError(f"{path}: front matter must be a mapping")
        raw = raw[match.end():]
    heading = re.search(r"^#\s+(.+)$", raw, re.M)
    meta.setdefault("title", heading.group(1).strip() if heading else path.stem)
    return {**meta, "text": raw}


def _html(path: Path, raw: str) -> dict[str, Any]:
    parser = _HTMLText()
    parser.feed(raw)
    text = re.sub(r"\n{3,}", "\n\n", "".join(parser.parts)).strip()
    heading = re.search(r"^#\s+(.+)$", text, re.M)
    title = parser.title or (heading.group(1).strip() if heading else path.stem)
    return {"title": title, "text": text}


def _faq(path: Path, raw: str) -> dict[str, Any]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise DocumentError(f"{path}: malformed JSON at line {exc.lineno}: {exc.msg}") from exc
    meta: dict[str, Any] = {}
    if isinstance(data, dict):
        meta = {k: v for k, v in data.items() if k in ("id", "title", "layer", "language")}
        data = data.get("faq", data.get("items"))
    if not isinstance(data, list) or not data:
        raise DocumentError(f"{path}: expected a non-empty list of {{question, answer}}")
    sections = []
    for i, item in enumerate(data):
        if not (isinstance(item, dict) and isinstance(item.get("question"), str)
                and isinstance(item.get("answer"), str)):
            raise DocumentError(f"{path}: item {i} needs string 'question' and 'answer'")
        question, answer = item["question"].strip(), item["answer"].strip()
        # the question stays in the body too, so a hit shows what it answers
        sections.append(f"## {question}\n\n{question}\n{answer}")
    meta.setdefault("title", path.stem.replace("-", " ").replace("_", " "))
    return {**meta, "text": "\n\n".join(sections)}


def load_document(path: Path, *, layer: str | None = None,
                  language: str | None = None) -> SourceDocument:
    """Read one file; raises DocumentError with the file name and reason."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise DocumentError(f"{path}: unsupported file type {suffix or '(none)'}")
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(f"{path}: cannot read: {exc}") from exc
    if not raw.strip():
        raise DocumentError(f"{path}: empty file")
    if suffix in (".md", ".markdown"):
        fields = _markdown(path, raw)
    elif suffix in (".html", ".htm"):
        fields = _html(path, raw)
    elif suffix == ".json":
        fields = _faq(path, raw)
    else:
        fields = {"title": raw.strip().splitlines()[0][:200], "text": raw}
    if not str(fields.get("text", "")).strip():
        raise DocumentError(f"{path}: no text")
    chosen_layer = layer or fields.get("layer") or "policy"
    if chosen_layer not in LAYERS:
        raise DocumentError(f"{path}: unknown layer {chosen_layer!r}; one of {', '.join(LAYERS)}")
    return SourceDocument(
        doc_id=str(fields.get("id") or slugify(path.stem)),
        title=str(fields["title"]),
        text=str(fields["text"]),
        layer=chosen_layer,
        language=language or fields.get("language") or detect_language(fields["text"]),
        source=str(path),
        meta={"intents": list(fields.get("intents", []))} if fields.get("intents") else {},
    )


def iter_files(paths: list[Path]) -> list[Path]:
    """Files under the given files or folders, sorted, supported types only."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*"))
                         if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            found.append(path)
    return found
