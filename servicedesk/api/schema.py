"""OpenAPI helpers: the schema class, and types for mongoengine-specific fields."""

from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import PolymorphicProxySerializer, extend_schema_field
from drf_standardized_errors.openapi import AutoSchema as StandardizedErrorsAutoSchema
from drf_standardized_errors.openapi_serializers import ClientErrorEnum, ValidationErrorEnum
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


# --- Error bodies of 400, 401 and 403 ---------------------------------------------
# drf-standardized-errors documents a 400 per operation with an enumeration of the
# fields and of the codes each may answer; ours are richer than it can know (nested
# paths such as `files.0.file_name`, query parameters, our own codes such as
# `invalid_key`), so one honest shape is documented instead. 401 and 403 list our codes.

AUTHENTICATION_CODES = [
    "not_authenticated",
    "authentication_failed",
    "malformed_api_key",
    "api_key_in_query",
    "unknown_api_key",
    "revoked_api_key",
    "expired_api_key",
]
PERMISSION_CODES = ["permission_denied", "insufficient_scope"]


class ErrorItemSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Machine-readable, e.g. `required`, `invalid_key`.")
    detail = serializers.CharField()
    attr = serializers.CharField(
        allow_null=True,
        help_text="The field or query parameter at fault, as a dotted path "
        "(`incident_source.id`, `files.0.file_name`); null when no one field is.",
    )


class ValidationErrorResponseSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=ValidationErrorEnum.choices)
    errors = ErrorItemSerializer(many=True)


class ClientErrorResponseSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=ClientErrorEnum.choices)
    errors = ErrorItemSerializer(many=True)


def _coded_error_response(status: str, codes: list[str]) -> type[serializers.Serializer]:
    @extend_schema_field({"type": "string", "enum": codes})
    class CodeField(serializers.CharField):
        pass

    item = type(
        f"Error{status}Serializer",
        (ErrorItemSerializer,),
        {"code": CodeField(), "attr": serializers.CharField(allow_null=True)},
    )
    return type(
        f"ErrorResponse{status}Serializer",
        (serializers.Serializer,),
        {
            "type": serializers.ChoiceField(choices=ClientErrorEnum.choices),
            "errors": item(many=True),
        },
    )


ERROR_RESPONSE_401 = _coded_error_response("401", AUTHENTICATION_CODES)
ERROR_RESPONSE_403 = _coded_error_response("403", PERMISSION_CODES)
ERROR_RESPONSE_400 = PolymorphicProxySerializer(
    component_name="ErrorResponse400",
    serializers={
        ValidationErrorEnum.VALIDATION_ERROR.value: ValidationErrorResponseSerializer,
        ClientErrorEnum.CLIENT_ERROR.value: ClientErrorResponseSerializer,
    },
    resource_type_field_name="type",
)


class AutoSchema(StandardizedErrorsAutoSchema):
    """drf-standardized-errors' schema: every operation documents its error responses."""

    def _get_http400_serializer(self):
        return ERROR_RESPONSE_400

    def _get_error_response_serializer(self, status_code: str):
        overrides = {"401": ERROR_RESPONSE_401, "403": ERROR_RESPONSE_403}
        return overrides.get(status_code) or super()._get_error_response_serializer(status_code)


class ObjectIdFieldExtension(OpenApiSerializerFieldExtension):
    target_class = "rest_framework_mongoengine.fields.ObjectIdField"

    def map_serializer_field(self, auto_schema, direction):
        return dict(OBJECT_ID_SCHEMA)


class JSONObjectListFieldExtension(OpenApiSerializerFieldExtension):
    """Lists of objects: always a list in responses; a request may also send one object
    (taken as a list of it, `{}` for none), and AssetListField's items may be names."""

    target_class = "servicedesk.api.fields.JSONObjectListField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        item = {"type": "object", "additionalProperties": True}
        if direction != "request":
            return {"type": "array", "items": item}
        others = list(self.target.other_request_items)
        items = {"oneOf": [item, *others]} if others else item
        return {
            "oneOf": [
                {"type": "array", "items": items, "maxItems": self.target.max_items},
                {**item, "description": "One object: the same as a list of it."},
            ]
        }


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


