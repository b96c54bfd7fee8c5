"""schemathesis hooks of `make contract-fuzz` (SCHEMATHESIS_HOOKS): half the generated ids
in paths, queries and bodies become ids of seeded objects (CONTRACT_POOLS, JSON), and an
`If-Match` is often `*`, so requests get past the 404s and 412s to the code behind them."""

import json
import os

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
    return isinstance(value, str) and 0 < len(value) <= 64


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
    return _swap(body)


_calls = {"n": 0}


def _positive(case, location) -> bool:
    component = case.meta.components.get(location) if case.meta else None
    return component is None or component.mode == GenerationMode.POSITIVE


@schemathesis.hook
def before_call(context, case, **kwargs):
    """Each request gets an `Idempotency-Key` of its own (a key the generator reuses for
    another request is a 422 by design) and a valid `If-Match` is `*` (a generated one
    never matches: 412); coverage and example cases get seeded ids in 3 of 4 requests."""
    _calls["n"] += 1
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
    path = case.operation.path
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
