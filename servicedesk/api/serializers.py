"""Our own base classes over django-rest-framework-mongoengine (3.4.1, unmaintained since 2020).

Everything the project needs patched in that library is patched here, once:
- datetimes render as the listing shows them (`2025-08-31T16:08:45.429Z`);
- validators can be asked for before the fields are built (drf-spectacular does);
- strings, integers and booleans map to strict fields (no 123 -> "123", no
  true -> 1), optional strings may be blank;
- BooleanFields map to our strict field, which also keeps the builder away from
  DRF's removed NullBooleanField (it crashes on nullable booleans otherwise);
- a nested document given something other than an object is a 400 naming it
  (drf-mongoengine looks into the value before DRF checks it, and crashes);
- a body, or an object nested in it, with a key none of its fields has (`$set`,
  `a.b`, the typo `descripton`) is a 400 naming that key, one error entry per
  unknown key (code `unknown_field`), not dropped in silence (`StrictSerializer`).
  Every request body's serializer derives from one of these bases.
"""

from collections.abc import Mapping

import mongoengine as me
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.settings import api_settings
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


UNKNOWN_FIELD = "unknown_field"


def refuse_unknown_keys(serializer: serializers.Serializer, data: Mapping) -> None:
    """A body, and each object nested in it, holds only its own fields: every other key
    is an error entry of its own (`attr` the key as sent, code `unknown_field`)."""
    known = set(serializer.fields) | set(getattr(serializer, "extra_keys", ()))
    unknown = [key for key in data if key not in known]
    if unknown:
        names = ", ".join(sorted(known))
        raise serializers.ValidationError(
            {
                str(key)[:64] or '""': [
                    serializers.ErrorDetail(f"Unknown field; known: {names}.", code=UNKNOWN_FIELD)
                ]
                for key in unknown[:20]
            }
        )


# A plain serializer of a body or of an object inside one, which refuses keys it does not
# know (`extra_keys`: keys a subclass takes besides its fields). (Comments, not
# docstrings, on these bases: drf-spectacular shows an inherited docstring as the
# description of every component built from a subclass.)
class StrictSerializer(serializers.Serializer):
    extra_keys: tuple[str, ...] = ()

    def to_internal_value(self, data):
        if isinstance(data, Mapping):
            refuse_unknown_keys(self, data)
        return super().to_internal_value(data)


NestedSerializer = StrictSerializer


# Nested documents must also be objects holding only their fields (`to_internal_value`).
class _StrictFields:
    """Optional strings may be blank (the listing uses "" for "not given")."""

    serializer_field_mapping = _FIELD_MAPPING

    def to_internal_value(self, data):
        if not isinstance(data, Mapping):
            message = self.error_messages["invalid"].format(datatype=type(data).__name__)
            raise serializers.ValidationError(
                {api_settings.NON_FIELD_ERRORS_KEY: [message]}, code="invalid"
            )
        refuse_unknown_keys(self, data)
        return super().to_internal_value(data)

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


def embedded_serializer(document: type, base: type = EmbeddedDocumentSerializer, **fields) -> type:
    """`<Document>Serializer` of every field of an embedded document (`fields` declares some).

    Named after the document, so the OpenAPI schema gets one named component each.
    """
    meta = type("Meta", (), {"model": document, "fields": "__all__"})
    return type(f"{document.__name__}Serializer", (base,), {**fields, "Meta": meta})
