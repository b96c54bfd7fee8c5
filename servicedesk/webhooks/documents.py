"""Webhook endpoints of an organization, and the log of every delivery to them."""

import mongoengine as me

from servicedesk.timeutil import now
from servicedesk.webhooks.events import CATALOGUE

PENDING, SUCCEEDED, FAILED = "pending", "succeeded", "failed"
STATUSES = (PENDING, SUCCEEDED, FAILED)


class WebhookEndpoint(me.Document):
    """Where an organization wants its events POSTed.

    The secret signs every delivery (HMAC-SHA256 of the body), so it is kept as
    is: it is shown once at creation and never returned again.
    """

    organization_id = me.ObjectIdField(required=True)
    url = me.StringField(required=True, max_length=2000)
    events = me.ListField(me.StringField(choices=CATALOGUE), required=True)
    active = me.BooleanField(default=True)
    description = me.StringField(default="", max_length=500)
    secret = me.StringField(required=True)
    created_at = me.DateTimeField(required=True, default=now)
    updated_at = me.DateTimeField(required=True, default=now)
    created_by_id = me.StringField(required=True)
    # The receiver's health, kept by the sender: failures in a row, and no send to this
    # endpoint before `paused_until` (servicedesk.webhooks.dispatch).
    failure_streak = me.IntField(default=0)
    paused_until = me.DateTimeField(null=True)

    meta = {
        "collection": "webhook_endpoints",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["organization_id", "active", "events"], "name": "org_active_events"}
        ],
    }


class Attempt(me.EmbeddedDocument):
    at = me.DateTimeField(required=True)
    response_status = me.IntField(null=True)
    error = me.StringField(default="")
    response_body = me.StringField(default="")  # truncated
    duration_ms = me.IntField(default=0)


class Delivery(me.Document):
    organization_id = me.ObjectIdField(required=True)
    endpoint_id = me.ObjectIdField(required=True)
    event_id = me.StringField(required=True)
    event = me.StringField(required=True, choices=CATALOGUE)
    incident_id = me.ObjectIdField(null=True)
    body = me.StringField(required=True)  # the exact JSON that is sent and signed
    status = me.StringField(required=True, choices=STATUSES, default=PENDING)
    attempts = me.EmbeddedDocumentListField(Attempt)
    attempt_count = me.IntField(default=0)
    next_attempt_at = me.DateTimeField(null=True)
    # Sent again on demand after it had failed: if this attempt fails too, it is failed.
    final_attempt = me.BooleanField(default=False)
    # Held by a sender until then (services.claim); None once its attempt is recorded.
    claimed_until = me.DateTimeField(null=True)
    created_at = me.DateTimeField(required=True, default=now)
    updated_at = me.DateTimeField(required=True, default=now)

    meta = {
        "collection": "webhook_deliveries",
        "auto_create_index": False,
        "indexes": [
            {"fields": ["status", "next_attempt_at"], "name": "due"},
            {"fields": ["organization_id", "-created_at"], "name": "org_created"},
            {"fields": ["organization_id", "incident_id", "-created_at"], "name": "org_incident"},
        ],
    }
