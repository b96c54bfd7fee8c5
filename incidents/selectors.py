"""Incident reads: scoped lookups and the filtered, sorted list."""

import math
import re
from dataclasses import asdict
from datetime import UTC, datetime

from bson import ObjectId
from mongoengine.queryset.visitor import Q

from catalogue.public import catalogue_of
from directory.public import directory_of
from incidents import choices
from incidents.documents import Incident, RequesterEntry, as_ref
from servicedesk.errors import NotFound, invalid
from servicedesk.tenancy.principal import Principal

DISPLAY_ID_RE = re.compile(r"^[A-Za-z]{1,16}-[0-9]{1,12}$")

# sort_key -> stored field
SORT_FIELDS = {
    "creation_time": "creation_time",
    "last_update_time": "last_update_time",
    "display_id": "display_number",
    "priority_id": "basic_info.priority_id",
    "urgency_id": "basic_info.urgency_id",
    "status_id": "basic_info.status_id",
    "state_id": "basic_info.state_id",
    "summary": "basic_info.summary",
    # Incidents without SLA clocks (or with a paused one) have none: first when ascending.
    "sla_resolution_due": "sla.resolution.due_at",
}
# Sort fields every stored incident has a value for (a cursor bounds them by range).
NEVER_NULL_SORT_FIELDS = frozenset(SORT_FIELDS.values()) - {"sla.resolution.due_at"}

# filter name -> stored field, for equality filters
EQUALITY_FILTERS = {
    "state_id": "basic_info__state_id",
    "status_id": "basic_info__status_id",
    "priority_id": "basic_info__priority_id",
    "urgency_id": "basic_info__urgency_id",
    "impact_id": "basic_info__impact_id",
    "assignee_id": "current_assignment_info__assignee__id",
    "support_group_id": "current_assignment_info__support_group__id",
    "tag": "tag",
    "is_archive": "is_archive",
}

# filter name -> stored field, for whole-value matches that ignore case. Addresses are
# stored lower-cased, but text without "@" (a redacted placeholder, a handle) is kept as
# written, and documents stored before lower-casing keep their case.
IEXACT_FILTERS = {
    "requester_email": "requester__email",
}


def incidents_for(*, principal: Principal, deleted: bool = False):
    """The organization's incidents; the trash only when asked."""
    return Incident.objects(organization_id=principal.organization_id, is_deleted=deleted)


def trashed_incident_ids(*, principal: Principal) -> list:
    """Ids of the organization's incidents in the trash (their dependents are hidden too)."""
    return list(incidents_for(principal=principal, deleted=True).scalar("id"))


def incident_lookup(value: str) -> dict:
    """`{id}` of a path is the incident id (24 hex) or the display id (`INCI-42`)."""
    if not isinstance(value, str):
        raise NotFound
    if len(value) == 24 and ObjectId.is_valid(value):
        return {"id": ObjectId(value)}
    if DISPLAY_ID_RE.match(value):
        return {"display_id": value.upper()}
    raise NotFound


def incident_get(*, principal: Principal, value: str, deleted: bool = False) -> Incident:
    incident = incidents_for(principal=principal, deleted=deleted).filter(**incident_lookup(value))
    found = incident.exclude("history").first()
    if found is None:
        raise NotFound
    return found


def text_match(fields: tuple[str, ...], pattern: str) -> Q:
    """Case-insensitive `$regex` on any of `fields` (stored paths such as `requester.email`).

    Written as `$regex`/`$options` rather than a compiled Python pattern, so that no
    implicit flag of Python's (unicode) reaches the server.
    """
    return Q(__raw__={"$or": [{field: {"$regex": pattern, "$options": "i"}} for field in fields]})


