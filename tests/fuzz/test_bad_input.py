"""A catalogue of bad input, sent to every field of every JSON request body of the schema.

The cases are generated from the OpenAPI document (`/api/schema/?format=json`): for each
operation with an `application/json` request body, every property of its schema (nested
objects and the items of lists too) gets, in an otherwise valid body of that operation:

- MongoDB operator objects (`{"$ne": null}`, `{"$where": "1"}`) and `{"__raw__": {}}`;
- null, where the schema does not allow it;
- a value of each JSON type the schema does not allow;
- strings one character over `maxLength` (100 000 characters where none is declared),
  numbers just outside `minimum`/`maximum`, lists one item over `maxItems`;
- objects nested 12 levels deep, and objects with keys holding `$` or `.` (or `_cls`);
- a key an object does not have, where its schema says `additionalProperties: false`
  (every request body, and the objects inside them that are not free dictionaries).

And whole bodies broken (`MALFORMED`): nesting far past the limit, truncated JSON, a
broken multipart, too many form fields, bytes that are not UTF-8.

Each must answer a 4xx (never a 5xx): a 400 whose `errors[].attr` names the field (the
field itself or a path inside it), or a clear 404/409/413/415; and nothing may be written
(every collection holds the same documents before and after). A new field, or a new
operation, is covered as soon as it is in the schema; a new operation needs a valid base
body in BASE_BODIES, and this test fails until it has one.
"""

import copy
import hashlib
import itertools
from collections.abc import Callable
from dataclasses import dataclass

import mongoengine
import orjson
import pytest
from django.test import Client

from incidents.api.serializers import LISTING_CREATE_EXAMPLE
from tests.fuzz.conftest import API, ORG, Seed, record_stat
from tests.support.writes import WRITTEN

SCHEMA = Client().get("/api/schema/?format=json").json()
COMPONENTS = SCHEMA["components"]["schemas"]
DEPTH = 12
NO_MAX_LENGTH = 100_000
CLEAR_CODES = {404, 409, 413, 415}
REPRESENTATIVES = {
    "string": "fuzz",
    "integer": 7,
    "number": 2.5,
    "boolean": True,
    "array": ["fuzz"],
    "object": {"fuzz": 1},
}
OPERATORS = [{"$ne": None}, {"$where": "1"}, {"__raw__": {}}]


def resolve(schema: dict) -> dict:
    while "$ref" in schema:
        schema = COMPONENTS[schema["$ref"].split("/")[-1]]
    return schema


def branches(schema: dict) -> list[dict]:
    """The alternatives of a schema (oneOf/anyOf), each resolved; [schema] otherwise."""
    schema = resolve(schema)
    alternatives = schema.get("oneOf") or schema.get("anyOf")
    if not alternatives:
        return [schema]
    return [b for alternative in alternatives for b in branches(alternative)]


def types_of(schema: dict) -> set[str]:
    found = set()
    for branch in branches(schema):
        kind = branch.get("type")
        if kind is None and "enum" in branch:
            kind = "string"
        if kind is None:
            return set(REPRESENTATIVES)  # any JSON value
        found.add(kind)
    if "number" in found:
        found.add("integer")
    return found


def nullable(schema: dict) -> bool:
    """`nullable`, or a branch that is null (drf-spectacular's `NullEnum` for choices)."""
    if resolve(schema).get("nullable"):
        return True
    return any(b.get("nullable") or None in b.get("enum", []) for b in branches(schema))


def nested(depth: int):
    value: object = 1
    for _ in range(depth):
        value = {"deeper": value}
    return value


@dataclass
class BadCase:
    field: str  # where the value goes, e.g. "requester.email" or "incident_ids.0"
    expect: str  # what `attr` must start with: the field, or the list holding the item
    label: str
    value: object


