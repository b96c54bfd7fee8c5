"""Conversation reads, always within the caller's organization."""

from bson import ObjectId

from conversations.documents import Conversation
from incidents import public as incidents
from servicedesk.tenancy.principal import Principal


def conversations_for(*, principal: Principal, incident_id: ObjectId | None = None):
    """Conversations of one incident (the caller checked it is live), or of every live one.

    Conversations of incidents in the trash are kept for a restore but, like their
    incident, are not listed meanwhile.
    """
    queryset = Conversation.objects(organization_id=principal.organization_id)
    if incident_id is not None:
        return queryset.filter(incident_id=incident_id)
    trashed = incidents.trashed_incident_ids(principal=principal)
    if trashed:
        queryset = queryset.filter(incident_id__nin=trashed)
    return queryset


def conversation_summary(*, principal: Principal, incident_id: ObjectId) -> dict:
    """The count and the latest conversation of an incident (for incident-data)."""
    queryset = conversations_for(principal=principal, incident_id=incident_id)
    # Whole, previous bodies included: it is shown as GET conversation/{id}/ shows it.
    latest = queryset.order_by("-created_at", "-id").first()
    return {"count": queryset.count(), "latest": latest}


def conversation_exists(
    *, organization_id: ObjectId, incident_id: ObjectId, conversation_id
) -> bool:
    """Whether the conversation belongs to this incident of this organization."""
    found = Conversation.objects(
        id=conversation_id, organization_id=organization_id, incident_id=incident_id
    )
    return found.only("id").first() is not None


def conversation_of(*, organization_id: ObjectId, conversation_id) -> Conversation | None:
    """One conversation of the organization by id, or None."""
    return Conversation.objects(id=conversation_id, organization_id=organization_id).first()


def incidents_with_conversations(*, organization_id, incident_ids: list) -> set:
    """Which of `incident_ids` have conversations (one read)."""
    found = Conversation._get_collection().distinct(
        "incident_id", {"organization_id": organization_id, "incident_id": {"$in": incident_ids}}
    )
    return set(found)