def incident_list(*, principal: Principal, filters: dict):
    """The filtered, sorted queryset for `GET incident/` (paginated by the caller)."""
    queryset = incidents_for(principal=principal, deleted=filters.get("deleted", False))
    for name, field in EQUALITY_FILTERS.items():
        if name in filters:
            value = filters[name]
            queryset = queryset.filter(
                **{f"{field}__in" if isinstance(value, list) else field: value}
            )
    for name in ("assignee", "support_group"):
        if name in filters:  # by name: references, and free text stored before them
            path = f"current_assignment_info.{name}"
            value = filters[name]
            queryset = queryset.filter(Q(__raw__={"$or": [{path: value}, {f"{path}.name": value}]}))
    if "unassigned" in filters:
        blank = {"$in": [None, ""]}
        path = "current_assignment_info.assignee"
        queryset = queryset.filter(
            Q(__raw__={path: blank if filters["unassigned"] else {"$nin": [None, ""]}})
        )
    if filters.get("custom"):
        queryset = queryset.filter(
            Q(__raw__=custom_field_query(principal=principal, wanted=filters["custom"]))
        )
    for name, field in IEXACT_FILTERS.items():
        if name in filters:
            path = field.replace("__", ".")
            queryset = queryset.filter(text_match((path,), f"^{re.escape(filters[name])}$"))
    for name, field, op in (
        ("created_after", "creation_time", "gte"),
        ("created_before", "creation_time", "lt"),
        ("updated_after", "last_update_time", "gte"),
        ("updated_before", "last_update_time", "lt"),
    ):
        if name in filters:
            queryset = queryset.filter(**{f"{field}__{op}": filters[name]})
    if "sla_breached" in filters:  # incidents with SLA clocks, one of them missed (or none)
        queryset = queryset.filter(Q(__raw__={"sla.breached": filters["sla_breached"]}))
    if "sla_due_before" in filters:  # a running clock falls due before this time
        queryset = queryset.filter(Q(__raw__={"sla.due_at": {"$lt": filters["sla_due_before"]}}))
    if "parent" in filters:
        queryset = queryset.filter(
            Q(__raw__=children_query(principal=principal, parent_ref=filters["parent"]))
        )
    if "has_children" in filters:
        with_children = {"reference.type": choices.REFERENCE_CHILD}
        queryset = queryset.filter(
            Q(__raw__=with_children if filters["has_children"] else {"$nor": [with_children]})
        )
    if filters.get("q"):
        queryset = queryset.filter(
            text_match(
                ("basic_info.summary", "basic_info.description", "display_id"),
                re.escape(filters["q"]),
            )
        )
    queryset = queryset.exclude("history").order_by(
        *ordering(filters.get("sort_key"), filters.get("sort_order"))
    )
    index = index_for_order(queryset._query, queryset._ordering)
    return queryset if index is None else queryset.hint(index)


def index_for_order(query: dict, order: list[tuple[str, int]]) -> str | None:
    """The index that reads a page of `query` in `order`: its fields are the query's
    equality fields (in any order), then the sort's, in its directions or all reversed.
    None when the query has a condition other than equality (a range, `$in`, `$or`) or no
    index fits: the server plans those itself.

    DocumentDB needs the hint: every list index starts with (organization_id,
    is_deleted), its planner costs them alike for the filter and keeps the first, then
    sorts the whole organization (a first page of 1M incidents in seconds instead of
    milliseconds; benchmarks/RESULTS.md, "Scale on DocumentDB"). MongoDB would choose
    the same index itself."""
    if any(name.startswith("$") or isinstance(value, dict) for name, value in query.items()):
        return None
    equal = set(query)
    for spec in Incident._meta["index_specs"]:
        fields = spec["fields"]
        head, rest = fields[: len(equal)], fields[len(equal) :]
        if {name for name, _ in head} != equal or len(rest) != len(order):
            continue
        if [name for name, _ in rest] != [name for name, _ in order]:
            continue
        if len({a * b for (_, a), (_, b) in zip(rest, order, strict=True)}) == 1:
            return spec["name"]
    return None


MAX_SORT_KEYS = 4
TIE_BREAKER = "display_number"
# Sorts of several keys that are index-backed (the default views of a queue: the most
# urgent first, newest first, and its reverse; by status likewise). Every single key of
# SORT_FIELDS is index-backed in both directions (tests/incidents/test_indexes.py).
INDEXED_SORTS = (
    "priority_id,-creation_time",
    "-priority_id,creation_time",
    "status_id,-creation_time",
    "-status_id,creation_time",
)


