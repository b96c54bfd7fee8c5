"""Webhook endpoints and deliveries over the API."""

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


class WebhookInput(StrictSerializer):
    url = serializers.URLField(max_length=2000, help_text="http or https; must be public.")
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