def bad_values(schema: dict) -> list[tuple[str, object]]:
    """(label, value) of every bad input for a field of `schema`."""
    kinds = types_of(schema)
    values: list[tuple[str, object]] = [(f"operator {op}", op) for op in OPERATORS]
    if not nullable(schema):
        values.append(("null", None))
    for kind, representative in REPRESENTATIVES.items():
        if kind not in kinds:
            values.append((f"wrong type {kind}", representative))
    if "string" not in kinds:  # what a lenient parser would take for the right type
        if kinds & {"integer", "number"}:
            values.append(("number as a string", "7"))
        if "boolean" in kinds:
            values.append(("boolean as a string", "true"))
    alternatives = branches(schema)
    strings = [b for b in alternatives if b.get("type") == "string" or "enum" in b]
    if strings:
        limits = [b.get("maxLength") for b in strings]
        length = max(limits) + 1 if None not in limits else NO_MAX_LENGTH
        values.append(("over-long string", "a" * length))
    for b in alternatives:
        if b.get("type") in ("integer", "number"):
            if "minimum" in b:
                values.append(("below minimum", b["minimum"] - 1))
            if "maximum" in b:
                values.append(("above maximum", b["maximum"] + 1))
    if "object" in kinds:
        values += [
            (f"nested {DEPTH} levels", nested(DEPTH)),
            ("key with $", {"$set": {"x": 1}}),
            ("key with .", {"a.b": 1}),
            ("inner key with $", {"fuzz": {"$gt": 1}}),
            # mongoengine reads a stored `_cls` as a document class to load.
            ("key _cls", {"_cls": "Incident"}),
        ]
    if "array" in kinds:
        values.append((f"list nested {DEPTH} levels", [nested(DEPTH - 1)]))
        items = [b.get("items") for b in alternatives if b.get("type") == "array"]
        if items and items[0] and "object" in types_of(items[0]):
            values += [("item key with $", [{"$set": 1}]), ("item key with .", [{"a.b": 1}])]
    return values


JSON_TYPES = {str: "string", dict: "object", list: "array", bool: "boolean", int: "integer"}


def cases_for(schema: dict, prefix: str = "") -> list[BadCase]:
    """Every bad input for every property of an object schema, nested ones included, and
    a key the object does not have where the schema says it is closed."""
    found = []
    if resolve(schema).get("additionalProperties") is False:
        key = f"{prefix}fuzz_unknown_field"
        found.append(BadCase(key, key, "unknown field", 1))
    for name, prop in resolve(schema).get("properties", {}).items():
        if prop.get("readOnly"):
            continue
        path = f"{prefix}{name}"
        found += [BadCase(path, path, label, value) for label, value in bad_values(prop)]
        for branch in branches(prop):
            if branch.get("type") == "object" and branch.get("properties"):
                found += cases_for(branch, f"{path}.")
            if branch.get("type") == "array" and branch.get("items"):
                items = resolve(branch["items"])
                if items.get("properties"):
                    found += cases_for(items, f"{path}.0.")
                else:
                    # An item of another alternative's type is not bad (`assets`: a list
                    # of objects or a list of names).
                    taken = {
                        kind
                        for other in branches(prop)
                        if other.get("type") == "array" and other.get("items")
                        for kind in types_of(resolve(other["items"]))
                    }
                    found += [
                        BadCase(f"{path}.0", path, f"item {label}", value)
                        for label, value in bad_values(items)
                        if JSON_TYPES.get(type(value)) not in taken
                    ]
                found += over_long_list(path, branch)
    return found


def over_long_list(path: str, schema: dict) -> list[BadCase]:
    if "maxItems" not in schema:
        return []
    # Distinct items (lists may drop duplicates before counting), filled in by `place`.
    return [BadCase(path, path, "list over maxItems", ("__too_many__", schema["maxItems"] + 1))]


def place(body: dict, field: str, value) -> dict:
    """A copy of `body` with `value` at the dotted `field`; a digit is a list index.

    Parents are made, or replaced when of the other kind (the listing's body sends `{}`
    where the schema has a list), as needed.
    """
    body = copy.deepcopy(body)
    parts = field.split(".")
    if isinstance(value, tuple) and value and value[0] == "__too_many__":
        current = body
        for part in parts:
            current = current.get(part) if isinstance(current, dict) else None
        sample = current[0] if isinstance(current, list) and current else "fuzz"
        value = [distinct(sample, n) for n in range(value[1])]
    target = body
    for part, after in itertools.pairwise(parts):
        kind = list if after.isdigit() else dict
        if isinstance(target, list):
            index = int(part)
            while len(target) <= index:
                target.append(None)
            if not isinstance(target[index], kind):
                target[index] = kind()
            target = target[index]
        else:
            if not isinstance(target.get(part), kind):
                target[part] = kind()
            target = target[part]
    last = parts[-1]
    if isinstance(target, list):
        index = int(last)
        target[:] = [*target[:index], value]
    else:
        target[last] = value
    return body


