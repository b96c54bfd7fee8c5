"""schemathesis hooks of `make contract-fuzz` (SCHEMATHESIS_HOOKS): half the generated ids
in paths, queries and bodies become ids of seeded objects (CONTRACT_POOLS, JSON), and an
`If-Match` is often `*`, so requests get past the 404s and 412s to the code behind them.

A valid request (a positive case) also obeys the rules no schema can state, which
`honest()` applies to it and the README ("The contract") lists: a reference to
configuration names configuration that exists (seeded), and rules across fields hold.
Negative cases are never touched: they must be refused as generated."""

import json
import os
import zoneinfo

import schemathesis
from hypothesis import strategies as st
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.modes import GenerationMode

POOLS: dict[str, list[str]] = json.loads(os.environ.get("CONTRACT_POOLS", "{}"))
PATH_POOLS = {
    "/ux/sd/inci/incident/attachment/": "attachment",
    "/ux/sd/inci/incident/": "incident",
    "/ux/sd/inci/conversation/": "conversation",
    "/ux/sd/inci/webhook/": "webhook",
    "/ux/sd/inci/delivery/": "delivery",
}
FIELD_POOLS = {
    "incident_id": "incident",
    "incident_ids": "incident",
    "conversation_id": "conversation",
    "attachment_ids": "attachment",
    "delivery_ids": "delivery",
}


def _id_shaped(value) -> bool:
    """A value a seeded id may stand in for: a short string or a non-empty list of them.
    Anything else is the fault a negative case is about, and is kept."""
    if isinstance(value, list):
        return 0 < len(value) <= 3 and all(_id_shaped(item) for item in value)
    return (
        isinstance(value, str)
        and 0 < len(value) <= 64
        and value.isprintable()
        and value.strip() == value
    )


def _swap(values):
    if not isinstance(values, dict):
        return st.just(values)
    swaps = []
    for name, kind in FIELD_POOLS.items():
        pool = POOLS.get(kind)
        if name in values and pool and _id_shaped(values[name]):
            ids = (
                st.lists(st.sampled_from(pool), min_size=1, max_size=3)
                if isinstance(values[name], list)
                else st.sampled_from(pool)
            )
            swaps.append(ids.map(lambda value, name=name: {**values, name: value}))
    return st.one_of(st.just(values), *swaps) if swaps else st.just(values)


@schemathesis.hook
def flatmap_path_parameters(context, path_parameters):
    path = context.operation.path
    kind = next((k for prefix, k in PATH_POOLS.items() if path.startswith(prefix)), None)
    pool = POOLS.get(kind or "", [])
    if not path_parameters or not pool:
        return st.just(path_parameters)
    name = next(iter(path_parameters))
    seeded = st.sampled_from(pool).map(lambda value: {**path_parameters, name: value})
    return st.one_of(st.just(path_parameters), seeded)


@schemathesis.hook
def flatmap_headers(context, headers):
    if not isinstance(headers, dict) or "If-Match" not in headers:
        return st.just(headers)
    return st.one_of(st.just(headers), st.just({**headers, "If-Match": "*"}))


@schemathesis.hook
def flatmap_query(context, query):
    return _swap(query)


@schemathesis.hook
def flatmap_body(context, body):
    if context.operation.path.endswith("/add-attachment/"):
        # Multipart cases are drawn in both modes alike: a swap here could make a negative
        # one valid (before_call swaps ids into positive ones).
        return st.just(body)
    return _swap(body)


_calls = {"n": 0}

# --- what a valid request also obeys -------------------------------------------------------

# Fields anywhere in a body that refer to configuration by id: the seeded kind they name.
REFERENCES = {
    "group_ids": "group",
    "support_group_ids": "group",
    "member_ids": "agent",
    "service_ids": "service",
    "default_group_id": "group",
    "calendar_id": "calendar",
    "template_id": "template",
}
# Template fields (and the create body's flat names) naming configuration by id or name.
NAMED_REFERENCES = {
    "support_group": "group",
    "assignee": "agent",
    "impact_service": "service",
}
TIME_ZONES = frozenset(zoneinfo.available_timezones())
SELECT_TYPES = ("select", "multiselect")


def _refer(value, kind: str):
    pool = POOLS.get(kind) or []
    if value is None or not pool:
        return value
    if isinstance(value, list):
        return pool[: min(len(value), len(pool))]
    return pool[_calls["n"] % len(pool)]


def _references(body):
    """Every reference to configuration names seeded configuration (the schema can say
    "an id", not "an id that exists in your organization")."""
    if isinstance(body, list):
        return [_references(item) for item in body]
    if not isinstance(body, dict):
        return body
    out = {}
    for key, value in body.items():
        if key in REFERENCES:
            out[key] = _refer(value, REFERENCES[key])
        elif key in NAMED_REFERENCES and isinstance(value, str) and value:
            out[key] = _refer(value, NAMED_REFERENCES[key])
        else:
            out[key] = _references(value)
    return out


