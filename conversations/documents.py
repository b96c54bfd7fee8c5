"""Conversations: replies, private notes and forwards on an incident."""

import mongoengine as me

from servicedesk.timeutil import now

KIND_REPLY, KIND_NOTE, KIND_FORWARD = "reply", "note", "forward"
KINDS = (KIND_REPLY, KIND_NOTE, KIND_FORWARD)
INBOUND, OUTBOUND = "inbound", "outbound"
DIRECTIONS = (INBOUND, OUTBOUND)
BODY_MAX = 200_000
MAX_RECIPIENTS = 50


# What became of a conversation as mail (the mail app keeps it; see conversations.outbound).
MAIL_NOT_SENT, MAIL_QUEUED, MAIL_SENT, MAIL_FAILED, MAIL_RECEIVED = (
    "not_sent",
    "queued",
    "sent",
    "failed",
    "received",
)
MAIL_STATUSES = (MAIL_NOT_SENT, MAIL_QUEUED, MAIL_SENT, MAIL_FAILED, MAIL_RECEIVED)


class MailState(me.EmbeddedDocument):
    status = me.StringField(required=True, choices=MAIL_STATUSES)
    message_id = me.StringField(default="", max_length=998)
    attempts = me.IntField(default=0)
    last_error = me.StringField(default="", max_length=1000)
    sent_at = me.DateTimeField(null=True)
    updated_at = me.DateTimeField(null=True)


class PreviousBody(me.EmbeddedDocument):
    body_html = me.StringField(required=True)
    edited_at = me.DateTimeField(required=True)
    edited_by_id = me.StringField(required=True)


class ConversationOrigin(me.EmbeddedDocument):
    """The incident a conversation was written on, when a merge moved it to another."""

    incident_id = me.StringField(required=True)
    display_id = me.StringField(required=True)


class Conversation(me.Document):
    organization_id = me.ObjectIdField(required=True)
    incident_id = me.ObjectIdField(required=True)
    kind = me.StringField(required=True, choices=KINDS)
    direction = me.StringField(required=True, choices=DIRECTIONS)
    body_html = me.StringField(default="", max_length=BODY_MAX)
    body_text = me.StringField(default="")
    from_address = me.StringField(default="", max_length=254)
    to = me.ListField(me.StringField(max_length=254))
    cc = me.ListField(me.StringField(max_length=254))
    bcc = me.ListField(me.StringField(max_length=254))
    attachment_ids = me.ListField(me.StringField(max_length=64))
    # Private notes are never sent to anyone; replies and forwards go to their recipients.
    is_private = me.BooleanField(default=False)
    author_id = me.StringField(required=True)
    created_at = me.DateTimeField(required=True, default=now)
    updated_at = me.DateTimeField(required=True, default=now)
    updated_by_id = me.StringField(required=True)
    version = me.IntField(required=True, default=1)
    previous_bodies = me.EmbeddedDocumentListField(PreviousBody)
    # Null for private notes and for conversations that are no mail at all.
    mail = me.EmbeddedDocumentField(MailState, null=True)
    # Set when a merge moved it here from a duplicate incident (relations app).
    merged_from = me.EmbeddedDocumentField(ConversationOrigin, null=True, default=None)

    meta = {
        "collection": "conversations",
        "auto_create_index": False,
        "indexes": [
            {
                "fields": ["organization_id", "incident_id", "created_at"],
                "name": "org_incident_created",
            },
            {"fields": ["organization_id", "created_at"], "name": "org_created"},
        ],
    }
