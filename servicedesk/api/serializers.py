"""Our own base classes over django-rest-framework-mongoengine (3.4.1, unmaintained since 2020).

Everything the project needs patched in that library is patched here, once:
- datetimes render as the listing shows them (`2025-08-31T16:08:45.429Z`);
- validators can be asked for before the fields are built (drf-spectacular does);
- strings, integers and booleans map to strict fields (no 123 -> "123", no
  true -> 1), optional strings may be blank;
- BooleanFields map to our strict field, which also keeps the builder away from
  DRF's removed NullBooleanField (it crashes on nullable booleans otherwise).
"""

import mongoengine as me
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework_mongoengine import serializers as drf_me

from servicedesk.api.fields import StrictBooleanField, StrictCharField, StrictIntegerField
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
    me.StringField: StrictCharField,
    me.IntField: StrictIntegerField,
}


class _StrictFields:
    """Optional strings may be blank (the listing uses "" for "not given")."""

    serializer_field_mapping = _FIELD_MAPPING

    def build_standard_field(self, field_name, model_field):
        field_class, kwargs = super().build_standard_field(field_name, model_field)
        if isinstance(model_field, me.StringField) and not model_field.required:
            kwargs["allow_blank"] = True
        return field_class, kwargs


class DocumentSerializer(_StrictFields, drf_me.DocumentSerializer):
    def get_validators(self):
        # drf-me's unique-together validators read `field_info`, which only exists once
        # the fields are built; schema generation asks for validators of nested
        # serializers before that.
        _ = self.fields
        return super().get_validators()


class EmbeddedDocumentSerializer(_StrictFields, drf_me.EmbeddedDocumentSerializer):
    pass