def sort_keys(value: str | None) -> list[tuple[str, str]]:
    """`sort_key` as [(key, sign)]: comma-separated keys of SORT_FIELDS, each `-` for
    descending or unsigned. A key given again is dropped (it cannot change the order).
    Raises InvalidInput naming `sort_key`."""
    if value is None:
        return [("creation_time", "")]
    parts = value.split(",")
    if len(parts) > MAX_SORT_KEYS:
        raise invalid("sort_key", f"At most {MAX_SORT_KEYS} sort keys.")
    keys: list[tuple[str, str]] = []
    for part in parts:
        sign, name = ("-", part[1:]) if part.startswith("-") else ("", part)
        if name not in SORT_FIELDS:
            known = ", ".join(sorted(SORT_FIELDS))
            raise invalid(
                "sort_key", f"Unknown sort key {part!r}; known: {known} (`-` for descending)."
            )
        if name not in (key for key, _ in keys):
            keys.append((name, sign))
    return keys


def ordering(sort_key: str | None, sort_order: str | None) -> list[str]:
    """The order_by of `sort_key` and `sort_order`, ending with the unique tie-breaker
    (display_number, in the direction of the last key) so pages are stable.

    `-key` is descending; an unsigned key goes in `sort_order`, which defaults to `desc`
    for a single key (`sort_key=priority_id`, or none: newest first) and to `asc` for
    several (`sort_key=-priority_id,creation_time`)."""
    keys = sort_keys(sort_key)
    unsigned = sort_order or ("desc" if len(keys) == 1 else "asc")
    order = []
    for name, sign in keys:
        descending = sign == "-" or (not sign and unsigned == "desc")
        order.append(f"{'-' if descending else '+'}{SORT_FIELDS[name]}")
    if TIE_BREAKER not in (SORT_FIELDS[name] for name, _ in keys):
        order.append(f"{order[-1][0]}{TIE_BREAKER}")
    return order


def children_query(*, principal: Principal, parent_ref: str) -> dict:
    """The raw filter of the children of the incident `parent_ref` names (none if it is not
    one of the organization's)."""
    parent = incidents_by_refs(principal=principal, refs=[parent_ref], deleted=None).get(parent_ref)
    if parent is None:
        return {"_id": {"$in": []}}
    return {"parent_incident_id": parent.id}


def incidents_by_refs(*, principal: Principal, refs: list[str], deleted: bool | None = False):
    """{ref: Incident} for ids and display ids in one query; unknown refs are absent.

    `deleted=None` looks in the trash and outside it (permanent deletes).
    """
    ids, display_ids = [], []
    for ref in refs:
        try:
            lookup = incident_lookup(ref)
        except NotFound:
            continue
        (ids if "id" in lookup else display_ids).append(lookup.get("id") or lookup["display_id"])
    if not ids and not display_ids:
        return {}
    queryset = Incident.objects(organization_id=principal.organization_id)
    if deleted is not None:
        queryset = queryset.filter(is_deleted=deleted)
    found = queryset.filter(Q(id__in=ids) | Q(display_id__in=display_ids)).exclude("history")
    by_ref = {}
    for incident in found:
        by_ref[str(incident.id)] = incident
        by_ref[incident.display_id] = incident
    return {ref: by_ref[key] for ref in refs if (key := _ref_key(ref)) in by_ref}


def incident_id_for(*, principal: Principal, ref: str):
    """The id of the caller's incident named by `ref`, in the trash or not; None if none."""
    found = incidents_by_refs(principal=principal, refs=[ref], deleted=None).get(ref)
    return found.id if found is not None else None


def _ref_key(ref: str) -> str:
    return ref.lower() if len(ref) == 24 and ObjectId.is_valid(ref) else ref.upper()


def incident_history(*, principal: Principal, incident: Incident) -> list:
    """The incident's history, newest first."""
    raw = Incident._get_collection().find_one(
        {"_id": incident.id, "organization_id": principal.organization_id},
        projection={"history": 1},
    )
    entries = (raw or {}).get("history", [])
    return list(reversed(entries))


