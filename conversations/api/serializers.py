"""Conversation bodies in and out."""

from rest_framework import serializers

from conversations.documents import (
    BODY_MAX,
    DIRECTIONS,
    KINDS,
    MAIL_STATUSES,
    MAX_RECIPIENTS,
    Conversation,
)
from conversations.representation import FIELDS
from servicedesk.api.fields import RichTextField, StrictCharField
from servicedesk.api.query import StrictQuery
from servicedesk.api.serializers import DocumentSerializer, StrictSerializer, TimestampField
from servicedesk.errors import Immutable


def recipients(help_text: str) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.EmailField(max_length=254),
        required=False,
        max_length=MAX_RECIPIENTS,
        help_text=help_text,
    )


class ConversationInput(StrictSerializer):
    """Create (all of it) or edit (body, sender, recipients, attachment references).

    `kind`: `reply` (to or from the requester), `note` (private: never sent, no
    recipients) or `forward` (sent to `to`). `direction`: `inbound` (from the
    requester) or `outbound` (from the desk). `body` is HTML, sanitized before it
    is kept; a plain-text copy is kept beside it.
    """

    incident_id = StrictCharField(max_length=64, help_text="Incident id or display id.")
    kind = serializers.ChoiceField(choices=KINDS)
    direction = serializers.ChoiceField(choices=DIRECTIONS, required=False)
    body = RichTextField(max_length=BODY_MAX, help_text="HTML; sanitized.")
    to = recipients("Recipients (replies and forwards).")
    cc = recipients("Copy recipients.")
    bcc = recipients("Blind copy recipients.")
    attachment_ids = serializers.ListField(
        child=StrictCharField(max_length=64), required=False, max_length=20
    )

    def get_fields(self):
        fields = super().get_fields()
        # `from` is a Python keyword, so it is added here rather than declared.
        fields["from"] = serializers.EmailField(
            required=False, allow_blank=True, max_length=254, help_text="Sender address."
        )
        return fields

    def validate(self, attrs):
        if self.instance is None:
            attrs.setdefault("direction", "outbound")
        else:
            # `incident_id` may be the id or the display id: the view compares incidents.
            for frozen in ("kind", "direction"):
                if frozen in attrs and attrs[frozen] != getattr(self.instance, frozen):
                    raise Immutable(field=frozen)
        for name in ("to", "cc", "bcc"):
            if name in attrs:
                attrs[name] = list(dict.fromkeys(email.lower() for email in attrs[name]))
        if attrs.get("from"):
            attrs["from"] = attrs["from"].lower()
        return attrs


class PreviousBodyOut(serializers.Serializer):
    body_html = serializers.CharField(help_text="The body as it was before that edit.")
    edited_at = TimestampField(help_text="When it was replaced.")
    edited_by_id = serializers.CharField(help_text="The key that replaced it.")


class MailStateOut(serializers.Serializer):
    """What became of the conversation as mail."""

    status = serializers.ChoiceField(
        choices=MAIL_STATUSES,
        help_text="`not_sent`: no mail goes out (no SMTP server configured, or the "
        "organization has no `from_address`; `last_error` says which); `queued`: in the "
        "outbox, sent by the mail job, retried with backoff; `sent`; `failed`: every attempt "
        "failed (`last_error`); `received`: the conversation came in as mail.",
    )
    message_id = serializers.CharField(help_text="The mail's Message-ID, with angle brackets.")
    attempts = serializers.IntegerField(help_text="Sending attempts so far.")
    last_error = serializers.CharField(help_text="Why the last attempt failed, or nothing sent.")
    sent_at = TimestampField(allow_null=True, help_text="When the SMTP server took it.")
    updated_at = TimestampField(allow_null=True, help_text="When this state last changed.")


class ConversationOriginOut(serializers.Serializer):
    incident_id = serializers.CharField(help_text="The merged (duplicate) incident's id.")
    display_id = serializers.CharField(help_text="Its display id, such as `INCI-7`.")


class ConversationSerializer(DocumentSerializer):
    """A conversation as stored."""

    conversation_id = serializers.CharField(source="id", read_only=True)
    incident_id = serializers.CharField(read_only=True)
    body = serializers.CharField(source="body_html", read_only=True)
    created_at = TimestampField(read_only=True)
    updated_at = TimestampField(read_only=True)
    # Declared so that times render like every other time (milliseconds and Z).
    previous_bodies = PreviousBodyOut(
        many=True, read_only=True, help_text="Earlier bodies, oldest first."
    )
    mail = MailStateOut(
        read_only=True,
        allow_null=True,
        help_text="Mail delivery of a public outbound conversation, or the inbound mail it "
        "came from; null for private notes and conversations that are no mail.",
    )
    merged_from = ConversationOriginOut(
        read_only=True,
        allow_null=True,
        help_text="The incident this conversation was written on, when a merge moved it "
        "here from that duplicate; null otherwise.",
    )

    class Meta:
        model = Conversation
        fields = FIELDS
        read_only_fields = fields

    def get_fields(self):
        fields = super().get_fields()
        fields["from"] = serializers.CharField(source="from_address", read_only=True)
        return fields


class ConversationListParams(StrictQuery):
    paged = True

    incident_id = StrictCharField(max_length=64, required=False)
    kind = serializers.ChoiceField(choices=KINDS, required=False)
    direction = serializers.ChoiceField(choices=DIRECTIONS, required=False)
    sort_order = serializers.ChoiceField(
        choices=["asc", "desc"],
        required=False,
        help_text="Default asc: a thread reads oldest first.",
    )
