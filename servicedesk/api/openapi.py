"""What the OpenAPI document states beyond each view's own schema: the answers and headers
that the middleware adds to every operation, one description per response, and no
component left unreferenced.

Views declare the headers they send themselves with `extend_schema(extensions=sends(...))`;
paged lists (a `page` parameter) get `X-Total-Count` and `Link`, 201s `Location`.
"""

import json
import re

SENDS = "x-servicedesk-sends"
RESERVED_PARAMETER_NAMES = {"field"}
# Named schemas that fields refer to (`named_schema`), added to the components.
NAMED: dict[str, dict] = {}


def named_schema(name: str, schema: dict) -> dict:
    """A reference to component `name`, which the document will hold as `schema`.

    For enumerations that must keep a blank choice in one plain `enum` (drf-spectacular's
    enum hook would split it into `oneOf [XEnum, BlankEnum]`, which clients type badly).
    """
    NAMED[name] = schema
    return {"$ref": f"#/components/schemas/{name}"}


def sends(*names: str) -> dict:
    """`extend_schema(extensions=sends("ETag"))`: the operation's 2xx answers send these."""
    unknown = set(names) - set(HEADERS)
    if unknown:
        raise ValueError(f"undocumented headers: {sorted(unknown)}")
    return {SENDS: list(names)}


def _header(description: str, schema: dict | None = None) -> dict:
    return {"description": description, "schema": schema or {"type": "string"}}


HEADERS = {
    "X-Request-ID": _header(
        "The request id (yours from `X-Request-ID` when sane, or made), also in the logs."
    ),
    "X-RateLimit-Limit": _header(
        "Requests allowed in the current window for this key.", {"type": "integer"}
    ),
    "X-RateLimit-Remaining": _header("Requests left in the window.", {"type": "integer"}),
    "X-RateLimit-Reset": _header("Seconds until the window ends.", {"type": "integer"}),
    "Retry-After": _header("Seconds to wait before trying again.", {"type": "integer"}),
    "Idempotent-Replayed": _header(
        "`true` when this is the kept answer to an earlier request with the same "
        "`Idempotency-Key`, replayed.",
        {"type": "string", "enum": ["true"]},
    ),
    "ETag": _header(
        "The version of what was read or written; send it back in `If-Match` to edit "
        "safely, or in `If-None-Match` to read only when it changed.",
        {"type": "string", "example": '"3"'},
    ),
    "Location": _header("The URL of what was created.", {"type": "string", "format": "uri"}),
    "X-Total-Count": _header(
        "Items in all pages, counted exactly up to the service's count limit (10,000 by "
        "default); past it, the limit (see `X-Total-Count-Exact`).",
        {"type": "integer", "minimum": 0},
    ),
    "X-Total-Count-Exact": _header(
        "`false` when counting stopped at the limit: the list holds at least "
        "`X-Total-Count` items.",
        {"type": "string", "enum": ["true", "false"]},
    ),
    "Link": _header(
        'RFC 8288 links to the first, prev, next and last pages: `<url>; rel="next"`, ... '
        "(no `last` when the total is not exact). Paging by cursor: `first` and, unless "
        "this is the end, `next`."
    ),
    "WWW-Authenticate": _header('The scheme to use: `ApiKey realm="servicedesk"`.'),
    "Content-Disposition": _header(
        "`attachment` with a safe `filename` and, for non-ASCII names, RFC 6266 `filename*`."
    ),
    "Content-Length": _header("Bytes in this answer.", {"type": "integer", "minimum": 0}),
    "Content-Range": _header("`bytes first-last/size` of a partial answer; `bytes */size` on 416."),
    "Accept-Ranges": _header(
        "`bytes`: a `Range` header may ask for part of the file.",
        {"type": "string", "enum": ["bytes"]},
    ),
    "Cache-Control": _header("`private, no-transform`: caches may keep it for this client only."),
    "X-Content-Type-Options": _header(
        "`nosniff`: browsers must keep to the `Content-Type`.",
        {"type": "string", "enum": ["nosniff"]},
    ),
}
COMMON = ("X-Request-ID", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")

RESPONSES = {
    "200": "Success.",
    "201": "Created; `Location` names it.",
    "204": "Done; no body.",
    "206": "Part of the file, as `Range` asked (`Content-Range` says which).",
    "304": "Not modified: the `ETag` in `If-None-Match` is current; no body.",
    "400": "Bad input; each error names its field (`attr`) as the client sends it.",
    "401": "No usable API key: missing, malformed, unknown, expired or revoked (`code` says "
    "which).",
    "403": "The key's scope does not allow this (`insufficient_scope`).",
    "404": "Not found: no such object in the caller's organization (another organization's "
    "objects do not exist for the caller).",
    "405": "This method is not allowed on this route.",
    "406": "No answer in a media type that `Accept` allows.",
    "409": "The request conflicts with the current state (e.g. a refused status change, a "
    "name taken, a repeat still running).",
    "412": "`If-Match` does not match the current `ETag`: nothing was written.",
    "413": "The request body is over the configured limit: nothing was stored.",
    "415": "The request's `Content-Type` is not one this operation takes.",
    "416": "The `Range` cannot be satisfied; `Content-Range` gives the size.",
    "422": "This `Idempotency-Key` was used for a different request: nothing was done.",
    "429": "Too many requests for this key or organization; retry after `Retry-After` seconds.",
    "500": "A server error; it is logged with the `X-Request-ID`.",
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
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": r"^\S(.*\S)?$"},
}
IF_NONE_MATCH = {
    "name": "If-None-Match",
    "in": "header",
    "required": False,
    "description": "The `ETag` of a previous read: 304 with no body while it is current.",
    "schema": {"type": "string"},
}


def _error(code: str) -> dict:
    return {
        "description": RESPONSES[code],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}},
    }


