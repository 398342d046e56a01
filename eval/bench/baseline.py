"""The baseline of `kefu bench`: a plain LangChain retrieval chain doing the same work.

retriever (a ``BaseRetriever`` over Kefu's own hybrid index, so both sides search the
same knowledge base the same way) -> prompt template -> the prompt as text -> a
trivial output parser; no LLM, like Kefu's pipeline with the ``none`` backend. The
ratio says what Kefu's extra steps (intent, slots, orders, policy-guarded actions,
templates, scoring, the conversation record) cost over retrieval and a prompt.
langchain-community's FAISS store is not used: it is not installed, and it would
search a different (dense-only) index than the one being compared.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import Runnable, RunnableLambda, RunnablePassthrough

from app.runtime import Runtime
from eval.bench.messages import Message
from eval.bench.timing import stats_ms

PROMPT = ChatPromptTemplate.from_messages([
    ("system", "You are a store's customer-service assistant. Answer only from the "
               "passages, citing them as [n].\n\n{context}"),
    ("human", "{question}"),
])


class KefuHybridRetriever(BaseRetriever):
    """LangChain's retriever interface over `app.knowledge.search_knowledge`."""

    runtime: Any  # the Runtime whose index is searched
    k: int = 5

    def _get_relevant_documents(self, query: str, *,
                                run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        from app.knowledge import search_knowledge

        return [Document(page_content=h.text, metadata={"id": h.id, "score": h.score})
                for h in search_knowledge(self.runtime, query=query, k=self.k)]


def _context(docs: list[Document]) -> str:
    return "\n\n".join(f"[{n}] {d.page_content}" for n, d in enumerate(docs, 1))


def chain(rt: Runtime, k: int = 5) -> Runnable[str, str]:
    retrieve = KefuHybridRetriever(runtime=rt, k=k) | RunnableLambda(_context)
    as_text = RunnableLambda(lambda prompt: prompt.to_string())
    return ({"context": retrieve, "question": RunnablePassthrough()}
            | PROMPT | as_text | StrOutputParser())


def time_serial(fn: Callable[[Message], Any], messages: list[Message]) -> dict[str, Any]:
    samples = []
    started = time.perf_counter()
    for m in messages:
        start = time.perf_counter()
        fn(m)
        samples.append(time.perf_counter() - start)
    wall = time.perf_counter() - started
    return {**stats_ms(samples), "messages_per_s": round(len(samples) / wall, 1)}


def langchain_timings(rt: Runtime, messages: list[Message]) -> dict[str, Any]:
    runnable = chain(rt)
    for text in ("warm up", "预热"):
        runnable.invoke(text)
    return time_serial(lambda m: runnable.invoke(m.text), messages)
