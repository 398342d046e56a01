"""SQLModel classes by role: ``XBase`` (shared fields), ``X`` (table), ``XPublic`` (API)."""

from app.models.actions import ActionAudit, ActionRecord
from app.models.auth import ApiToken
from app.models.channels import ChannelIdentity, Delivery
from app.models.conversations import Conversation, Message, Suggestion, Ticket
from app.models.knowledge import KnowledgeDocument
from app.models.store import Customer, Order, OrderItem, Product, Refund, StoreMeta
from app.models.team import CannedReply, IdempotentRequest, KnowledgeCandidate, Note

__all__ = [
    "ActionAudit",
    "ActionRecord",
    "ApiToken",
    "CannedReply",
    "ChannelIdentity",
    "Conversation",
    "Customer",
    "Delivery",
    "IdempotentRequest",
    "KnowledgeCandidate",
    "KnowledgeDocument",
    "Message",
    "Note",
    "Order",
    "OrderItem",
    "Product",
    "Refund",
    "StoreMeta",
    "Suggestion",
    "Ticket",
]