def requester_search(*, principal: Principal, q: str, limit: int) -> list:
    """Requesters whose name, email or phone contains `q`, best matches first.

    Exact matches (of a whole name, email or phone, ignoring case) come first, then
    prefix matches, then the rest; within each, the most incidents first, then the
    most recently seen. Each tier is its own bounded query, so a better match is never
    crowded out by many weaker ones. `q` is literal text.
    """
    directory = RequesterEntry.objects(organization_id=principal.organization_id)
    literal = re.escape(q)
    found: list = []
    for pattern in (f"^{literal}$", f"^{literal}", literal):
        if len(found) >= limit:
            break
        tier = directory.filter(text_match(("name", "email", "phone"), pattern))
        if found:
            tier = tier.filter(id__nin=[entry.id for entry in found])
        found += list(tier.order_by("-incident_count", "-last_seen")[: limit - len(found)])
    return found


def values_in_use(*, principal: Principal, field: str) -> list[str]:
    """Distinct non-empty values of a field over the organization's live incidents."""
    values = incidents_for(principal=principal).distinct(field)
    return sorted(value for value in values if value)


def open_counts(*, principal: Principal, agent_ids: list[str]) -> dict[str, int]:
    """{agent id: how many open incidents are assigned to them} (least-open assignment)."""
    rows = Incident._get_collection().aggregate(
        [
            {
                "$match": {
                    "organization_id": principal.organization_id,
                    "is_deleted": False,
                    "basic_info.state_id": choices.STATE_OPEN,
                    "current_assignment_info.assignee.id": {"$in": agent_ids},
                }
            },
            {"$group": {"_id": "$current_assignment_info.assignee.id", "open": {"$sum": 1}}},
        ]
    )
    return {row["_id"]: row["open"] for row in rows}


def custom_field_query(*, principal: Principal, wanted: dict[str, str]) -> dict:
    """The stored-value match of `cf.<key>=<text>` filters, typed by each field's definition
    (numbers, true/false, dates; a multiselect matches when it holds the value)."""
    catalogue = catalogue_of(organization_id=principal.organization_id)
    query = {}
    for key, text in wanted.items():
        definition = catalogue.field(key)
        if definition is None:
            raise invalid(f"cf.{key}", "No such custom field.", code="unknown_field")
        query[f"custom_field_data.{key}"] = _typed(definition.type, text, f"cf.{key}")
    return query


def _typed(kind: str, text: str, field: str):
    if kind == "number":
        try:
            number = float(text)
        except ValueError:
            raise invalid(field, "Expected a number.") from None
        if not math.isfinite(number):
            raise invalid(field, "Expected a number.")
        exact = number.is_integer() and abs(number) < 2**53
        return {"$in": [number, int(number)]} if exact else number
    if kind == "checkbox":
        if text not in ("true", "false"):
            raise invalid(field, "Expected true or false.")
        return text == "true"
    return text