def _headers(*names: str) -> dict:
    return {name: dict(HEADERS[name]) for name in names}


def _document_operation(method: str, operation: dict) -> None:
    responses = operation["responses"]
    parameters = operation.setdefault("parameters", [])
    declared = operation.pop(SENDS, [])
    paged = any(p.get("name") == "page" and p.get("in") == "query" for p in parameters)
    for code in ("429", "503"):
        responses[code] = _error(code)
    body = operation.get("requestBody")
    if body and method != "patch":
        body["required"] = True
    if method == "post":
        if not any(p.get("name") == IDEMPOTENCY_KEY["name"] for p in parameters):
            parameters.append(dict(IDEMPOTENCY_KEY))
        responses["422"] = _error("422")
        responses.setdefault("409", _error("409"))
    if method in ("post", "put", "patch"):
        responses["413"] = _error("413")
        responses.setdefault("409", _error("409"))
    if method in ("put", "patch"):
        responses["412"] = _error("412")
    if method == "get" and "ETag" in declared:
        if not any(p.get("name") == IF_NONE_MATCH["name"] for p in parameters):
            parameters.append(dict(IF_NONE_MATCH))
        responses.setdefault("304", {})
    for code, response in responses.items():
        response["description"] = response.get("description") or RESPONSES[code]
        names = list(COMMON)
        if code.startswith("2"):
            names += declared
            if paged:
                names += ["X-Total-Count", "X-Total-Count-Exact", "Link"]
            if code == "201":
                names.append("Location")
        if code == "304":
            names += ["ETag"]
        if method == "post" and not code.startswith("5"):
            names.append("Idempotent-Replayed")
        if code in ("429", "503"):
            names.append("Retry-After")
        if code == "401":
            names.append("WWW-Authenticate")
        headers = response.setdefault("headers", {})
        for name in names:
            headers.setdefault(name, dict(HEADERS[name]))
    operation["responses"] = dict(sorted(responses.items()))


def _inline_parameter_enums(operation: dict, schemas: dict) -> None:
    """Enumerations of parameters are written out, not referenced: openapi-generator loses
    the name of a referenced parameter schema (and warns). A parameter whose name is a
    reserved word of generated code (`field`) takes its values as a pattern instead, so no
    enum type is named after it."""
    for parameter in operation.get("parameters", []):
        schema = parameter.get("schema", {})
        ref = schema.get("$ref", "")
        if ref.startswith("#/components/schemas/"):
            target = schemas[ref.rsplit("/", 1)[1]]
            schema = parameter["schema"] = {
                **target,
                **{k: v for k, v in schema.items() if k != "$ref"},
            }
        if "enum" in schema and parameter["name"] in RESERVED_PARAMETER_NAMES:
            values = "|".join(re.escape(str(value)) for value in schema.pop("enum"))
            schema["pattern"] = f"^({values})$"


