"""OpenAPI helpers: the schema class, and types for mongoengine-specific fields."""

from django.core.validators import RegexValidator
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_standardized_errors.openapi import AutoSchema as StandardizedErrorsAutoSchema
from rest_framework import serializers

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


# --- The one error shape -----------------------------------------------------------
# drf-standardized-errors documents each status with its own component (and a 400 per
# operation enumerating fields and codes); ours are richer than it can know (nested paths
# such as `files.0.file_name`, query parameters, our own codes), and generated clients
# read errors best as one type. So every error response refers to one `Error` component.


ERROR_TYPES = ["validation_error", "client_error", "server_error"]


class ErrorItemSerializer(serializers.Serializer):
    code = serializers.CharField(
        help_text="Machine-readable and stable, e.g. `required`, `invalid_key`, "
        "`unknown_api_key`, `insufficient_scope`, `not_found`."
    )
    detail = serializers.CharField(help_text="For a person.")
    attr = serializers.CharField(
        allow_null=True,
        help_text="The field or query parameter at fault, as the client sends it, with dots "
        "for nested ones (`incident_source.id`, `files.0.file_name`); null when no one "
        "field is.",
    )


class ApiErrorSerializer(serializers.Serializer):
    """Every 4xx and 5xx answer: `type` says which family, each error names its field."""

    type = serializers.ChoiceField(
        choices=ERROR_TYPES,
        help_text="`validation_error` (400 naming fields), `client_error` (other 4xx) or "
        "`server_error` (5xx).",
    )
    errors = ErrorItemSerializer(many=True)


OPERATION_VERBS = {
    "list": "list",
    "create": "create",
    "retrieve": "read",
    "update": "replace",
    "partial_update": "update",
    "destroy": "delete",
}


class AutoSchema(StandardizedErrorsAutoSchema):
    """drf-standardized-errors' schema (every operation documents its error responses),
    with one error component, and short operation ids and tags per resource.

    A viewset names its resource with `schema_resource` (`incidents`) and its tag with
    `schema_tag`: operation ids become `incidents_list`, `incidents_read`,
    `incidents_replace` (PUT), `incidents_update` (PATCH), `incidents_delete`, and
    `<resource>_<action>` for other actions unless `extend_schema(operation_id=...)`.
    """

    def get_operation_id(self):
        resource = getattr(self.view, "schema_resource", None)
        action = getattr(self.view, "action", None)
        if not resource or not action:
            return super().get_operation_id()
        return f"{resource}_{OPERATION_VERBS.get(action, action)}"

    def get_tags(self):
        tag = getattr(self.view, "schema_tag", None)
        return [tag] if tag else super().get_tags()

    def _get_paginator(self):
        # Pages are plain arrays (paging is in headers): no `Paginated...List` alias
        # component in responses; paging parameters only on GET lists (below).
        return None

    def _get_pagination_parameters(self):
        pagination_class = getattr(self.view, "pagination_class", None)
        if self.method != "GET" or not pagination_class or not self._is_list_view():
            return []
        return pagination_class().get_schema_operation_parameters(self.view)

    def _get_http400_serializer(self):
        return ApiErrorSerializer

    def _get_error_response_serializer(self, status_code: str):
        return ApiErrorSerializer


class ObjectIdFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "rest_framework_mongoengine.fields.ObjectIdField"

    def map_serializer_field(self, auto_schema, direction):
        return dict(OBJECT_ID_SCHEMA)


class JSONObjectListFieldExtension(OpenApiSerializerFieldExtension):
    """Lists of objects: always a list in responses; a request may also send one object
    (taken as a list of it, `{}` for none), and AssetListField's may be a list of names.
    The alternatives stay one level deep, which generated clients can type."""

    target_class = "servicedesk.api.fields.JSONObjectListField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        item = {"type": "object", "additionalProperties": True}
        if direction != "request":
            return {"type": "array", "items": item}
        lists = [{"type": "array", "items": item, "maxItems": self.target.max_items}]
        lists += [  # non-empty, so that `[]` is one alternative only
            {"type": "array", "items": items, "minItems": 1, "maxItems": self.target.max_items}
            for items in self.target.other_request_items
        ]
        return {"oneOf": [*lists, {**item, "description": "One object: the same as a list of it."}]}


REF_SCHEMA = {
    "type": "object",
    "nullable": True,
    "properties": {
        "id": {"type": "string", "nullable": True, "description": "null: a name only"},
        "name": {"type": "string"},
    },
    "required": ["id", "name"],
}


class ConfigRefFieldExtension(OpenApiSerializerFieldExtension):
    """Configuration references: text in (id, name or email), `{id, name}` out."""

    target_class = "servicedesk.api.fields.ConfigRefField"

    def map_serializer_field(self, auto_schema, direction):
        if direction == "request":
            return {
                "type": "string",
                "nullable": True,
                "maxLength": 254,
                "description": "An id, a name (agents: also an email); empty or null for none.",
            }
        return dict(REF_SCHEMA)


NO_NUL_PATTERN = "^[^\\u0000]*$"
NO_NUL_SOME = "^[^\\u0000]+$"
# Not blank once trimmed (DRF strips the white space around text before it checks it).
NOT_BLANK_PATTERN = "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$"


class StrictCharFieldExtension(OpenApiSerializerFieldExtension):
    """What text fields refuse (StrictCharField), stated by a pattern in requests: NUL
    characters, only white space where blank is not allowed, or the field's own rule
    (`schema_pattern`: an email address), unless the field states a pattern already."""

    target_class = "servicedesk.api.fields.StrictCharField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        schema = auto_schema._map_serializer_field(field, direction, bypass_extensions=True)
        own = "pattern" in schema or any(isinstance(v, RegexValidator) for v in field.validators)
        if direction == "request" and schema.get("type") == "string" and not own:
            if field.schema_pattern:
                schema["pattern"] = field.schema_pattern
            elif field.trim_whitespace and not field.allow_blank:
                schema["pattern"] = NOT_BLANK_PATTERN
            else:
                # Blank allowed: drf-spectacular adds `""` as a second alternative (oneOf),
                # so the pattern itself takes one character or more.
                schema["pattern"] = NO_NUL_PATTERN if not field.allow_blank else NO_NUL_SOME
        return schema


class GenericFieldExtension(OpenApiSerializerFieldExtension):
    """mongoengine's free-form fields (DictField of anything, DynamicField) are any JSON."""

    target_class = "rest_framework_mongoengine.fields.GenericField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        return build_basic_type(OpenApiTypes.ANY)