def form_options(*, principal: Principal) -> dict:
    """Everything an incident form offers: the workflow's tables, and the organization's
    own picklists, matrix, groups, agents, services, custom fields and templates.

    Groups named on incidents before the organization configured its directory are
    listed too, as name-only references (`id` null).
    """
    org = principal.organization_id
    directory = directory_of(organization_id=org)
    catalogue = catalogue_of(organization_id=org)
    options = choices.as_options()
    for name in choices.PICKLIST_TABLES:
        options[name] = [asdict(entry) for entry in catalogue.picklist(name)]
    options["priority_matrix"] = [
        {"impact_id": impact_id, "urgency_id": urgency_id, "priority_id": priority_id}
        for (impact_id, urgency_id), priority_id in sorted(catalogue.matrix.items())
    ]
    groups = [
        {"id": g.id, "name": g.name, "active": g.active, "auto_assign": g.auto_assign}
        for g in directory.groups.values()
    ]
    configured = {g["name"] for g in groups}
    in_use = incidents_for(principal=principal).distinct("current_assignment_info.support_group")
    named = {ref["name"] for ref in map(as_ref, in_use) if ref and ref["id"] is None}
    legacy = sorted(named - configured)
    options["support_groups"] = [
        *sorted(groups, key=lambda g: g["name"].casefold()),
        *({"id": None, "name": name, "active": True, "auto_assign": "none"} for name in legacy),
    ]
    options["agents"] = [
        {
            "id": a.id,
            "name": a.name,
            "email": a.email,
            "active": a.active,
            "group_ids": sorted(a.group_ids),
        }
        for a in directory.agents.values()
    ]
    options["services"] = [
        {
            "id": svc.id,
            "name": svc.name,
            "active": svc.active,
            "default_group_id": svc.default_group_id,
            "classifications": [{"id": c.id, "name": c.name} for c in svc.classifications],
        }
        for svc in catalogue.services.values()
    ]
    options["custom_fields"] = [
        {**asdict(f), "options": list(f.options), "incident_type_ids": list(f.incident_type_ids)}
        for f in catalogue.fields
    ]
    options["templates"] = [
        {"id": t.id, "name": t.name, "active": t.active, "fields": dict(t.fields)}
        for t in catalogue.templates.values()
    ]
    options["tags"] = values_in_use(principal=principal, field="tag")
    return options


# What an incident stores of each kind of configuration, for `refers_to`.
_REFERENCE_PATHS = {
    "agent": "current_assignment_info.assignee.id",
    "group": "current_assignment_info.support_group.id",
    "service": "basic_info.impact_service",
    "template": "template_info.id",
}


def refers_to(kind: str, organization_id, ref: str) -> bool:
    """Whether any incident of the organization (the trash included) refers to a
    configuration entry: deleting the entry then deactivates it instead."""
    if kind == "custom_field":
        query = {f"custom_field_data.{ref}": {"$exists": True}}
    elif kind in _REFERENCE_PATHS:
        query = {_REFERENCE_PATHS[kind]: ref}
    else:
        return False
    found = Incident._get_collection().find_one(
        {"organization_id": organization_id, **query}, projection={"_id": 1}
    )
    return found is not None


def incidents_sla_due(*, moment, limit: int) -> list[Incident]:
    """Incidents (every organization) with an SLA warning or breach to mark by `moment`,
    the most overdue first: read by the index `sla_next_at`, so the scan costs what is due."""
    raws = (
        Incident._get_collection()
        .find({"sla.next_at": {"$lte": moment}}, projection={"history": 0})
        .sort("sla.next_at", 1)
        .limit(limit)
    )
    return [Incident._from_son(raw) for raw in raws]


# Every stored moment is after this: a range on `directory_pending` that its sparse index
# serves (as `$exists` may not be, on every server).
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def incidents_owing_directory(*, organization_id=None, limit: int) -> list[dict]:
    """Incidents (every organization, or `organization_id`'s) that owe the requester
    directory an update, oldest debt first, read by the index `directory_pending`: the
    raw id, organization, requester and debt of each."""
    query: dict = {"directory_pending": {"$gte": _EPOCH}}
    if organization_id is not None:
        query["organization_id"] = organization_id
    cursor = (
        Incident._get_collection()
        .find(query, projection={"organization_id": 1, "requester": 1, "directory_pending": 1})
        .sort("directory_pending", 1)
        .limit(limit)
    )
    return list(cursor)


def incidents_resolved_before(*, cutoff, limit: int, organization_id=None) -> list[Incident]:
    """Resolved incidents resolved before `cutoff`, oldest first, of the organizations
    `organization_id` selects (a value or a query operator; None: every one)."""
    query = {
        "basic_info.status_id": choices.STATUS_RESOLVED,
        "close_info.resolved_at": {"$lte": cutoff},
    }
    if organization_id is not None:
        query["organization_id"] = organization_id
    raws = (
        Incident._get_collection()
        .find(
            query,
            projection={"history": 0},
        )
        .sort("close_info.resolved_at", 1)
        .limit(limit)
    )
    return [Incident._from_son(raw) for raw in raws if not raw.get("is_deleted")]