def distinct(sample, n: int):
    if isinstance(sample, str):
        return f"{sample[:40]}{n}" if "@" not in sample else f"u{n}.{sample}"
    if isinstance(sample, dict):
        return {**sample, "n": n}
    return sample


# --- Valid base bodies, per operation --------------------------------------------------


@dataclass
class Base:
    url: str
    body: dict
    ok: tuple[int, ...] = (200, 201)


def _incident(seed: Seed, n: int) -> str:
    return seed.pools["incident"][n]


def _representation(seed: Seed, url: str) -> dict:
    return seed.tenant.admin.get(url).json()


def _put_incident(seed: Seed) -> Base:
    url = f"{API}incident/{_incident(seed, 0)}/"
    return Base(url, {**_representation(seed, url), "closure_note": "", "reason": ""})


def _put_conversation(seed: Seed) -> Base:
    url = f"{API}conversation/{seed.pools['conversation'][0]}/"
    current = _representation(seed, url)
    body = {
        "incident_id": current["incident_id"],
        "kind": current["kind"],
        "direction": current["direction"],
        "body": "<p>Edited <b>again</b></p>",
        "to": ["ada0@example.com"],
        "cc": ["cc@example.com"],
        "bcc": ["bcc@example.com"],
        "attachment_ids": [seed.pools["attachment"][1]],
        "from": "desk@example.com",
    }
    return Base(url, body)


def _webhook_body() -> dict:
    return {
        "url": "https://hooks.example.com/other",
        "events": ["incident.created", "incident.updated"],
        "active": True,
        "description": "ops",
    }


def _resolved_for_feedback(seed: Seed) -> Base:
    """The third incident resolved (the seeded resolved one already has its feedback)."""
    ref = _incident(seed, 2)
    seed.tenant.admin.post(
        f"{API}incident/inci_resolve/",
        {"incident_id": ref, "resolution_type": "Fixed", "closure_note": "done"},
        format="json",
    )
    return Base(f"{API}incident/feedback/", {"incident_id": ref, "rating": 4, "comment": "ok"})


def _upload_body(seed: Seed) -> dict:
    return {
        "incident_id": _incident(seed, 0),
        "conversation_id": seed.pools["conversation"][0],
        "files": [
            {"file_name": "notes.txt", "content_base64": "aGVsbG8K", "content_type": "text/plain"}
        ],
    }


def _config(seed: Seed, kind: str) -> str:
    """The seeded object of this organization (pools hold its id first)."""
    return seed.pools[kind][0]


