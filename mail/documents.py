"""Mail of an organization: its settings, the outbox, and every Message-ID it has seen."""

import mongoengine as me

from servicedesk.indexes import UniqueKeyed
from servicedesk.timeutil import now

MAX_INBOUND_ADDRESSES = 20
IMAP_SSL, IMAP_STARTTLS, IMAP_PLAIN = "ssl", "starttls", "plain"
IMAP_SECURITY = (IMAP_SSL, IMAP_STARTTLS, IMAP_PLAIN)


class ImapAccount(me.EmbeddedDocument):
    """The mailbox `manage.py fetch_mail` polls. The password is kept as is (it is needed
    to log in) and is never shown or logged."""

    host = me.StringField(required=True, max_length=253)
    port = me.IntField(required=True, min_value=1, max_value=65535)
    security = me.StringField(required=True, choices=IMAP_SECURITY, default=IMAP_SSL)
    username = me.StringField(required=True, max_length=254)
    password = me.StringField(default="", max_length=1000)
    folder = me.StringField(default="INBOX", max_length=200)
    enabled = me.BooleanField(default=True)


class MailSettings(me.Document):
    organization_id = me.ObjectIdField(required=True)
    from_address = me.StringField(default="", max_length=254)
    from_name = me.StringField(default="", max_length=200)
    inbound_addresses = me.ListField(me.StringField(max_length=254))
    imap = me.EmbeddedDocumentField(ImapAccount, null=True)
    updated_at = me.DateTimeField(null=True)
    updated_by_id = me.StringField(default="")

    meta = {
        "collection": "mail_settings",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["organization_id"], "unique": True, "name": "org_unique"},
        ],
    }


class InboundAddress(me.Document):
    """Which organization an inbound address belongs to: the address is the `_id`, so two
    organizations can never hold one, also when both claim it at once."""

    address = me.StringField(primary_key=True, max_length=254)
    organization_id = me.ObjectIdField(required=True)

    meta = {
        "collection": "mail_inbound_addresses",
        "auto_create_index": False,
        "indexes": [{"fields": ["organization_id"], "name": "org"}],
    }


PENDING, SENT, FAILED, DROPPED = "pending", "sent", "failed", "dropped"
OUTBOX_STATUSES = (PENDING, SENT, FAILED, DROPPED)


class OutboxItem(me.Document):
    """One conversation to be mailed; the message is built when it is sent, from the
    conversation as it is then."""

    organization_id = me.ObjectIdField(required=True)
    incident_id = me.ObjectIdField(required=True)
    conversation_id = me.ObjectIdField(required=True)
    key_id = me.ObjectIdField(required=True)  # who wrote the conversation
    message_id = me.StringField(required=True)
    status = me.StringField(required=True, choices=OUTBOX_STATUSES, default=PENDING)
    attempt_count = me.IntField(default=0)
    next_attempt_at = me.DateTimeField(null=True)
    last_error = me.StringField(default="")
    created_at = me.DateTimeField(required=True, default=now)
    updated_at = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "mail_outbox",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["status", "next_attempt_at"], "name": "due"},
            {"fields": ["conversation_id"], "unique": True, "name": "conversation_unique"},
        ],
    }


INBOUND, OUTBOUND = "inbound", "outbound"
PROCESSING, DONE = "processing", "done"


class MailMessage(UniqueKeyed, me.Document):
    """A Message-ID of the organization's mail, in or out: threads replies to incidents,
    and its unique index makes the same inbound mail land once."""

    organization_id = me.ObjectIdField(required=True)
    message_id = me.StringField(required=True, max_length=998)
    key = me.StringField()  # unique: key_of(organization, message_id) (servicedesk.indexes)
    direction = me.StringField(required=True, choices=(INBOUND, OUTBOUND))
    state = me.StringField(required=True, choices=(PROCESSING, DONE), default=DONE)
    incident_id = me.ObjectIdField(null=True)
    conversation_id = me.ObjectIdField(null=True)
    created_at = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "mail_messages",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["key"], "unique": True, "sparse": True, "name": "key_unique"},
            {"fields": ["organization_id", "message_id"], "name": "org_message_id"},
            {"fields": ["organization_id", "incident_id", "created_at"], "name": "org_incident"},
        ],
    }
    unique_key = ("key", ("organization_id", "message_id"))
    retired_indexes = ("org_message",)
