"""Our own base classes over django-rest-framework-mongoengine (3.4.1, unmaintained since 2020).

Everything the project needs patched in that library is patched here, once:
- datetimes render as the listing shows them (`2025-08-31T16:08:45.429Z`);
- BooleanFields map to our strict field, which also keeps the builder away from
  DRF's removed NullBooleanField (it crashes on nullable booleans otherwise).
"""

import mongoengine as me
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework_mongoengine import serializers as drf_me

from servicedesk.api.fields import StrictBooleanField
from servicedesk.timeutil import isoformat


@extend_schema_field(
    {"type": "string", "format": "date-time", "example": "2025-08-31T16:08:45.429Z"}
)
class TimestampField(serializers.DateTimeField):
    """ISO 8601 in UTC with milliseconds and `Z`."""

    def to_representation(self, value):
        return isoformat(value)


_FIELD_MAPPING = {
    **drf_me.DocumentSerializer.serializer_field_mapping,
    me.DateTimeField: TimestampField,
    me.BooleanField: StrictBooleanField,
}


class DocumentSerializer(drf_me.DocumentSerializer):
    serializer_field_mapping = _FIELD_MAPPING


class EmbeddedDocumentSerializer(drf_me.EmbeddedDocumentSerializer):
    serializer_field_mapping = _FIELD_MAPPING