CONFIG_BODIES: dict[str, Callable[[Seed], dict]] = {
    "agents": lambda s: {
        "name": "Grace",
        "email": "grace@example.com",
        "active": True,
        "group_ids": [_config(s, "group")],
    },
    "groups": lambda s: {
        "name": "Desk",
        "description": "first line",
        "member_ids": [_config(s, "agent")],
        "auto_assign": "least_open",
        "active": True,
    },
    "services": lambda s: {
        "name": "Chat",
        "description": "chat",
        "classifications": [{"id": 3, "name": "Slow"}, {"name": "Down"}],
        "default_group_id": _config(s, "group"),
        "active": True,
    },
    "custom-fields": lambda s: {
        "key": "region",
        "label": "Region",
        "type": "multiselect",
        "required": False,
        "options": ["EU", "US"],
        "incident_type_ids": [],
        "active": True,
    },
    "templates": lambda s: {
        "name": "Printer",
        "fields": {
            "summary": "Printer jam",
            "description": "<p>Tray 2</p>",
            "urgency_id": 2,
            "impact_id": 3,
            "incident_type": "Incident",
            "support_group": _config(s, "group"),
            "assignee": _config(s, "agent"),
            "impact_service": _config(s, "service"),
            "service_classification": "Spam",
            "tag": ["printer"],
            "custom_field_data": {"cost_center": "R&D"},
        },
        "active": True,
    },
}
CONFIG_BODIES["calendars"] = lambda s: {
    "name": "Support desk",
    "time_zone": "America/New_York",
    "hours": {"monday": [["08:00", "12:00"], ["13:00", "18:00"]], "saturday": [["00:00", "24:00"]]},
    "holidays": ["2025-07-04"],
    "active": True,
}
CONFIG_BODIES["sla-policies"] = lambda s: {
    "name": "Critical",
    "order": 3,
    "active": True,
    "conditions": {
        "priority_ids": [1, 2],
        "incident_type_ids": [1],
        "service_ids": [_config(s, "service")],
        "support_group_ids": [_config(s, "group")],
    },
    "calendar_id": _config(s, "calendar"),
    "targets": {"response_minutes": 15, "resolution_minutes": 240},
    "pause_status_ids": [4],
    "warn_at_percent": 75,
}
CONFIG_POOLS = {
    "agents": "agent",
    "groups": "group",
    "services": "service",
    "custom-fields": "custom_field",
    "templates": "template",
    "calendars": "calendar",
    "sla-policies": "sla_policy",
}


def _config_put(kind: str) -> Callable[[Seed], Base]:
    def base(seed: Seed) -> Base:
        body = CONFIG_BODIES[kind](seed)
        if kind == "custom-fields":
            body.update(key="cost_center", type="select", options=["R&D", "Ops"])
        return Base(f"{ORG}{kind}/{_config(seed, CONFIG_POOLS[kind])}/", body)

    return base


def _config_patch(kind: str) -> Callable[[Seed], Base]:
    def base(seed: Seed) -> Base:
        body = {key: value for key, value in CONFIG_BODIES[kind](seed).items() if key != "key"}
        if kind == "custom-fields":
            body.update(type="select", options=["R&D", "Ops"])
        return Base(f"{ORG}{kind}/{_config(seed, CONFIG_POOLS[kind])}/", body)

    return base


def _picklist(seed: Seed) -> Base:
    url = f"{ORG}picklists/hold_reasons/"
    current = _representation(seed, url)
    entries = [*current["entries"], {"id": 50, "name": "Awaiting Parts", "active": True}]
    return Base(url, {"name": "hold_reasons", "entries": entries})


def _matrix(seed: Seed) -> Base:
    url = f"{ORG}priority-matrix/"
    return Base(url, _representation(seed, url))


