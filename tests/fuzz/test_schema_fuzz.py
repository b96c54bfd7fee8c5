"""Schema fuzzing: every operation of our OpenAPI schema, in-process, with schemathesis.

Each operation runs schemathesis' explicit examples, its coverage cases (boundary and
invalid values of every parameter, derived from the schema) and SERVICEDESK_FUZZ_EXAMPLES
generated cases (default 15; `make fuzz` runs 200), derandomized so that a run is
repeatable, against a freshly seeded organization (tests/fuzz/conftest.py) and with its
admin key (which may call every route).

Many ids in paths, queries and bodies are swapped for ids of seeded objects (of this
organization, and one of another), and many `If-Match` values for `*`, so requests get
past the 404s and 412s into the code behind them: in generated cases by schema hooks (so
Hypothesis shrinks them too), in coverage and example cases by a choice derived from the
case itself. Most cases get an `Idempotency-Key` of their own (see below).

Checks: no 5xx, every status code and content type documented, and every response
(status, headers, body) conforming to the schema.
"""

import os
import zlib

import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.modes import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.fuzz.conftest import Seed, record_stat

EXAMPLES = int(os.environ.get("SERVICEDESK_FUZZ_EXAMPLES", "15"))
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
# A plain Django handler: `servicedesk.wsgi` would also start the job runner.
APP = WSGIHandler()
schema = schemathesis.openapi.from_wsgi("/api/schema/?format=json", APP)

# Which seeded ids fit a path parameter, by the path's resource (first match wins).
PATH_POOLS = {
    "/ux/sd/inci/incident/attachment/": "attachment",
    "/ux/sd/inci/incident/": "incident",
    "/ux/sd/inci/conversation/": "conversation",
    "/ux/sd/inci/webhook/": "webhook",
    "/ux/sd/inci/delivery/": "delivery",
    "/ux/sd/org/agents/": "agent",
    "/ux/sd/org/groups/": "group",
    "/ux/sd/org/services/": "service",
    "/ux/sd/org/custom-fields/": "custom_field",
    "/ux/sd/org/templates/": "template",
    "/ux/sd/org/calendars/": "calendar",
    "/ux/sd/org/sla-policies/": "sla_policy",
}
# Which seeded ids fit a query parameter or a body field, by its name.
FIELD_POOLS = {
    "incident_id": "incident",
    "incident_ids": "incident",
    "conversation_id": "conversation",
    "attachment_ids": "attachment",
    "delivery_ids": "delivery",
    "group_ids": "group",
    "member_ids": "agent",
    "default_group_id": "group",
    "calendar_id": "calendar",
    "support_group_ids": "group",
    "service_ids": "service",
}
IDEMPOTENCY_KEY = "Idempotency-Key"
IF_MATCH = "If-Match"
# The pools of the running test (filled from its `seeded` fixture); read when a case is drawn.
POOLS: dict[str, list[str]] = {}
FUZZED: set[str] = set()


def _path_pool(path: str) -> list[str]:
    for prefix, kind in PATH_POOLS.items():
        if path.startswith(prefix):
            return POOLS.get(kind, [])
    return []


# --- Generated cases: hooks, so Hypothesis draws (and shrinks) the choice ----------------


def _swap_fields(values):
    """`values`, or (half the time) a copy with one known field set to seeded ids."""
    if not isinstance(values, dict):
        return st.just(values)
    swaps = []
    for name, kind in FIELD_POOLS.items():
        pool = POOLS.get(kind)
        if name not in values or not pool:
            continue
        if isinstance(values[name], list):
            ids = st.lists(st.sampled_from(pool), min_size=1, max_size=3)
        else:
            ids = st.sampled_from(pool)
        swaps.append(ids.map(lambda value, name=name: {**values, name: value}))
    if not swaps:
        return st.just(values)
    return st.one_of(st.just(values), st.one_of(swaps))


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    pool = _path_pool(context.operation.path)
    if not path_parameters or not pool:
        return st.just(path_parameters)
    name = next(iter(path_parameters))
    seeded = st.sampled_from(pool).map(lambda value: {**path_parameters, name: value})
    return st.one_of(st.just(path_parameters), seeded)


@schema.hook
def flatmap_headers(context, headers):
    """A generated `If-Match` never matches (412 before anything else): often send `*`."""
    if not isinstance(headers, dict) or IF_MATCH not in headers:
        return st.just(headers)
    return st.one_of(st.just(headers), st.just({**headers, IF_MATCH: "*"}))


@schema.hook
def flatmap_query(context, query):
    return _swap_fields(query)


@schema.hook
def flatmap_body(context, body):
    return _swap_fields(body)


# --- Coverage and example cases: a choice derived from the case ----------------------------


def _digest(case) -> int:
    return zlib.crc32(
        repr(
            (case.method, case.path, case.path_parameters, case.query, case.headers, case.body)
        ).encode()
    )


def _positive(case, location: ParameterLocation) -> bool:
    component = case.meta.components.get(location) if case.meta else None
    return component is None or component.mode == GenerationMode.POSITIVE


def _adopt_seeded_ids(case, digest: int) -> None:
    """In 3 of 4 coverage/example cases the ids of the valid parts become seeded ones
    (and a valid `If-Match` becomes `*`): the rest would mostly answer 404 or 412."""
    if digest % 4 == 0:
        return
    pick = digest // 4
    headers = case.headers or {}
    if IF_MATCH in headers and _positive(case, ParameterLocation.HEADER):
        case.headers = {**headers, IF_MATCH: "*"}
    pool = _path_pool(case.path)
    if case.path_parameters and pool and _positive(case, ParameterLocation.PATH):
        name = next(iter(case.path_parameters))
        case.path_parameters = {**case.path_parameters, name: pool[pick % len(pool)]}
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
            if name in changed and ids:
                chosen = ids[pick % len(ids)]
                changed[name] = [chosen] if isinstance(changed[name], list) else chosen
        if changed != values:
            setattr(case, attribute, changed)


def _distinct_idempotency_key(case, digest: int) -> None:
    """Most cases get a key of their own: otherwise the few short keys the generator
    favours would make nearly every POST a 422 (key reused for another request).
    A quarter keep the generated key, so reuse is exercised too."""
    headers = case.headers or {}
    key = headers.get(IDEMPOTENCY_KEY)
    if not isinstance(key, str) or not key.strip() or digest % 4 == 0:
        return
    if not _positive(case, ParameterLocation.HEADER):
        return
    case.headers = {**headers, IDEMPOTENCY_KEY: f"{key[:200]}.{digest:08x}"}


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
def test_operation(case, seeded: Seed):
    POOLS.clear()
    POOLS.update(seeded.pools)
    digest = _digest(case)
    if case.meta is None or case.meta.phase.name.value != "fuzzing":
        _adopt_seeded_ids(case, digest)
    _distinct_idempotency_key(case, digest)
    case.call_and_validate(headers={"Authorization": seeded.admin_key}, checks=CHECKS)
    record_stat("schema-fuzz requests", 1)
    if case.operation.label not in FUZZED:
        FUZZED.add(case.operation.label)
        record_stat("schema-fuzz operations", 1)