def _minutes(hhmm: str) -> int:
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def _hours(hours: dict) -> dict:
    """Business hours: each interval starts before it ends, none overlaps another."""
    out = {}
    for day, intervals in hours.items():
        kept: list[list[str]] = []
        pairs = (sorted(pair, key=_minutes) for pair in intervals if len(pair) == 2)
        for start, end in sorted(pairs, key=lambda pair: _minutes(pair[0])):
            if _minutes(start) < _minutes(end) and (
                not kept or _minutes(kept[-1][1]) <= _minutes(start)
            ):
                kept.append([start, end])
        out[day] = kept
    return out


def _storable(value):
    if isinstance(value, dict):
        return {
            key: _storable(item)
            for key, item in value.items()
            if key
            and key.strip()
            and not key.startswith(("$", "_"))
            and "." not in key
            and "\x00" not in key
        }
    if isinstance(value, list):
        return [_storable(item) for item in value if not isinstance(item, list)]
    return value


IMPACTS, URGENCIES = range(1, 5), range(1, 4)


def _whole_matrix(cells: list) -> list:
    """Every impact x urgency pair once (the priorities given first, then Medium)."""
    given = {}
    for cell in cells:
        if isinstance(cell, dict):
            given.setdefault(
                (cell.get("impact_id"), cell.get("urgency_id")), cell.get("priority_id")
            )
    return [
        {"impact_id": i, "urgency_id": u, "priority_id": given.get((i, u), 3)}
        for i in IMPACTS
        for u in URGENCIES
    ]


def honest(path: str, method: str, body: dict) -> dict:
    """A valid body of this operation, as the rules across fields want it."""
    body = _references(body)
    if path.startswith("/ux/sd/org/templates/") and isinstance(body.get("fields"), dict):
        fields = dict(body["fields"])
        # Values of custom fields the organization defines; a classification of the service
        # given; a type by its name: the seeded organization defines none of the first two.
        fields.pop("custom_field_data", None)
        fields.pop("service_classification", None)
        if fields.get("incident_type"):
            fields["incident_type"] = "Incident"
        body["fields"] = fields
    if path.startswith("/ux/sd/org/calendars/"):
        if "time_zone" in body and body["time_zone"] not in TIME_ZONES:
            body["time_zone"] = "Europe/Berlin"  # an IANA name (tzdata's list: no enum)
        if isinstance(body.get("hours"), dict):
            body["hours"] = _hours(body["hours"])
    if path.startswith("/ux/sd/org/custom-fields/") and "options" in body:
        # Options only on select fields, at least one there, unique case-insensitively.
        unique = list({option.casefold(): option for option in body["options"]}.values())
        if body.get("type") in SELECT_TYPES:
            body["options"] = unique or ["Yes"]
        elif "type" in body:
            body["options"] = []
        else:  # the stored type decides, and a PATCH may not know it
            body.pop("options")
    if (
        path.startswith("/ux/sd/org/custom-fields/")
        and body.get("type") in SELECT_TYPES
        and not body.get("options")
    ):
        body["options"] = ["Yes"]
    if path.startswith("/ux/sd/org/services/") and isinstance(body.get("classifications"), list):
        # Names and ids of classifications are unique in the service.
        names, ids, kept = set(), set(), []
        for entry in body["classifications"]:
            if not isinstance(entry, dict):
                continue
            name = str(entry.get("name", "")).strip().casefold()
            if name in names or entry.get("id") in ids:
                continue
            names.add(name)
            if entry.get("id") is not None:
                ids.add(entry["id"])
            kept.append(entry)
        body["classifications"] = kept
    if path.startswith("/ux/sd/org/sla-policies/") and isinstance(body.get("targets"), dict):
        targets = body["targets"]
        if targets.get("response_minutes") is None and targets.get("resolution_minutes") is None:
            body["targets"] = {**targets, "resolution_minutes": 240}  # at least one target
    if path.startswith("/ux/sd/inci/conversation/"):
        if body.get("kind", "note") == "note":
            if "direction" in body:
                body["direction"] = "outbound"  # a note is written by the desk
            for name in ("to", "cc", "bcc"):  # a note is private: no recipients
                if body.get(name):
                    body[name] = []
        if body.get("attachment_ids"):
            body["attachment_ids"] = []  # files uploaded to the incident first: none here
    if path == "/ux/sd/inci/incident/":
        # Free-form JSON: keys a MongoDB document can hold, no array directly in an array
        # (OpenAPI 3.0 has no propertyNames); custom fields only as the organization
        # defines them (the seeded one defines none).
        body = _storable(body)
        if body.get("custom_field_data"):
            body["custom_field_data"] = {}
    if path == "/ux/sd/org/priority-matrix/" and isinstance(body.get("cells"), list):
        body["cells"] = _whole_matrix(body["cells"])
    if path == "/ux/sd/inci/incident/" and isinstance(body.get("incident_type"), dict):
        # id, name and prefix of one type (they must agree): the first type's.
        incident_type = {"id": 1, "name": "Incident", "prefix": "inci"}
        body["incident_type"] = {
            key: incident_type[key] for key in body["incident_type"] if key in incident_type
        }
    if path == "/ux/sd/inci/incident/inci_resolve/":
        # A resolution type by name or by id (one of the two; the same one when both).
        if body.get("resolution_type") and body.get("resolution_type_id") is not None:
            body.pop("resolution_type_id")
        elif not body.get("resolution_type") and body.get("resolution_type_id") is None:
            body["resolution_type"] = "Fixed"
    return body


