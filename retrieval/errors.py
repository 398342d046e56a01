"""Retrieval's own errors; the service wraps them into its error tree."""


class RetrievalError(Exception):
    """Base of retrieval errors."""


class EmbedderError(RetrievalError):
    """An embedder is unknown, cannot load, or failed."""


class IndexCorruptError(RetrievalError):
    """Files in the index folder are missing or do not agree with each other."""


class DocumentError(RetrievalError):
    """A source document cannot be read or parsed."""