BASE_BODIES: dict[tuple[str, str], Callable[[Seed], Base]] = {
    **{
        ("post", f"{ORG}{kind}/"): lambda s, kind=kind, body=body: Base(f"{ORG}{kind}/", body(s))
        for kind, body in CONFIG_BODIES.items()
    },
    **{("put", f"{ORG}{kind}/{{id}}/"): _config_put(kind) for kind in CONFIG_BODIES},
    **{("patch", f"{ORG}{kind}/{{id}}/"): _config_patch(kind) for kind in CONFIG_BODIES},
    ("put", f"{ORG}picklists/{{name}}/"): _picklist,
    ("put", f"{ORG}priority-matrix/"): _matrix,
    ("patch", f"{ORG}settings/"): lambda s: Base(f"{ORG}settings/", {"auto_close_days": 5}),
    ("put", f"{ORG}mail-settings/"): lambda s: Base(
        f"{ORG}mail-settings/",
        {
            "from_address": "help@fuzz.test",
            "from_name": "Fuzz IT",
            "inbound_addresses": ["help@fuzz.test"],
            "imap": {
                "host": "imap.fuzz.test",
                "port": 993,
                "security": "ssl",
                "username": "help",
                "password": "secret",
                "folder": "INBOX",
                "enabled": True,
            },
        },
    ),
    ("post", "/ux/sd/inci/conversation/"): lambda s: Base(
        f"{API}conversation/",
        {
            "incident_id": _incident(s, 0),
            "kind": "reply",
            "direction": "outbound",
            "body": "<p>Please <i>reboot</i></p>",
            "to": ["ada0@example.com"],
            "cc": ["cc@example.com"],
            "bcc": ["bcc@example.com"],
            "attachment_ids": [s.pools["attachment"][0]],
            "from": "desk@example.com",
        },
    ),
    ("put", "/ux/sd/inci/conversation/{id}/"): _put_conversation,
    ("patch", "/ux/sd/inci/conversation/{id}/"): lambda s: Base(
        f"{API}conversation/{s.pools['conversation'][0]}/", {"body": "<p>Edited</p>"}
    ),
    ("post", "/ux/sd/inci/incident/"): lambda s: Base(
        f"{API}incident/",
        {
            **LISTING_CREATE_EXAMPLE,
            # The fuzzing organization has a catalogue (conftest): name its own service and
            # a value its custom field offers.
            "impact_service_name": "Email",
            "kb": ["KB-1"],
            "custom_field_data": {"cost_center": "R&D"},
            "location": {"site": "HQ"},
        },
    ),
    ("put", "/ux/sd/inci/incident/{id}/"): _put_incident,
    ("patch", "/ux/sd/inci/incident/{id}/"): lambda s: Base(
        f"{API}incident/{_incident(s, 0)}/", {"basic_info": {"summary": "VPN drops daily"}}
    ),
    ("post", "/ux/sd/inci/incident/add-attachment/"): lambda s: Base(
        f"{API}incident/add-attachment/", _upload_body(s)
    ),
    ("post", "/ux/sd/inci/incident/bulk_retry_api/"): lambda s: Base(
        f"{API}incident/bulk_retry_api/",
        {"incident_ids": [_incident(s, 0)], "delivery_ids": s.pools["delivery"][:1]},
    ),
    ("post", "/ux/sd/inci/incident/close_inci_request/"): lambda s: Base(
        f"{API}incident/close_inci_request/",
        {"incident_ids": [_incident(s, 1)], "closure_note": "<p>done</p>", "reason": ""},
    ),
    ("post", "/ux/sd/inci/incident/delete_incident/"): lambda s: Base(
        f"{API}incident/delete_incident/", {"incident_ids": [_incident(s, 2)], "permanent": False}
    ),
    ("post", "/ux/sd/inci/incident/feedback/"): _resolved_for_feedback,
    ("post", "/ux/sd/inci/incident/inci_reopen/"): lambda s: Base(
        f"{API}incident/inci_reopen/", {"incident_ids": [_incident(s, 1)], "reason": "again"}
    ),
    ("post", "/ux/sd/inci/incident/inci_resolve/"): lambda s: Base(
        f"{API}incident/inci_resolve/",
        {"incident_ids": [_incident(s, 0)], "resolution_type": "Fixed", "closure_note": "ok"},
    ),
    ("post", "/ux/sd/inci/incident/restore_incident/"): lambda s: Base(
        f"{API}incident/restore_incident/", {"incident_ids": [_incident(s, 0)]}
    ),
    ("post", "/ux/sd/inci/incident/merge/"): lambda s: Base(
        f"{API}incident/merge/",
        {"target": _incident(s, 0), "sources": [_incident(s, 2)], "note": "duplicate"},
    ),
    ("post", "/ux/sd/inci/incident/{id}/relations/"): lambda s: Base(
        f"{API}incident/{_incident(s, 0)}/relations/",
        {"type": "parent", "incident": _incident(s, 2)},
    ),
    ("post", "/ux/sd/inci/incident/save-rich-text/"): lambda s: Base(
        f"{API}incident/save-rich-text/",
        {"incident_id": _incident(s, 0), "field": "description", "html": "<p>new</p>"},
    ),
    ("post", "/ux/sd/inci/incident/workflow_options_map/"): lambda s: Base(
        f"{API}incident/workflow_options_map/", {"incident_ids": [_incident(s, 0)]}
    ),
    ("post", "/ux/sd/inci/webhook/"): lambda s: Base(f"{API}webhook/", _webhook_body()),
    ("put", "/ux/sd/inci/webhook/{id}/"): lambda s: Base(
        f"{API}webhook/{s.pools['webhook'][0]}/", _webhook_body()
    ),
    ("patch", "/ux/sd/inci/webhook/{id}/"): lambda s: Base(
        f"{API}webhook/{s.pools['webhook'][0]}/", {"description": "changed"}
    ),
}


