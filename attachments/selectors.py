"""Attachment reads, always within the caller's organization."""

from bson import ObjectId

from attachments import files
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


def attachment_contents(*, organization_id: ObjectId, incident_id: ObjectId, refs: list[str]):
    """(file name, detected content type, bytes) of each of `refs` that is an attachment of
    the incident, in the order of `refs`; the others are left out."""
    valid = [ObjectId(ref) for ref in refs if len(ref) == 24 and ObjectId.is_valid(ref)]
    found = {
        attachment.id: attachment
        for attachment in Attachment.objects(
            organization_id=organization_id, incident_id=incident_id, id__in=valid
        )
    }
    for ref in valid:
        attachment = found.get(ref)
        if attachment is not None:
            data = b"".join(files.iterate(attachment.file_id))
            yield attachment.file_name, attachment.content_type, data


def incidents_with_attachments(*, organization_id, incident_ids: list) -> set:
    """Which of `incident_ids` have attachments (one read)."""
    found = Attachment._get_collection().distinct(
        "incident_id", {"organization_id": organization_id, "incident_id": {"$in": incident_ids}}
    )
    return set(found)
