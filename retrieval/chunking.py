"""Token-aware chunking with LangChain's splitters.

Markdown headings split a document into sections whose heading path stays with each
chunk as context; long sections are cut by tiktoken token counts at paragraph, then
sentence boundaries (Chinese 。！？ included), never mid-sentence while a boundary fits.

A comparison table (products as columns, properties as rows, its first header cell
empty) also gives one chunk per row ("Suction: S7 5000 Pa; E5 3000 Pa"): that row is
what a question about one property asks for, and the whole table, where many rows dilute
it, ranks below a paragraph that merely names the product. A lookup table ("size | head
55-59 cm") stays whole: the shopper's number is found by reading across its rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

from retrieval.tokens import DEFAULT_ENCODING, encoding, seed_cache

CHUNK_TOKENS = 300
OVERLAP_TOKENS = 40
SEPARATORS = ["\n\n", "\n", "。", "！", "？", "；", ". ", "! ", "? ", "; ", "，", ", ", " ", ""]
HEADERS = [("#", "h1"), ("##", "h2"), ("###", "h3")]
_TABLE_LINE = re.compile(r"^\s*\|.*\|\s*$")
_RULE_LINE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
# a table of one data row is its own row chunk already
MIN_ROWS = 2
# between a table row's section and the item it is of: "Purifiers › AirPure 3200"
ROW_ITEM = " › "


@dataclass(frozen=True)
class ChunkDraft:
    ord: int
    section: str  # heading path, "Returns policy > Returns window"
    text: str

    def for_embedding(self, title: str) -> str:
        context = self.section if self.section.startswith(title) else f"{title} > {self.section}"
        return f"{context.strip(' >')}\n{self.text}"


@lru_cache(maxsize=65536)
def _count(text: str) -> int:
    """Tokens of one piece, as ``from_tiktoken_encoder`` counts them (special tokens
    refused). Remembered: the splitter counts every piece twice (when it splits, then
    when it merges), and overlapping pieces again."""
    return len(encoding(DEFAULT_ENCODING).encode(text, allowed_special=set(),
                                                  disallowed_special="all"))


@lru_cache(maxsize=4)
def _splitter(chunk_tokens: int, overlap: int) -> RecursiveCharacterTextSplitter:
    seed_cache()
    return RecursiveCharacterTextSplitter(
        length_function=_count,
        chunk_size=chunk_tokens,
        chunk_overlap=overlap,
        separators=SEPARATORS,
        keep_separator="end",
    )


def _sections(text: str) -> list[tuple[str, str]]:
    """(heading path, content) of each section. LangChain's own aggregation of a
    section's paragraphs appends to one string in a loop, quadratic in the section's
    length (a 20 MB file with few headings spent minutes there); its per-paragraph
    output is joined here the same way ("  \n" between paragraphs), in linear time."""
    splitter = MarkdownHeaderTextSplitter(HEADERS, strip_headers=True, return_each_line=True)
    sections: list[tuple[dict[str, str], list[str]]] = []
    for para in splitter.split_text(text):
        if sections and sections[-1][0] == para.metadata:
            sections[-1][1].append(para.page_content)
        else:
            sections.append((para.metadata, [para.page_content]))
    return [(" > ".join(meta[key] for _, key in HEADERS if key in meta), "  \n".join(body))
            for meta, body in sections]


# a table keyed by its first column with this many columns or more lists items and
# their properties; with fewer it is a lookup ("size | head")
MIN_ITEM_COLUMNS = 3
# a band of a measure in the key or the first value ("51-55 cm", "under 70 kg"): a value
# is looked up against every band, so the table is read whole
_BAND = re.compile(r"\d+(?:[.,]\d+)?\s*(?:[-–~至到]|to)\s*\d|\b(?:under|over|below|above)\s+\d"
                   r"|\d\s*\S{0,3}\s*(?:以上|以下|以内)", re.IGNORECASE)


def _banded(table: list[str]) -> bool:
    return any(_BAND.search(cell) for line in table[2:] for cell in _cells(line)[:2])


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _tables(content: str) -> list[list[str]]:
    """The markdown tables of a section: runs of "|"-lines with a rule under the header."""
    found: list[list[str]] = []
    run: list[str] = []
    for line in [*content.splitlines(), ""]:
        if _TABLE_LINE.match(line):
            run.append(line)
            continue
        if len(run) >= 2 + MIN_ROWS and _RULE_LINE.match(run[1]):
            found.append(run)
        run = []
    return found


def table_rows(content: str) -> list[tuple[str, str]]:
    """Each row of each comparison table, as its property across the columns
    ("Suction: S7 5000 Pa; E5 3000 Pa"), or as its item's properties when the items are
    the rows ("AirPure 3200: Room size 28-48 m²; Sleep-mode noise 22 dB"): a question
    of one item's one figure finds the row that holds it with its column's words. Rows
    of one item (its two filters) are one piece. Each piece comes with the item it is
    of ("" for a property across items): its heading under the section's."""
    pieces: list[tuple[str, str]] = []
    items: dict[str, list[str]] = {}
    for table in _tables(content):
        header = _cells(table[0])
        if header[0] and (len(header) < MIN_ITEM_COLUMNS or _banded(table)):
            continue  # a lookup table ("size | head 55-59 cm"): answered whole
        for line in table[2:]:
            cells = _cells(line)
            pairs = [(h, c) for h, c in zip(header, cells, strict=False) if c]
            if not (cells and cells[0]):
                continue
            rest = "; ".join(f"{h} {c}".strip() for h, c in pairs[1:])
            if header[0]:
                items.setdefault(cells[0], []).append(rest)
            else:
                pieces.append(("", f"{cells[0]}: {rest}"))
    pieces += [(key, f"{key}: " + " / ".join(rests)) for key, rests in items.items()]
    return [(key, text) for key, text in pieces if text.strip(" :;/")]


def chunk_markdown(text: str, *, chunk_tokens: int = CHUNK_TOKENS,
                   overlap: int = OVERLAP_TOKENS) -> list[ChunkDraft]:
    splitter = _splitter(chunk_tokens, overlap)
    drafts: list[ChunkDraft] = []
    for path, content in _sections(text):
        pieces = [(path, p) for p in splitter.split_text(content)] + [
            (f"{path}{ROW_ITEM}{item}" if item else path, row) for item, row in table_rows(content)]
        for section, piece in pieces:
            if piece.strip():
                drafts.append(ChunkDraft(ord=len(drafts), section=section, text=piece.strip()))
    return drafts
