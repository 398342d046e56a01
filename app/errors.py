"""The one error tree of Kefu.

Adapters wrap third-party exceptions into these (``raise X(...) from exc``); the CLI
prints one line per error, and the API's single handler maps them to HTTP codes::

    KefuError                      500  anything Kefu raises on purpose
    ├── ConfigError                500  a bad setting, a missing KEFU_HOME
    ├── InputError                 400  bad input from a user (file, body, argument)
    │   └── ImportFileError        400  a store file that cannot be read at all
    ├── NotFoundError              404  a conversation, order, suggestion ... that is not there
    ├── AuthError                  401  missing or unknown credentials
    ├── ForbiddenError             403  known caller, not allowed
    ├── ConflictError              409  state does not allow it (already decided, ...)
    └── BackendError               503  a dependency is down: LLM, embedder, index, database
        ├── LLMError               503  the LLM backend failed or timed out
        └── IndexError_            503  the vector/lexical index is missing or broken
"""

from __future__ import annotations


class KefuError(Exception):
    """Base of every error Kefu raises on purpose."""

    status_code = 500


class ConfigError(KefuError):
    """A setting is invalid, or KEFU_HOME is missing or not initialised."""


class InputError(KefuError):
    """The caller's input is malformed; the message says what and where."""

    status_code = 400


class ImportFileError(InputError):
    """A store import file cannot be read or parsed at all."""


class NotFoundError(KefuError):
    status_code = 404


class AuthError(KefuError):
    status_code = 401


class ForbiddenError(KefuError):
    status_code = 403


class ConflictError(KefuError):
    status_code = 409


class BackendError(KefuError):
    """A backing service (LLM, embedder, index, database) is unavailable."""

    status_code = 503


class LLMError(BackendError):
    """The LLM backend failed, timed out or answered garbage."""


class IndexError_(BackendError):
    """The search index is missing, corrupt or inconsistent."""