def json_operations() -> list[tuple[str, str, dict]]:
    found = []
    for path, operations in SCHEMA["paths"].items():
        for method, operation in operations.items():
            content = operation.get("requestBody", {}).get("content", {})
            if "application/json" in content:
                found.append((method, path, content["application/json"]["schema"]))
    return found


OPERATIONS = json_operations()


_digests: dict[tuple[str, str], tuple[tuple[int, int], str]] = {}


def snapshot() -> dict[str, str]:
    """A digest of every collection's documents (API keys without their last use).

    On a real server a collection no write reached since its last digest keeps it
    (tests/support/writes.py): reading every collection after every case made this
    catalogue most of the integration suite's time."""
    db = mongoengine.get_db()
    digests = {}
    for name in sorted(db.list_collection_names()):
        if name.startswith("system."):
            continue
        version = WRITTEN.version(name) if WRITTEN.active else None
        kept = _digests.get((db.name, name))
        if version is not None and kept is not None and kept[0] == version:
            digests[name] = kept[1]
            continue
        digest = hashlib.sha256()
        for document in db[name].find({}, sort=[("_id", 1)]):
            if name == "api_keys":
                document.pop("last_used_at", None)
            digest.update(repr(sorted(document.items(), key=lambda kv: kv[0])).encode())
        digests[name] = f"{db[name].count_documents({})}:{digest.hexdigest()[:16]}"
        if version is not None:
            _digests[(db.name, name)] = (version, digests[name])
    return digests


def judge(case: BadCase, response) -> str | None:
    """None when the answer is right; what is wrong otherwise."""
    status = response.status_code
    if not 400 <= status < 500:
        return f"answered {status}: {response.content[:300]!r}"
    if status in CLEAR_CODES:
        return None
    if status != 400:
        return f"answered {status} (expected 400, or 404/409/413/415)"
    errors = response.json().get("errors", [])
    attrs = [error.get("attr") or "" for error in errors]
    if any(attr == case.expect or attr.startswith(f"{case.expect}.") for attr in attrs):
        return None
    return f"400 does not name {case.expect!r}: {errors}"


@pytest.mark.parametrize(
    ("method", "path", "body_schema"),
    OPERATIONS,
    ids=[f"{method.upper()} {path}" for method, path, _ in OPERATIONS],
)
def test_bad_input_is_refused(method, path, body_schema, seeded: Seed):
    assert (method, path) in BASE_BODIES, f"write a valid base body for {method.upper()} {path}"
    base = BASE_BODIES[(method, path)](seeded)
    client = seeded.tenant.admin
    client.raise_request_exception = False  # a crash is a 500 answer, listed with the rest
    send = getattr(client, method)
    cases = cases_for(body_schema)
    assert cases, f"no field found in the request body of {method.upper()} {path}"
    before = snapshot()
    failures = []
    for case in cases:
        response = send(base.url, place(base.body, case.field, case.value), format="json")
        problem = judge(case, response)
        after = snapshot()
        if problem is None and after != before:
            changed = sorted(name for name in after if after[name] != before.get(name))
            problem = f"answered {response.status_code} but wrote to {changed}"
        if problem is not None:
            failures.append(f"{case.field} <- {case.label}: {problem}")
        before = after
    record_stat("bad-input cases", len(cases))
    record_stat("bad-input operations", 1)
    print(f"{method.upper()} {path}: {len(cases)} bad-input cases")
    # The base body itself is valid: the 400s above were about the bad field.
    response = send(base.url, base.body, format="json")
    assert response.status_code in base.ok, (response.status_code, response.content[:500])
    assert not failures, f"{len(failures)} of {len(cases)} cases:\n" + "\n".join(failures)


