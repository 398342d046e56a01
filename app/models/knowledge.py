"""Knowledge documents known to the index (the chunks themselves live in the index)."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.models._common import utcnow


class KnowledgeDocumentBase(SQLModel):
    title: str = Field(max_length=300)
    layer: str = Field(max_length=16)  # policy | product | promotion | complaint
    language: str = Field(max_length=8)
    source: str = Field(max_length=1000)


class KnowledgeDocument(KnowledgeDocumentBase, table=True):
    __tablename__ = "knowledge_document"
    id: str = Field(primary_key=True, max_length=200)
    content_hash: str = Field(max_length=64)
    chunk_count: int = 0
    updated_at: datetime = Field(default_factory=utcnow)


class KnowledgeDocumentPublic(KnowledgeDocumentBase):
    id: str
    chunk_count: int
    updated_at: datetime
