"""Attachment metadata; the bytes live in GridFS (`fs.files`/`fs.chunks`)."""

import mongoengine as me

from servicedesk.timeutil import now


class AttachmentOrigin(me.EmbeddedDocument):
    """The incident a file was attached to, when a merge moved it to another."""

    incident_id = me.StringField(required=True)
    display_id = me.StringField(required=True)


class Attachment(me.Document):
    organization_id = me.ObjectIdField(required=True)
    incident_id = me.ObjectIdField(required=True)
    conversation_id = me.ObjectIdField(null=True)
    file_id = me.ObjectIdField(required=True)  # the GridFS file
    original_name = me.StringField(required=True, max_length=255)
    file_name = me.StringField(required=True, max_length=255)  # safe for Content-Disposition
    size = me.IntField(required=True, min_value=1)
    content_type = me.StringField(required=True)  # detected from the bytes
    claimed_content_type = me.StringField(default="")  # what the client said; not trusted
    sha256 = me.StringField(required=True)
    uploader_id = me.StringField(required=True)
    uploaded_at = me.DateTimeField(required=True, default=now)
    # Set when a merge moved it here from a duplicate incident (relations app).
    merged_from = me.EmbeddedDocumentField(AttachmentOrigin, null=True, default=None)

    meta = {
        "collection": "attachments",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["organization_id", "incident_id", "uploaded_at"], "name": "org_incident"},
            {"fields": ["organization_id", "conversation_id"], "name": "org_conversation"},
        ],
    }
