"""Mail settings and inbound mail answers."""

import re

from rest_framework import serializers

from mail.documents import IMAP_SECURITY, MAX_INBOUND_ADDRESSES
from servicedesk.api.fields import StrictBooleanField, StrictCharField, StrictEmailField
from servicedesk.api.serializers import StrictSerializer, TimestampField

_HOSTNAME = re.compile(r"^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$")
_LINE_BREAK = re.compile(r"[\r\n\x00-\x1f\x7f]")
# The same rules for the schema (the length is the field's maxLength; no lookahead there).
_CONTROL = "\\u0000-\\u001f\\u007f"
HOSTNAME_PATTERN = "^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$"
ONE_LINE_PATTERN = f"^[^{_CONTROL}]+$"  # blank: the schema's other alternative
NAME_PATTERN = f"^[^{_CONTROL}]*[^\\s{_CONTROL}][^{_CONTROL}]*$"
FOLDER_PATTERN = f'^[^{_CONTROL}"]*[^\\s{_CONTROL}"][^{_CONTROL}"]*$'


class ImapInput(StrictSerializer):
    """The mailbox `manage.py fetch_mail` polls."""

    # What a read answers besides the fields: taken and ignored, so a read sent back works.
    extra_keys = ("password_set",)

    host = StrictCharField(
        max_length=253,
        schema_pattern=HOSTNAME_PATTERN,
        help_text="IMAP server host name or address.",
    )
    port = serializers.IntegerField(
        min_value=1, max_value=65535, required=False, help_text="Default 993 (ssl), else 143."
    )
    security = serializers.ChoiceField(
        choices=IMAP_SECURITY, required=False, help_text="`ssl` (default), `starttls`, `plain`."
    )
    username = StrictCharField(max_length=254, schema_pattern=NAME_PATTERN)
    password = StrictCharField(
        max_length=1000,
        required=False,
        allow_blank=True,
        write_only=True,
        help_text="Write-only: never shown or logged. Left out, the stored one is kept; "
        "an empty string clears it.",
    )
    folder = StrictCharField(
        max_length=200,
        required=False,
        schema_pattern=FOLDER_PATTERN,
        help_text="Default `INBOX`.",
    )
    enabled = StrictBooleanField(required=False, help_text="Default true.")

    def validate_host(self, value: str) -> str:
        if not _HOSTNAME.match(value):
            raise serializers.ValidationError("Not a host name.", code="invalid")
        return value.lower()

    def validate_folder(self, value: str) -> str:
        if _LINE_BREAK.search(value) or '"' in value or not value.strip():
            raise serializers.ValidationError("Not a folder name.", code="invalid")
        return value

    def validate_username(self, value: str) -> str:
        if _LINE_BREAK.search(value) or not value.strip():
            raise serializers.ValidationError("Not a user name.", code="invalid")
        return value

    def validate(self, attrs):
        attrs.setdefault("security", "ssl")
        attrs.setdefault("port", 993 if attrs["security"] == "ssl" else 143)
        attrs.setdefault("folder", "INBOX")
        attrs.setdefault("enabled", True)
        return attrs


class MailSettingsInput(StrictSerializer):
    """The whole mail settings of the organization (PUT)."""

    # What a read answers besides the fields: taken and ignored, so a read sent back works.
    extra_keys = ("smtp_configured", "updated_at")

    from_address = StrictEmailField(
        allow_blank=True,
        help_text='The address replies are sent from; `""` sends nothing. Required: a PUT '
        "replaces the whole settings.",
    )
    from_name = StrictCharField(
        max_length=200,
        required=False,
        allow_blank=True,
        schema_pattern=ONE_LINE_PATTERN,
        help_text="The sender's name.",
    )
    inbound_addresses = serializers.ListField(
        child=StrictEmailField(),
        required=False,
        max_length=MAX_INBOUND_ADDRESSES,
        help_text="The addresses whose mail belongs to this organization (unique across "
        "organizations: 409 `address_taken`). With any set, inbound mail addressed to none "
        "of them is ignored.",
    )
    imap = ImapInput(required=False, allow_null=True, help_text="Null: no polling.")

    def validate_from_name(self, value: str) -> str:
        if _LINE_BREAK.search(value):
            raise serializers.ValidationError("No line breaks.", code="invalid")
        return value.strip()

    def validate_inbound_addresses(self, value: list) -> list:
        return list(dict.fromkeys(value))


class ImapOut(serializers.Serializer):
    host = serializers.CharField()
    port = serializers.IntegerField()
    security = serializers.ChoiceField(choices=IMAP_SECURITY)
    username = serializers.CharField()
    password_set = serializers.SerializerMethodField(help_text="Whether a password is stored.")
    folder = serializers.CharField()
    enabled = serializers.BooleanField()

    def get_password_set(self, obj) -> bool:
        return bool(obj.password)


class MailSettingsSerializer(serializers.Serializer):
    """The organization's mail settings; the IMAP password is never shown."""

    from_address = serializers.CharField()
    from_name = serializers.CharField()
    inbound_addresses = serializers.ListField(child=serializers.CharField())
    imap = ImapOut(allow_null=True)
    smtp_configured = serializers.SerializerMethodField(
        help_text="Whether this service has an SMTP server (SERVICEDESK_SMTP_URL)."
    )
    updated_at = TimestampField(allow_null=True)

    def get_smtp_configured(self, obj) -> bool:
        return bool(self.context.get("smtp_configured"))


class InboundResult(serializers.Serializer):
    """201: what the message became."""

    incident_id = serializers.CharField()
    display_id = serializers.CharField()
    conversation_id = serializers.CharField()
    created_incident = serializers.BooleanField(
        help_text="True: a new incident; false: a reply on an existing one."
    )


class InboundIgnored(serializers.Serializer):
    """200: the message was taken and deliberately not stored."""

    ignored = serializers.ChoiceField(
        choices=[
            "duplicate",
            "own_address",
            "auto_submitted",
            "bulk_precedence",
            "auto_reply",
            "mailer_daemon",
            "delivery_report",
            "not_addressed_to_organization",
        ],
        help_text="Why nothing was created.",
    )
