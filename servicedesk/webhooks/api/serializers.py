"""Webhook endpoints and deliveries over the API."""

import ipaddress
import re
from urllib.parse import urlsplit

import orjson
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from servicedesk.api.bulk import BulkError
from servicedesk.api.fields import StrictBooleanField, StrictCharField
from servicedesk.api.query import StrictQuery
from servicedesk.api.serializers import (
    DocumentSerializer,
    StrictSerializer,
    TimestampField,
    embedded_serializer,
)
from servicedesk.webhooks import events
from servicedesk.webhooks.documents import STATUSES, Attempt, Delivery, WebhookEndpoint

# A host name as the schema states it: up to 4 labels of up to 20 characters, then 1 or 2
# of up to 63, then the top-level domain (at most 236 characters, within DNS's 253: a name
# Django's URLValidator refuses can never match). Internationalized names go as punycode.
_SHORT = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,18}[A-Za-z0-9])?"
_LONG = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_PORT = "(?:6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[1-9][0-9]{0,3})"
WEBHOOK_URL_PATTERN = (
    rf"^[Hh][Tt][Tt][Pp][Ss]?://(?:{_SHORT}\.){{0,4}}(?:{_LONG}\.){{1,2}}[A-Za-z]{{2,24}}"
    rf"(?::{_PORT})?(?:[/?#]\S*)?$"
)
WEBHOOK_URL_MAX = 2000


@extend_schema_field(
    {
        "type": "string",
        "format": "uri",
        "maxLength": WEBHOOK_URL_MAX,
        "pattern": WEBHOOK_URL_PATTERN,
        "example": "https://hooks.example.com/servicedesk",
        "description": "http or https to a public host, by name (punycode for an "
        "internationalized one) or, not stated by the pattern, a public IP address.",
    }
)
class WebhookUrlField(serializers.URLField):
    """Django's URLValidator, and the schema's pattern for host names: what the schema
    states is what is taken (an IP address literal is also taken when it is public)."""

    def to_internal_value(self, data):
        value = super().to_internal_value(data)
        if not re.match(WEBHOOK_URL_PATTERN, value) and not _address_or_localhost(value):
            raise serializers.ValidationError("Enter a valid URL.", code="invalid")
        return value


def _address_or_localhost(url: str) -> bool:
    """Left to the address check, which says why they are refused (`unsafe_url`)."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class WebhookInput(StrictSerializer):
    url = WebhookUrlField(max_length=WEBHOOK_URL_MAX, help_text="http or https; must be public.")
    active = StrictBooleanField(required=False, default=True)
    description = StrictCharField(required=False, allow_blank=True, max_length=500)

    def get_fields(self):
        fields = super().get_fields()
        # The catalogue is filled by the apps at start-up (webhooks.events), so the
        # field is made per serializer rather than at import.
        known = events.known()
        subscribed = serializers.ListField(
            child=serializers.ChoiceField(choices=known), min_length=1, max_length=len(known)
        )
        return {"url": fields.pop("url"), "events": subscribed, **fields}

    def validate_url(self, value):
        if not value.lower().startswith(("http://", "https://")):
            raise serializers.ValidationError("Only http and https URLs.", code="invalid_scheme")
        return value

    def validate_events(self, value):
        return list(dict.fromkeys(value))


class WebhookSerializer(DocumentSerializer):
    """An endpoint; its secret is never shown after creation."""

    webhook_id = serializers.CharField(source="id", read_only=True)

    class Meta:
        model = WebhookEndpoint
        fields = (
            "webhook_id",
            "url",
            "events",
            "active",
            "description",
            "created_at",
            "updated_at",
        )
        read_only_fields = fields

    def get_fields(self):
        fields = super().get_fields()
        # The catalogue is filled at start-up (see WebhookInput).
        fields["events"] = serializers.ListField(
            child=serializers.ChoiceField(choices=events.known()), read_only=True
        )
        return fields


class WebhookCreatedSerializer(WebhookSerializer):
    secret = serializers.SerializerMethodField(
        help_text="Shown once: verify `X-Servicedesk-Signature` with it."
    )

    class Meta(WebhookSerializer.Meta):
        fields = (*WebhookSerializer.Meta.fields, "secret")
        read_only_fields = fields

    def get_secret(self, endpoint) -> str:
        return self.context["secret"]


@extend_schema_field({"type": "object", "additionalProperties": True})
class JsonBodyField(serializers.Field):
    def to_representation(self, value):
        return orjson.loads(value)


AttemptSerializer = embedded_serializer(Attempt, at=TimestampField(read_only=True))


class DeliverySerializer(DocumentSerializer):
    delivery_id = serializers.CharField(source="id", read_only=True)
    attempts = AttemptSerializer(many=True, read_only=True)
    webhook_id = serializers.CharField(source="endpoint_id", read_only=True)
    incident_id = serializers.CharField(read_only=True, allow_null=True)
    payload = JsonBodyField(source="body", read_only=True)

    class Meta:
        model = Delivery
        fields = (
            "delivery_id",
            "webhook_id",
            "event_id",
            "event",
            "incident_id",
            "status",
            "attempt_count",
            "next_attempt_at",
            "attempts",
            "created_at",
            "updated_at",
            "payload",
        )
        read_only_fields = fields


class DeliveryListParams(StrictQuery):
    paged = True
    incident_id = StrictCharField(required=False, max_length=64)
    status = serializers.ChoiceField(choices=STATUSES, required=False)

    def get_fields(self):
        fields = super().get_fields()
        fields["event"] = serializers.ChoiceField(choices=events.known(), required=False)
        return fields


class RetryResult(serializers.Serializer):
    delivery_id = serializers.CharField(allow_null=True)
    incident_id = serializers.CharField(allow_null=True)
    ok = serializers.BooleanField(help_text="Queued (or already queued) to be sent again.")
    queued = serializers.BooleanField(help_text="This call queued it.")
    status = serializers.ChoiceField(
        choices=STATUSES, required=False, help_text="The delivery's status after this call."
    )
    attempt_count = serializers.IntegerField(required=False, help_text="Attempts so far.")
    next_attempt_at = serializers.DateTimeField(
        required=False,
        help_text="When the sender will try it (now, or when its endpoint's backoff ends).",
    )
    error = BulkError(required=False, help_text="Why this one failed, when ok is false.")


class RetryResults(serializers.Serializer):
    results = RetryResult(many=True)
    queued = serializers.IntegerField(help_text="Deliveries this call queued.")
    remaining = serializers.IntegerField(help_text="Deliveries left for another call.")
