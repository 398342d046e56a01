"""The channel seam: what one messaging channel (WeChat, email, Chatwoot ...) must do.

Inbound, a channel checks that a request really comes from its platform, turns it into
:class:`Inbound` messages and says who sent them; the shared code in
:mod:`app.channels.inbound` maps the sender to a customer and runs the turn. Outbound,
it delivers one :class:`Outbound` (a reply, a confirmation prompt, a hand-off notice,
a private note ...) that the delivery queue hands it, and says by the exception it
raises whether trying again later can help.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from app.errors import KefuError


class DeliveryKind(StrEnum):
    """What a queued message is; channels may render or route them differently."""

    reply = "reply"  # the bot's answer, an agent's reply, an action's outcome
    confirmation = "confirmation"  # a proposed write: the shopper answers yes or no
    handoff = "handoff"  # a person takes over now
    waiting = "waiting"  # a person will write the answer
    notice = "notice"  # a system line ("the assistant is back")
    note = "note"  # for the team only (Chatwoot private note with suggestions)


@dataclass(frozen=True)
class RawRequest:
    """An HTTP request as a channel sees it (no framework types, so tests build them)."""

    method: str
    query: Mapping[str, str]
    headers: Mapping[str, str]  # lower-case names
    body: bytes = b""


@dataclass(frozen=True)
class ChannelResponse:
    """What the platform gets back from the callback."""

    body: str | bytes = ""
    media_type: str = "text/plain"
    status: int = 200


@dataclass(frozen=True)
class Sender:
    """The channel's user, and what it tells about them (for linking to a customer)."""

    external_user: str  # WeChat openid, email address, Chatwoot account:contact
    name: str | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Inbound:
    """One shopper message from a channel."""

    external_id: str  # the platform's message id: a repeated delivery has the same one
    sender: Sender
    text: str
    # the platform's thread (an email thread root, a Chatwoot conversation, an openid)
    thread: str
    # where replies go and anything the adapter needs to answer (subject, account ...)
    address: dict[str, Any] = field(default_factory=dict)
    # ids that may name a thread Kefu already has (an email's References): a platform
    # message id, a thread, or ``kefu:<conversation id>`` from Kefu's own outgoing ids
    refs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outbound:
    """One queued message on its way out."""

    delivery_id: int
    conversation_id: str
    kind: DeliveryKind
    text: str
    address: dict[str, Any]
    role: str = "bot"  # bot | agent | system
    language: str | None = None


@dataclass
class Handled:
    """What became of one inbound message: the text to answer synchronously, if the
    channel can and the answer was ready in time."""

    message: Inbound | None
    conversation_id: str | None = None
    message_id: int | None = None
    duplicate: bool = False
    passive_text: str | None = None
    ignored: str | None = None  # why nothing was run (an event, a non-text message)


class DeliveryError(KefuError):
    """The platform did not take the message; trying again later may help."""


class PermanentDeliveryError(DeliveryError):
    """The platform refused the message for good (unknown user, no permission)."""


class Channel(Protocol):
    """One messaging channel. ``name`` is its registry key and the conversation's
    ``channel``; ``reply_deadline_s`` is how long its callback may wait for the answer
    (None: the callback answers at once and every reply goes through the queue)."""

    name: str
    reply_deadline_s: float | None

    def verify(self, request: RawRequest) -> None:
        """Raise ForbiddenError unless the request comes from the platform."""
        ...

    def handshake(self, request: RawRequest) -> ChannelResponse:
        """Answer a GET on the callback (a URL check); InputError when unsupported."""
        ...

    def parse(self, request: RawRequest) -> list[Inbound | str]:
        """The shopper messages in a verified request; a string in the list is an item
        that is not one (an event, an image ...) and says why. InputError if malformed."""
        ...

    def respond(self, handled: list[Handled]) -> ChannelResponse:
        """The callback's answer once the messages are handled (or their deadline passed)."""
        ...

    def deliver(self, out: Outbound) -> None:
        """Send one message; DeliveryError to retry later, PermanentDeliveryError to give
        up on it (it is kept as dead, never dropped)."""
        ...

    def close(self) -> None:
        """Release connections and caches."""
        ...
