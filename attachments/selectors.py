"""Attachment reads, always within the caller's organization."""

from bson import ObjectId

from attachments.documents import Attachment


def attachments_of(*, organization_id: ObjectId, incident_id: ObjectId):
    """An incident's attachments, oldest first."""
    return Attachment.objects(organization_id=organization_id, incident_id=incident_id).order_by(
        "uploaded_at", "id"
    )


def attachment_ids_on(*, organization_id: ObjectId, incident_id: ObjectId, refs: list[str]) -> set:
    """Which of `refs` (ids as text) are attachments of this incident."""
    valid = [ObjectId(ref) for ref in refs if len(ref) == 24 and ObjectId.is_valid(ref)]
    if not valid:
        return set()
    found = Attachment.objects(
        organization_id=organization_id, incident_id=incident_id, id__in=valid
    ).scalar("id")
    return {str(value) for value in found}


def incidents_with_attachments(*, organization_id, incident_ids: list) -> set:
    """Which of `incident_ids` have attachments (one read)."""
    found = Attachment._get_collection().distinct(
        "incident_id", {"organization_id": organization_id, "incident_id": {"$in": incident_ids}}
    )
    return set(found)
