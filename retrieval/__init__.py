"""Retrieval: embedders, chunking, vector and lexical indexes, hybrid search, ingestion.

Knows nothing of the service: it never imports ``app``.
"""
