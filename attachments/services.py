"""Storing, listing and removing attachments.

All files of one request are stored or none are: every limit and name is
checked before the first byte is written, and if storing fails midway the
files already in GridFS are removed again.
"""

from dataclasses import dataclass
from typing import BinaryIO

from django.conf import settings

from attachments import files
from attachments.documents import Attachment
from conversations import public as conversations
from incidents import public as incidents
from servicedesk.errors import NotFound, PayloadTooLarge, invalid
from servicedesk.tenancy.principal import Principal
from servicedesk.timeutil import now

SNIFF_BYTES = 8192


@dataclass
class Upload:
    """One file of a request: where its bytes are and which request field it came from."""

    name: str
    source: BinaryIO
    size: int
    claimed_type: str
    field: str


def check_uploads(uploads: list[Upload]) -> None:
    """Limits first (413 naming the limit), then each file (400 naming its field)."""
    if not uploads:
        raise invalid("file", "Send at least one file.", code="required")
    count_limit = settings.SERVICEDESK_MAX_ATTACHMENTS_PER_REQUEST
    if len(uploads) > count_limit:
        raise PayloadTooLarge(
            f"{len(uploads)} files; at most {count_limit} per request.", code="too_many_files"
        )
    file_limit = settings.SERVICEDESK_MAX_ATTACHMENT_BYTES
    for upload in uploads:
        if upload.size > file_limit:
            raise PayloadTooLarge(
                f"{upload.name!r} is {upload.size} bytes; at most {file_limit} per file.",
                code="file_too_large",
            )
    total_limit = settings.SERVICEDESK_MAX_UPLOAD_BYTES
    total = sum(upload.size for upload in uploads)
    if total > total_limit:
        raise PayloadTooLarge(
            f"The files add up to {total} bytes; at most {total_limit} per request.",
            code="upload_too_large",
        )
    for upload in uploads:
        if upload.size == 0:
            raise invalid(upload.field, f"{upload.name!r} is empty.", code="empty_file")


def check_conversation(*, principal: Principal, incident, conversation_id) -> None:
    """A conversation named for the files must be one of this incident's; 404 otherwise."""
    if conversation_id is None:
        return
    if not conversations.conversation_exists(
        organization_id=principal.organization_id,
        incident_id=incident.id,
        conversation_id=conversation_id,
    ):
        raise NotFound("conversation_id: no such conversation on this incident.")


def attachments_add(
    *,
    principal: Principal,
    incident: incidents.Incident,
    conversation_id,
    uploads: list[Upload],
    checked: bool = False,
) -> list[Attachment]:
    """Store the files, all or none. `checked`: the caller held them to the limits itself
    and names a conversation it is about to store (the mail app checks a mail's files like
    uploads, its original.eml against the inbound mail limit, and stores the files before
    the conversation that refers to them)."""
    if not checked:
        check_uploads(uploads)
        check_conversation(principal=principal, incident=incident, conversation_id=conversation_id)
    stored: list[Attachment] = []
    try:
        for upload in uploads:
            stored.append(_store(principal, incident, conversation_id, upload))
        Attachment.objects.insert(stored, load_bulk=False)
        _record(principal, incident, [a.file_name for a in stored], "attachments_added")
    except BaseException:
        for attachment in stored:
            files.remove(attachment.file_id)
        Attachment.objects(id__in=[a.id for a in stored if a.id]).delete()
        raise
    return stored


def _store(principal, incident, conversation_id, upload: Upload) -> Attachment:
    head = upload.source.read(SNIFF_BYTES)
    upload.source.seek(0)
    content_type = files.detect_content_type(head, complete=len(head) >= upload.size)
    file_id, size, digest = files.store(
        upload.source,
        file_name=upload.name,
        metadata={
            "organization_id": principal.organization_id,
            "incident_id": incident.id,
            "content_type": content_type,
        },
    )
    return Attachment(
        organization_id=principal.organization_id,
        incident_id=incident.id,
        conversation_id=conversation_id,
        file_id=file_id,
        original_name=upload.name,
        file_name=upload.name,
        size=size,
        content_type=content_type,
        claimed_content_type=(upload.claimed_type or "")[:255],
        sha256=digest,
        uploader_id=principal.actor_id,
        uploaded_at=now(),
    )


def _record(principal, incident, names: list[str], action: str) -> None:
    incidents.incident_record_activity(
        principal=principal, incident=incident, action=action, field_name="attachment", new=names
    )


def attachment_delete(
    *, principal: Principal, attachment: Attachment, incident: incidents.Incident
) -> None:
    deleted = Attachment.objects(
        id=attachment.id, organization_id=principal.organization_id
    ).delete()
    if deleted != 1:
        raise NotFound
    files.remove(attachment.file_id)
    _record(principal, incident, [attachment.file_name], "attachment_deleted")


def attachments_remove(*, organization_id, attachment_ids: list) -> None:
    """Take back attachments stored by a write that failed later (no history entry)."""
    found = list(Attachment.objects(organization_id=organization_id, id__in=attachment_ids))
    for attachment in found:
        files.remove(attachment.file_id)
    Attachment.objects(organization_id=organization_id, id__in=attachment_ids).delete()


def attachments_purge(*, organization_id, incident_id) -> int:
    """Remove every attachment of an incident, bytes included (permanent delete)."""
    found = list(Attachment.objects(organization_id=organization_id, incident_id=incident_id))
    for attachment in found:
        files.remove(attachment.file_id)
    Attachment.objects(organization_id=organization_id, incident_id=incident_id).delete()
    return len(found)


def attachments_move(
    *, organization_id, from_incident_id, to_incident_id, origin: dict, session=None
) -> int:
    """Move every attachment of one incident to another (a merge), marked with `origin`
    (`{incident_id, display_id}`) unless an earlier merge marked it already. The bytes stay
    where they are; two updates whatever the number of files.
    `session`: the moves are part of its transaction (a merge's)."""
    collection = Attachment._get_collection()
    scope = {"organization_id": organization_id, "incident_id": from_incident_id}
    first = collection.update_many(
        {**scope, "merged_from": None},
        {"$set": {"incident_id": to_incident_id, "merged_from": origin}},
        session=session,
    )
    rest = collection.update_many(scope, {"$set": {"incident_id": to_incident_id}}, session=session)
    return first.modified_count + rest.modified_count
