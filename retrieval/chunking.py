"""Token-aware chunking with LangChain's splitters.

Markdown headings split a document into sections whose heading path stays with each
chunk as context; long sections are cut by tiktoken token counts at paragraph, then
sentence boundaries (Chinese 。！？ included), never mid-sentence while a boundary fits.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

from retrieval.tokens import DEFAULT_ENCODING, seed_cache

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


@lru_cache(maxsize=4)
def _splitter(chunk_tokens: int, overlap: int) -> RecursiveCharacterTextSplitter:
    seed_cache()
    return RecursiveCharacterTextSplitter.from_tiktoken_encoder(
        encoding_name=DEFAULT_ENCODING,
        chunk_size=chunk_tokens,
        chunk_overlap=overlap,
        separators=SEPARATORS,
        keep_separator="end",
    )


def chunk_markdown(text: str, *, chunk_tokens: int = CHUNK_TOKENS,
                   overlap: int = OVERLAP_TOKENS) -> list[ChunkDraft]:
    sections = MarkdownHeaderTextSplitter(HEADERS, strip_headers=True).split_text(text)
    splitter = _splitter(chunk_tokens, overlap)
    drafts: list[ChunkDraft] = []
    for section in sections:
        path = " > ".join(section.metadata[key] for _, key in HEADERS if key in section.metadata)
        for piece in splitter.split_text(section.page_content):
            if piece.strip():
                drafts.append(ChunkDraft(ord=len(drafts), section=path, text=piece.strip()))
    return drafts
