"""The one error tree of Kefu.

Adapters wrap third-party exceptions into these (``raise X(...) from exc``); the CLI
prints one line per error, and the API's single handler (app.api.errors) maps them
to HTTP codes. The errors themselves know nothing of HTTP::

    KefuError                      anything Kefu raises on purpose
    ├── ConfigError                a bad setting, a missing KEFU_HOME
    ├── InputError                 bad input from a user (file, body, argument)
    │   └── ImportFileError        a store file that cannot be read at all
    ├── NotFoundError              a conversation, order, suggestion ... that is not there
    ├── AuthError                  missing or unknown credentials
    ├── ForbiddenError             known caller, not allowed
    ├── ConflictError              state does not allow it (already decided, ...)
    └── BackendError               a dependency is down: LLM, embedder, index, database
        ├── LLMError               the LLM backend failed or timed out
        └── IndexError_            the vector/lexical index is missing or broken
"""

from __future__ import annotations


class KefuError(Exception):
    """Base of every error Kefu raises on purpose."""


class ConfigError(KefuError):
    """A setting is invalid, or KEFU_HOME is missing or not initialised."""


class InputError(KefuError):
    """The caller's input is malformed; the message says what and where."""


class ImportFileError(InputError):
    """A store import file cannot be read or parsed at all."""


class NotFoundError(KefuError):
    """A record that is not there (or that the caller may not know exists)."""


class AuthError(KefuError):
    """Missing, unknown or revoked credentials."""


class ForbiddenError(KefuError):
    """A known caller who may not do this."""


class ConflictError(KefuError):
    """The state does not allow it (already decided, already closed, ...)."""


class BackendError(KefuError):
    """A backing service (LLM, embedder, index, database) is unavailable."""


class LLMError(BackendError):
    """The LLM backend failed, timed out or answered garbage."""


class IndexError_(BackendError):
    """The search index is missing, corrupt or inconsistent."""
