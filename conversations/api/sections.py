"""The conversations' part of `incident-data/{ref}/` (see incidents.detail)."""

from rest_framework import serializers

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


def section_fields() -> dict:
    """The schema of `incident_section`'s keys."""
    return {
        "conversation_count": serializers.IntegerField(help_text="Conversations of the incident."),
        "latest_conversation": ConversationSerializer(
            allow_null=True, help_text="The newest one, whole; null when there is none."
        ),
    }
