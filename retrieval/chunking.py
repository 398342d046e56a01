"""Token-aware chunking with LangChain's splitters.

Markdown headings split a document into sections whose heading path stays with each
chunk as context; long sections are cut by tiktoken token counts at paragraph, then
sentence boundaries (Chinese 。！？ included), never mid-sentence while a boundary fits.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

from retrieval.tokens import DEFAULT_ENCODING, encoding, seed_cache

CHUNK_TOKENS = 300
OVERLAP_TOKENS = 40
SEPARATORS = ["\n\n", "\n", "。", "！", "？", "；", ". ", "! ", "? ", "; ", "，", ", ", " ", ""]
HEADERS = [("#", "h1"), ("##", "h2"), ("###", "h3")]


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


def chunk_markdown(text: str, *, chunk_tokens: int = CHUNK_TOKENS,
                   overlap: int = OVERLAP_TOKENS) -> list[ChunkDraft]:
    splitter = _splitter(chunk_tokens, overlap)
    drafts: list[ChunkDraft] = []
    for path, content in _sections(text):
        for piece in splitter.split_text(content):
            if piece.strip():
                drafts.append(ChunkDraft(ord=len(drafts), section=path, text=piece.strip()))
    return drafts