class GenericFieldExtension(OpenApiSerializerFieldExtension):
    """mongoengine's free-form fields (DictField of anything, DynamicField) are any JSON."""

    target_class = "rest_framework_mongoengine.fields.GenericField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        return build_basic_type(OpenApiTypes.ANY)


ERROR_COMPONENT = {
    "type": "object",
    "description": "The one error shape of the API (drf-standardized-errors).",
    "properties": {
        "type": {"type": "string", "enum": ["validation_error", "client_error", "server_error"]},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "code": {"type": "string"},
                    "detail": {"type": "string"},
                    "attr": {"type": "string", "nullable": True},
                },
                "required": ["code", "detail", "attr"],
            },
        },
    },
    "required": ["type", "errors"],
}
HEADERS = {
    "X-Total-Count": {"description": "Items in all pages.", "schema": {"type": "integer"}},
    "Link": {
        "description": 'RFC 8288 links to the first, prev, next and last pages (rel="next").',
        "schema": {"type": "string"},
    },
    "ETag": {
        "description": "The incident's version; send it back in `If-Match` to edit safely.",
        "schema": {"type": "string", "example": '"3"'},
    },
    "Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}},
    "X-Request-ID": {
        "description": "The request id (yours from `X-Request-ID`, or made), also in the logs.",
        "schema": {"type": "string"},
    },
}
EXTRA_ERRORS = {
    "409": "The request conflicts with the current state (e.g. a refused status change).",
    "412": "`If-Match` does not match the current `ETag`: nothing was written.",
    "413": "The request body is over the configured limit.",
    "422": "This `Idempotency-Key` was used for a different request: nothing was done.",
    "429": "Too many requests for this key or organization; retry after `Retry-After` seconds.",
    "503": "The database cannot be reached; retry after `Retry-After` seconds.",
}


IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": (
        "Makes a retried POST safe: a repeat with the same key and the same request gets "
        "the first answer again (with `Idempotent-Replayed: true`), not a second write."
    ),
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
}


def _error(description: str, headers: dict | None = None) -> dict:
    response = {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }
    if headers:
        response["headers"] = headers
    return response


def postprocess_operational_responses(result, generator, request, public):
    """Document what every API operation may also answer: headers, 409/412/413/422/429/503."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_COMPONENT
    for path, operations in result.get("paths", {}).items():
        if not path.startswith("/ux/"):
            continue
        for method, operation in operations.items():
            responses = operation["responses"]
            op_id = operation.get("operationId", "")
            for code, response in responses.items():
                if code.startswith("2"):
                    headers = response.setdefault("headers", {})
                    headers["X-Request-ID"] = HEADERS["X-Request-ID"]
                    if op_id.endswith("_list") and "requester_search" not in op_id:
                        headers["X-Total-Count"] = HEADERS["X-Total-Count"]
                        headers["Link"] = HEADERS["Link"]
                    if path.endswith("/{id}/") and method != "delete":
                        headers["ETag"] = HEADERS["ETag"]
            retry_after = {"Retry-After": HEADERS["Retry-After"]}
            responses["429"] = _error(EXTRA_ERRORS["429"], retry_after)
            responses["503"] = _error(EXTRA_ERRORS["503"], retry_after)
            if method == "post":
                parameters = operation.setdefault("parameters", [])
                if not any(p.get("name") == IDEMPOTENCY_KEY["name"] for p in parameters):
                    parameters.append(dict(IDEMPOTENCY_KEY))
                responses["422"] = _error(EXTRA_ERRORS["422"])
            if method in ("post", "put", "patch"):
                responses["413"] = _error(EXTRA_ERRORS["413"])
                responses.setdefault("409", _error(EXTRA_ERRORS["409"]))
            if method in ("put", "patch"):
                responses["412"] = _error(EXTRA_ERRORS["412"])
    return result
