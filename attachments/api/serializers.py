"""Attachment uploads (multipart or base64 JSON) and metadata out."""

import base64
import binascii

from django.conf import settings
from django.core.validators import RegexValidator
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from attachments.documents import Attachment
from attachments.files import MAX_NAME_LENGTH, BadFileName, check_file_name
from servicedesk.api.fields import StrictCharField
from servicedesk.api.query import StrictQuery
from servicedesk.api.serializers import DocumentSerializer, NestedSerializer, StrictSerializer

# What check_file_name takes, for the schema: no control or bidi characters, no path,
# not `.`/`..`-led, something besides spaces, at most MAX_NAME_LENGTH once trimmed.
_FORBIDDEN = r"\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069/\\"
FILE_NAME_SCHEMA = {
    "type": "string",
    "minLength": 1,
    "maxLength": MAX_NAME_LENGTH,
    "pattern": rf"^(?!\s*\.\.)(?!\s*\.\s*$)(?=.*\S)[^{_FORBIDDEN}]*$",
    "example": "screenshot.png",
}


@extend_schema_field(FILE_NAME_SCHEMA)
class FileNameField(StrictCharField):
    def __init__(self, **kwargs):
        super().__init__(max_length=1000, trim_whitespace=False, **kwargs)

    def to_internal_value(self, data):
        try:
            return check_file_name(super().to_internal_value(data))
        except BadFileName as exc:
            raise serializers.ValidationError(str(exc), code="invalid_file_name") from None


# The whole JSON upload body is capped at this many bytes (413 over it).
BASE64_MAX = settings.SERVICEDESK_MAX_BASE64_UPLOAD_BYTES


@extend_schema_field(
    {
        "type": "string",
        "description": "Standard base64 (RFC 4648), padded.",
        "pattern": r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
        "minLength": 1,
        "maxLength": BASE64_MAX,
    }
)
class Base64Field(StrictCharField):
    """Standard base64 (RFC 4648): OpenAPI's `byte` format."""


class Base64File(NestedSerializer):
    file_name = FileNameField()
    content_base64 = Base64Field(
        trim_whitespace=False, max_length=BASE64_MAX, help_text="Standard base64 (RFC 4648)."
    )
    content_type = StrictCharField(
        required=False, max_length=255, help_text="Informative only: the type is detected."
    )

    def validate_content_base64(self, value):
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            raise serializers.ValidationError("Not valid base64.", code="invalid_base64") from None


# An id is 24 hex digits (the schema's `pattern`, so clients and fuzzers know it too).
OBJECT_ID = RegexValidator(r"^[0-9a-fA-F]{24}\Z", message="Not an id.", code="invalid")


def conversation_id_field(help_text: str) -> StrictCharField:
    return StrictCharField(
        max_length=24, min_length=24, required=False, validators=[OBJECT_ID], help_text=help_text
    )


def check_conversation_id(value: str) -> str:
    if not all(c in "0123456789abcdefABCDEF" for c in value):
        raise serializers.ValidationError("Not an id.", code="invalid")
    return value.lower()


class UploadTarget(StrictSerializer):
    incident_id = StrictCharField(max_length=64, help_text="Incident id or display id.")
    conversation_id = conversation_id_field("Attach to this conversation.")

    def validate_conversation_id(self, value):
        return check_conversation_id(value)


class JsonUpload(UploadTarget):
    """`{incident_id, conversation_id?, files: [{file_name, content_base64, content_type?}]}`."""

    files = serializers.ListField(child=Base64File(), min_length=1)

    def validate_files(self, value):
        if not value:
            raise serializers.ValidationError("Send at least one file.", code="required")
        return value


# One `file` in the schema (a list of binaries trips client generators); the service
# takes the part repeated for several files.
@extend_schema_field(
    {
        "type": "string",
        "format": "binary",
        "description": "A file; repeat the part for several (at most 10).",
    }
)
class FilePartsField(serializers.ListField):
    pass


class MultipartUpload(UploadTarget):
    """`incident_id`, optional `conversation_id`, and one or more `file` parts."""

    file = FilePartsField(child=serializers.FileField(allow_empty_file=True), min_length=1)


class AttachmentOriginOut(serializers.Serializer):
    incident_id = serializers.CharField(help_text="The merged (duplicate) incident's id.")
    display_id = serializers.CharField(help_text="Its display id, such as `INCI-7`.")


class AttachmentSerializer(DocumentSerializer):
    attachment_id = serializers.CharField(source="id", read_only=True)
    merged_from = AttachmentOriginOut(
        read_only=True,
        allow_null=True,
        help_text="The incident this file was attached to, when a merge moved it here "
        "from that duplicate; null otherwise.",
    )
    incident_id = serializers.CharField(read_only=True)
    conversation_id = serializers.CharField(read_only=True, allow_null=True)
    download_url = serializers.SerializerMethodField()

    class Meta:
        model = Attachment
        fields = (
            "attachment_id",
            "incident_id",
            "conversation_id",
            "file_name",
            "original_name",
            "size",
            "content_type",
            "sha256",
            "uploader_id",
            "uploaded_at",
            "download_url",
            "merged_from",
        )
        read_only_fields = fields

    def get_download_url(self, attachment) -> str:
        path = reverse("attachment-download", kwargs={"attachment_id": str(attachment.id)})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class AttachmentListParams(StrictQuery):
    paged = True

    incident_id = StrictCharField(max_length=64, help_text="Incident id or display id.")
    conversation_id = conversation_id_field("Only the attachments of this conversation.")

    def validate_conversation_id(self, value):
        return check_conversation_id(value)
