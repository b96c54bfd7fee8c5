"""The conversations app as other apps may use it: the only module they import."""

from conversations.documents import Conversation
from conversations.references import register_attachment_lookup
from conversations.selectors import (
    conversation_exists,
    conversation_summary,
    incidents_with_conversations,
)
from conversations.services import (
    EVENTS,
    conversation_create,
    conversations_move,
    conversations_purge,
)

__all__ = [
    "EVENTS",
    "Conversation",
    "conversation_create",
    "conversation_exists",
    "conversation_summary",
    "conversations_move",
    "conversations_purge",
    "incidents_with_conversations",
    "register_attachment_lookup",
]
