"""The conversations' part of `incident-data/{ref}/` (see incidents.detail)."""

from conversations.api.serializers import ConversationSerializer
from conversations.selectors import conversation_summary


def incident_section(*, request, principal, incident) -> dict:
    """The incident's conversation count and its latest conversation, whole."""
    summary = conversation_summary(principal=principal, incident_id=incident.id)
    latest = summary["latest"]
    return {
        "conversation_count": summary["count"],
        "latest_conversation": ConversationSerializer(latest).data if latest else None,
    }