def _cut(body: dict) -> bytes:
    raw = orjson.dumps(body)
    return raw[: max(1, len(raw) // 2)]


# Bodies broken as a whole rather than in one field (issue 14). Each: (label, content type,
# body bytes, extra WSGI environ). What only a real connection can send (a body shorter
# than its Content-Length, then a half-close; chunked bodies; bad framing) is tested
# against the real server in tests/servicedesk/test_serving.py: the server never hands
# the application a body it has not read whole.
MALFORMED: list[tuple[str, str, Callable[[dict], bytes], dict]] = [
    ("array nested 950 deep", "application/json", lambda b: b"[" * 950 + b"]" * 950, {}),
    (
        "object nested 950 deep inside the body",
        "application/json",
        lambda b: orjson.dumps(b)[:-1] + b',"deep":' + b'{"a":' * 950 + b"1" + b"}" * 951,
        {},
    ),
    ("truncated JSON", "application/json", _cut, {}),
    ("multipart without a boundary", "multipart/form-data", lambda b: b"--x\r\n\r\n", {}),
    (
        "multipart cut short",
        "multipart/form-data; boundary=BOUND",
        lambda b: b'--BOUND\r\nContent-Disposition: form-data; name="incident_id"\r\n\r\nINC',
        {},
    ),
    (
        "multipart with 1,100 fields",
        "multipart/form-data; boundary=B",
        lambda b: (
            b"".join(
                b'--B\r\nContent-Disposition: form-data; name="f%d"\r\n\r\nv\r\n' % n
                for n in range(1100)
            )
            + b"--B--\r\n"
        ),
        {},
    ),
    ("not UTF-8", "application/json", lambda b: b'{"summary": "\xff\xfe"}', {}),
]


@pytest.mark.parametrize(
    ("method", "path", "body_schema"),
    OPERATIONS,
    ids=[f"{method.upper()} {path}" for method, path, _ in OPERATIONS],
)
def test_malformed_bodies_are_refused(method, path, body_schema, seeded: Seed):
    base = BASE_BODIES[(method, path)](seeded)
    failures = []
    for scope_client in (seeded.tenant.admin, seeded.tenant.reader):
        scope_client.raise_request_exception = False
        before = snapshot()
        for label, content_type, make, extra in MALFORMED:
            response = scope_client.generic(
                method.upper(), base.url, make(base.body), content_type=content_type, **extra
            )
            status = response.status_code
            if not 400 <= status < 500:
                failures.append(f"{label}: answered {status}: {response.content[:300]!r}")
            elif response["Content-Type"] != "application/json" or "errors" not in (
                response.json()
            ):
                failures.append(f"{label}: {status} outside the error shape")
            after = snapshot()
            if after != before:
                failures.append(f"{label}: answered {status} but wrote something")
            before = after
    record_stat("malformed-body cases", 2 * len(MALFORMED))
    assert not failures, "\n".join(failures)


# The one route whose body is no JSON: mail/inbound/ takes a raw RFC 822 message.
BAD_MAIL: list[tuple[str, str, bytes]] = [
    ("empty", "message/rfc822", b""),
    ("no headers", "message/rfc822", b"just some words"),
    ("binary", "message/rfc822", bytes(range(256)) * 4),
    ("no sender", "message/rfc822", b"Subject: hi\r\n\r\nbody"),
    ("sender without address", "message/rfc822", b"From: nobody\r\n\r\nbody"),
    ("JSON", "application/json", b'{"raw": "From: a@b.c"}'),
    ("form", "multipart/form-data; boundary=B", b"--B--\r\n"),
    ("operator object", "application/json", b'{"$where": "1"}'),
]


@pytest.mark.parametrize(("label", "content_type", "raw"), BAD_MAIL, ids=[b[0] for b in BAD_MAIL])
def test_bad_inbound_mail_is_refused(label, content_type, raw, seeded: Seed):
    client = seeded.tenant.admin
    client.raise_request_exception = False
    before = snapshot()
    response = client.generic("POST", f"{API}mail/inbound/", raw, content_type=content_type)
    assert 400 <= response.status_code < 500, (response.status_code, response.content[:300])
    assert "errors" in response.json()
    if response.status_code == 400:
        assert [error["attr"] for error in response.json()["errors"]] == ["message"]
    assert snapshot() == before
    record_stat("bad-input cases", 1)
