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
    "503": "The database cannot be reached; retry after `Retry-After` seconds.",
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
    """Document what every API operation may also answer: headers, 409/412/413/503."""
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
            responses["503"] = _error(EXTRA_ERRORS["503"], {"Retry-After": HEADERS["Retry-After"]})
            if method in ("post", "put", "patch"):
                responses["413"] = _error(EXTRA_ERRORS["413"])
                responses.setdefault("409", _error(EXTRA_ERRORS["409"]))
            if method in ("put", "patch"):
                responses["412"] = _error(EXTRA_ERRORS["412"])
    return result
