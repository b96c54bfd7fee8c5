"""A conversation as clients and webhook receivers see it (servicedesk.representation).

The same shape as `conversations.api.serializers.ConversationSerializer`, which
describes it in the OpenAPI schema; a test holds the two equal.
"""

import mongoengine as me

from conversations.documents import Conversation
from servicedesk.representation import renderer_for

FIELDS = (
    "conversation_id",
    "incident_id",
    "kind",
    "direction",
    "body",
    "body_text",
    "to",
    "cc",
    "bcc",
    "attachment_ids",
    "is_private",
    "author_id",
    "created_at",
    "updated_at",
    "updated_by_id",
    "previous_bodies",
    "mail",
    "merged_from",
)

_render = renderer_for(
    Conversation,
    (*FIELDS, "from"),
    {"conversation_id": "id", "body": "body_html", "from": "from_address"},
)


def conversation_data(conversation: Conversation | dict) -> dict:
    raw = conversation.to_mongo() if isinstance(conversation, me.Document) else conversation
    return _render(raw)
