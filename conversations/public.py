"""The conversations app as other apps may use it: the only module they import."""

from conversations.documents import (
    BODY_MAX,
    INBOUND,
    KIND_FORWARD,
    KIND_NOTE,
    KIND_REPLY,
    MAIL_FAILED,
    MAIL_NOT_SENT,
    MAIL_QUEUED,
    MAIL_RECEIVED,
    MAIL_SENT,
    MAX_RECIPIENTS,
    OUTBOUND,
    Conversation,
    MailState,
)
from conversations.outbound import register_mail_planner
from conversations.references import register_attachment_lookup
from conversations.selectors import (
    conversation_exists,
    conversation_of,
    conversation_summary,
    incidents_with_conversations,
)
from conversations.services import (
    EVENTS,
    conversation_create,
    conversation_set_mail,
    conversations_move,
    conversations_purge,
)

__all__ = [
    "BODY_MAX",
    "EVENTS",
    "INBOUND",
    "KIND_FORWARD",
    "KIND_NOTE",
    "KIND_REPLY",
    "MAIL_FAILED",
    "MAIL_NOT_SENT",
    "MAIL_QUEUED",
    "MAIL_RECEIVED",
    "MAIL_SENT",
    "MAX_RECIPIENTS",
    "OUTBOUND",
    "Conversation",
    "MailState",
    "conversation_create",
    "conversation_exists",
    "conversation_of",
    "conversation_set_mail",
    "conversation_summary",
    "conversations_move",
    "conversations_purge",
    "incidents_with_conversations",
    "register_attachment_lookup",
    "register_mail_planner",
]