SEEDED_CONFIGURATION = ("group", "agent", "service", "calendar", "template")


def _spare_seeded_configuration(case) -> None:
    """The seeded configuration stays what references need: never deleted, never
    deactivated (a request that would is sent to an id that does not exist, or active)."""
    if not case.path_parameters or not case.operation.path.startswith("/ux/sd/org/"):
        return
    seeded = {i for kind in SEEDED_CONFIGURATION for i in POOLS.get(kind, [])}
    name = next(iter(case.path_parameters))
    if case.path_parameters[name] not in seeded:
        return
    if case.method.upper() == "DELETE":
        case.path_parameters = {**case.path_parameters, name: "0" * 24}
    elif isinstance(case.body, dict) and "active" in case.body:
        case.body = {**case.body, "active": True}


def honest_query(path: str, query: dict) -> dict:
    if path == "/ux/sd/inci/incident/":
        # A cursor is valid only as a `Link` header handed it out, and excludes `page`.
        query.pop("cursor", None)
    return query


def _positive(case, location) -> bool:
    component = case.meta.components.get(location) if case.meta else None
    return component is None or component.mode == GenerationMode.POSITIVE


@schemathesis.hook
def before_call(context, case, **kwargs):
    """Each request gets an `Idempotency-Key` of its own (a key the generator reuses for
    another request is a 422 by design) and a valid `If-Match` is `*` (a generated one
    never matches: 412); coverage and example cases get seeded ids in 3 of 4 requests."""
    _calls["n"] += 1
    path = case.operation.path
    _spare_seeded_configuration(case)
    if isinstance(case.body, dict) and _positive(case, ParameterLocation.BODY):
        case.body = honest(path, case.method.lower(), dict(case.body))
        if path == "/ux/sd/org/picklists/{name}/" and "name" in case.body:
            case.body["name"] = (case.path_parameters or {}).get("name", case.body["name"])
    if isinstance(case.query, dict) and _positive(case, ParameterLocation.QUERY):
        case.query = honest_query(path, dict(case.query))
    # A negative header case with no header left to be wrong (schemathesis' "only required
    # properties" of optional headers) gets an Idempotency-Key past its maxLength.
    given = (case.headers or {}).get("Idempotency-Key")
    if (
        case.method.upper() == "POST"
        and not _positive(case, ParameterLocation.HEADER)
        and not (isinstance(given, str) and given.strip())
    ):
        case.headers = {**(case.headers or {}), "Idempotency-Key": "k" * 256}  # > maxLength
    headers = case.headers
    if headers and _positive(case, ParameterLocation.HEADER):
        key = headers.get("Idempotency-Key")
        if isinstance(key, str) and key.strip():
            headers["Idempotency-Key"] = f"{key.strip()[:200]}.{_calls['n']}"
        if "If-Match" in headers:
            headers["If-Match"] = "*"
    phase = case.meta.phase.name.value if case.meta else ""
    if phase == "fuzzing" or _calls["n"] % 4 == 0:
        return
    kind = next((k for prefix, k in PATH_POOLS.items() if path.startswith(prefix)), None)
    pool = POOLS.get(kind or "", [])
    if case.path_parameters and pool and _positive(case, ParameterLocation.PATH):
        name = next(iter(case.path_parameters))
        case.path_parameters = {**case.path_parameters, name: pool[_calls["n"] % len(pool)]}
    for location, attribute in (
        (ParameterLocation.QUERY, "query"),
        (ParameterLocation.BODY, "body"),
    ):
        values = getattr(case, attribute)
        if not isinstance(values, dict) or not _positive(case, location):
            continue
        changed = dict(values)
        for name, kind in FIELD_POOLS.items():
            ids = POOLS.get(kind)
            if name in changed and ids and _id_shaped(changed[name]):
                chosen = ids[_calls["n"] % len(ids)]
                changed[name] = [chosen] if isinstance(changed[name], list) else chosen
        setattr(case, attribute, changed)


@schemathesis.serializer("message/rfc822")
def raw_message(ctx, value) -> bytes:
    """mail/inbound/ takes a raw message: generated bytes or text become the body of a
    well-formed one (the schema can say "binary", not "RFC 822"), so valid cases are
    valid mail; anything else is sent as it is and must be refused."""
    if isinstance(value, str):
        value = value.encode("utf-8", "surrogatepass")
    if not isinstance(value, bytes):
        return json.dumps(value).encode()
    _calls["n"] += 1
    head = (
        "From: Fuzz <fuzz@example.org>\r\nTo: help@example.com\r\nSubject: fuzz\r\n"
        f"Message-ID: <fuzz-{_calls['n']}@example.org>\r\n"
        "Content-Type: application/octet-stream\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    )
    return head.encode() + value