def _refs(node, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            found.add(ref.rsplit("/", 1)[1])
        for value in node.values():
            _refs(value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(value, found)


def example_markdown(title: str, value) -> str:
    """An answer's example written into an operation's description. (Answers that hold a
    nullable reference, such as an incident's `sla`, cannot carry a schema example:
    redocly's example check cannot read the form generated clients need; see
    `_fix_nullables`.)"""
    body = json.dumps(value, indent=2, ensure_ascii=False)
    return f"\n\n**{title}** (answer):\n\n```json\n{body}\n```"


def _fix_nullables(node) -> None:
    """OpenAPI 3.0 wants `nullable` beside a `type`: a nullable reference is typed
    `object`; a nullable any-value needs no `nullable`.

    Except a nullable reference the service answers (`readOnly`, as `sla` and a
    conversation's `mail`): that is written `oneOf: [$ref]` with `nullable` and no
    `type`, the one form openapi-python-client reads as "this or null" (beside an
    `allOf` or a `type` it drops the null, and the generated client then fails on
    every incident without an SLA). Request bodies keep the strict form, which
    redocly's example checks need."""
    if isinstance(node, dict):
        if (
            node.get("nullable")
            and node.get("readOnly")
            and "allOf" in node
            and len(node["allOf"]) == 1
        ):
            node["oneOf"] = node.pop("allOf")
            node.pop("type", None)
        if node.get("nullable") and "type" not in node:
            if "allOf" in node:
                node["type"] = "object"  # only serializers are referenced nullable
            elif "$ref" not in node and "oneOf" not in node:
                del node["nullable"]
        for value in node.values():
            _fix_nullables(value)
    elif isinstance(node, list):
        for value in node:
            _fix_nullables(value)


def _prune_components(result: dict) -> None:
    """Drop schema components nothing refers to (the error classes replaced by `Error`)."""
    schemas = result.get("components", {}).get("schemas", {})
    while True:
        used: set[str] = set()
        _refs(result.get("paths", {}), used)
        _refs(schemas, used)
        unused = set(schemas) - used
        if not unused:
            return
        for name in unused:
            del schemas[name]


# Components an answer may cut down (`fields=`): name -> the properties always present.
SPARSE_COMPONENTS: dict[str, tuple[str, ...]] = {}


def register_sparse_component(name: str, *, always: tuple[str, ...] = ()) -> None:
    """Answers of `name` may hold only some of its properties (a `fields=` parameter):
    the schema then requires only `always`, so validating clients accept them."""
    SPARSE_COMPONENTS[name] = always


def _sparse_components(schemas: dict) -> None:
    for name, always in SPARSE_COMPONENTS.items():
        schema = schemas.get(name)
        if schema and "required" in schema:
            schema["required"] = [field for field in schema["required"] if field in always]


def _strict_request_bodies(schemas: dict) -> None:
    """Request bodies refuse keys they do not know (servicedesk.api.serializers), and say
    so: every request component with declared properties gets `additionalProperties:
    false`. Free objects (no properties: `custom_field_data`, `location`, ...) stay open."""
    for name, schema in schemas.items():
        if name.endswith("Request") and "properties" in schema:
            schema.setdefault("additionalProperties", False)


def postprocess_operational_responses(result, generator, request, public):
    """Document what every API operation may also answer: headers, 409/412/413/422/429/503."""
    result.setdefault("components", {}).setdefault("schemas", {}).update(NAMED)
    for path, operations in result.get("paths", {}).items():
        if not path.startswith("/ux/"):
            continue
        for method, operation in operations.items():
            _document_operation(method, operation)
            _inline_parameter_enums(operation, result["components"]["schemas"])
    _fix_nullables(result)
    _prune_components(result)
    _strict_request_bodies(result["components"]["schemas"])
    _sparse_components(result["components"]["schemas"])
    return result


BLANK = {"type": "string", "maxLength": 0}


def _blank_in_pattern(node):
    """`oneOf: [text with a pattern, ""]` (drf-spectacular's form of a patterned field that
    may be blank) as one string whose pattern also takes `""`: generated clients cannot tell
    two string alternatives apart (openapi-generator's Python client refuses `""` as
    matching both)."""
    if isinstance(node, list):
        for item in node:
            _blank_in_pattern(item)
        return
    if not isinstance(node, dict):
        return
    alternatives = node.get("oneOf")
    if (
        isinstance(alternatives, list)
        and len(alternatives) == 2
        and alternatives[1] == BLANK
        and alternatives[0].get("type") == "string"
        and "pattern" in alternatives[0]
        and "minLength" not in alternatives[0]
    ):
        text = dict(alternatives[0])
        text["pattern"] = f"(?:{text['pattern']})|^$"
        del node["oneOf"]
        node.update(text)
    for value in node.values():
        _blank_in_pattern(value)


def postprocess_blank_text(result, generator, request, public):
    _blank_in_pattern(result.get("components", {}))
    _blank_in_pattern(result.get("paths", {}))
    return result
