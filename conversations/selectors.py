"""Conversation reads, always within the caller's organization."""

from bson import ObjectId

from conversations.documents import Conversation
from servicedesk.tenancy.services import Principal


def conversations_for(*, principal: Principal, incident_id: ObjectId | None = None):
    queryset = Conversation.objects(organization_id=principal.organization_id)
    if incident_id is not None:
        queryset = queryset.filter(incident_id=incident_id)
    return queryset


def conversation_summary(*, principal: Principal, incident_id: ObjectId) -> dict:
    """The count and the latest conversation of an incident (for incident-data)."""
    queryset = conversations_for(principal=principal, incident_id=incident_id)
    latest = queryset.order_by("-created_at", "-id").exclude("previous_bodies").first()
    return {"count": queryset.count(), "latest": latest}
