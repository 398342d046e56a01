"""Change notifications between the processes serving one database.

A :class:`~app.pubsub.base.Broker` carries small :class:`~app.pubsub.base.Event`
records ("conversation c_1 changed", "agent alice is typing in c_1") to every
subscriber of every worker process. SQLite homes use the in-process broker (their
workers are on one host and the streams' database polls cover the rest); PostgreSQL
uses LISTEN/NOTIFY, so a message written by one worker wakes the event streams of
all the others at its commit. The broker is chosen from the database URL
(:func:`make_broker`).
"""

from app.pubsub.base import BROKERS, Broker, Event, make_broker

__all__ = ["BROKERS", "Broker", "Event", "make_broker"]
