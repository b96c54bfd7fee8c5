"""OpenAPI helpers: the schema class, and types for mongoengine-specific fields."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_standardized_errors.openapi import AutoSchema as StandardizedErrorsAutoSchema

OBJECT_ID_SCHEMA = {
    "type": "string",
    "pattern": "^[0-9a-f]{24}$",
    "example": "66d3f0c2a4b1e2d3c4b5a697",
}

TIMESTAMP_SCHEMA = {
    "type": "string",
    "format": "date-time",
    "example": "2025-08-31T16:08:45.429Z",
}


class AutoSchema(StandardizedErrorsAutoSchema):
    """drf-standardized-errors' schema: every operation documents its error responses."""


class ObjectIdFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "rest_framework_mongoengine.fields.ObjectIdField"

    def map_serializer_field(self, auto_schema, direction):
        return dict(OBJECT_ID_SCHEMA)


class GenericFieldExtension(OpenApiSerializerFieldExtension):
    """mongoengine's free-form fields (DictField of anything, DynamicField) are any JSON."""

    target_class = "rest_framework_mongoengine.fields.GenericField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        return build_basic_type(OpenApiTypes.ANY)
