"""Conversation reads, always within the caller's organization."""

from bson import ObjectId

from conversations.documents import Conversation
from incidents.selectors import incidents_for
from servicedesk.tenancy.services import Principal


def conversations_for(*, principal: Principal, incident_id: ObjectId | None = None):
    """Conversations of one incident (the caller checked it is live), or of every live one.

    Conversations of incidents in the trash are kept for a restore but, like their
    incident, are not listed meanwhile.
    """
    queryset = Conversation.objects(organization_id=principal.organization_id)
    if incident_id is not None:
        return queryset.filter(incident_id=incident_id)
    trashed = list(incidents_for(principal=principal, deleted=True).scalar("id"))
    if trashed:
        queryset = queryset.filter(incident_id__nin=trashed)
    return queryset


def conversation_summary(*, principal: Principal, incident_id: ObjectId) -> dict:
    """The count and the latest conversation of an incident (for incident-data)."""
    queryset = conversations_for(principal=principal, incident_id=incident_id)
    # Whole, previous bodies included: it is shown as GET conversation/{id}/ shows it.
    latest = queryset.order_by("-created_at", "-id").first()
    return {"count": queryset.count(), "latest": latest}
