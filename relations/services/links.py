"""Relations between incidents: parent and child, and related.

A relation is an entry in `reference[]` on both incidents (a parent on one side is a
child on the other; related on both), each side written by its own compare-and-set.
The child's side is written last: it is the one that counts (the `parent=` filter and
resolving a parent read it), so a process killed in between leaves at most an entry on
the parent that a retry of the same call completes.

Rules: an incident has at most one parent and at most MAX_CHILDREN children, at most
MAX_RELATED related incidents, and no incident is its own ancestor, checked by walking up
from the new parent. Two links made at once could each pass that check and together close
a cycle (A under B, B under A), so parent/child links of one organization are made one at
a time: where the server has transactions, each link is one transaction that first writes
the organization's `HierarchyLock` (a second link waits for the first, or conflicts and
is run again, `mongo.all_or_nothing`), and both sides of the relation are stored or
neither; without them (the embedded store, a standalone MongoDB), one at a time within
the process, with the parent's side taken back when the child's fails.
"""

import contextlib
import threading

from pymongo.errors import DuplicateKeyError

from incidents import public as incidents
from relations.documents import HierarchyLock
from relations.selectors import children_of, incident_by_id, parent_id_of
from relations.services.common import entries_of, entry, error_data, names
from servicedesk import mongo
from servicedesk.errors import Conflict, DomainError, NotFound, invalid
from servicedesk.tenancy.principal import Principal

PARENT, CHILD, RELATED = (
    incidents.REFERENCE_PARENT,
    incidents.REFERENCE_CHILD,
    incidents.REFERENCE_RELATED,
)
TYPES = (PARENT, CHILD, RELATED)
LINK_TYPES = (PARENT, CHILD, RELATED)
MAX_CHILDREN = 1_000
MAX_RELATED = 100
REVERSE = {PARENT: CHILD, CHILD: PARENT, RELATED: RELATED}


def _other(principal: Principal, ref: str):
    try:
        return incidents.incident_get(principal=principal, value=ref)
    except NotFound:
        raise NotFound("No such incident.", field="incident") from None


def _add(kind: str, other, *, limit: int | None = None, one: bool = False):
    """A plan that adds an entry of `kind` naming `other` (nothing if it is there)."""

    def plan(current):
        change = incidents.Change()
        if names(current, kind, other.id):
            return change
        present = entries_of(current, kind)
        if one and present:
            raise Conflict(
                f"{current.display_id} already has a parent ({present[0].get('display_id')}); "
                "remove that relation first.",
                code="has_parent",
                field="incident",
            )
        if limit is not None and len(present) >= limit:
            raise Conflict(
                f"{current.display_id} has {len(present)} {kind} incidents, the most it may have.",
                code=f"too_many_{'children' if kind == CHILD else kind}",
                field="incident",
            )
        added = entry(kind, other, status=other.basic_info.status)
        change.set["reference"] = [dict(item) for item in current.reference] + [added]
        if kind == PARENT:
            change.set["parent_incident_id"] = other.id
        change.record(action="relation_added", field_name="reference", new=added)
        return change

    return plan


def _drop(other_id: str, kinds: tuple[str, ...]):
    """A plan that removes the entries of `kinds` naming `other_id`."""

    def plan(current):
        change = incidents.Change()
        kept, dropped = [], []
        for item in current.reference:
            gone = item.get("type") in kinds and item.get("incident_id") == other_id
            (dropped if gone else kept).append(dict(item))
        if dropped:
            change.set["reference"] = kept
            if any(item.get("type") == PARENT for item in dropped):
                change.set["parent_incident_id"] = None
            for item in dropped:
                change.record(action="relation_removed", field_name="reference", old=item)
        return change

    return plan


def _commit(principal: Principal, incident, plan, work: mongo.Work | None = None):
    stored, _ = incidents.incident_commit(
        principal=principal, incident=incident, plan=plan, work=work
    )
    return stored


def _check_no_cycle(principal: Principal, *, parent, child) -> None:
    """Refuse when `child` is `parent` or one of its ancestors (as stored now)."""
    seen = {str(parent.id)}
    current = incident_by_id(principal=principal, incident_id=str(parent.id)) or parent
    while True:
        if current.id == child.id:
            raise invalid(
                "incident",
                f"{child.display_id} is an ancestor of {parent.display_id}: the relation "
                "would make a cycle.",
                code="cycle",
            )
        up = parent_id_of(current)
        if up is None or up in seen:
            return
        seen.add(up)
        current = incident_by_id(principal=principal, incident_id=up)
        if current is None:
            return


def relation_add(*, principal: Principal, incident, kind: str, other_ref: str):
    """Relate `incident` to the incident `other_ref` names: `kind` is what the other one
    is to it (its parent, its child, or related). Adding one that exists changes nothing.
    Answers `incident` as stored."""
    other = _other(principal, other_ref)
    if other.id == incident.id:
        raise invalid("incident", "An incident cannot be related to itself.", code="same_incident")
    if kind == RELATED:
        incident = _commit(principal, incident, _add(RELATED, other, limit=MAX_RELATED))
        try:
            _commit(principal, other, _add(RELATED, incident, limit=MAX_RELATED))
        except DomainError:
            incident = _commit(principal, incident, _drop(str(other.id), (RELATED,)))
            raise
        return incident
    parent, child = (other, incident) if kind == PARENT else (incident, other)
    if parent_id_of(child) not in (None, str(parent.id)):
        # Refused before anything is written; the child's own write checks it again.
        _add(PARENT, parent, one=True)(child)
    parent, child = _link(principal, parent, child)
    return parent if incident.id == parent.id else child


# Without transactions: the parent/child links of this process, one at a time.
_LINKING = threading.Lock()


def _link(principal: Principal, parent, child):
    """Make `child` a child of `parent`, one link of the organization at a time (see the
    module doc); both as stored after."""
    lock = str(principal.organization_id)

    def change(work: mongo.Work):
        if work.session is not None:
            HierarchyLock._get_collection().update_one(
                {"_id": lock}, {"$inc": {"links": 1}}, session=work.session
            )
        _check_no_cycle(principal, parent=parent, child=child)
        stored_parent = _commit(principal, parent, _add(CHILD, child, limit=MAX_CHILDREN), work)
        try:
            stored_child = _commit(principal, child, _add(PARENT, stored_parent, one=True), work)
        except DomainError:
            if work.session is None:  # a transaction takes the parent's side back itself
                _commit(principal, stored_parent, _drop(str(child.id), (CHILD,)))
            raise
        return stored_parent, stored_child

    if not mongo.transactions():
        with _LINKING:
            return change(mongo.Work())
    with contextlib.suppress(DuplicateKeyError):  # made by another link meanwhile
        # outside the transaction: two first links must not both insert it
        HierarchyLock._get_collection().update_one(
            {"_id": lock}, {"$setOnInsert": {"links": 0}}, upsert=True
        )
    return mongo.all_or_nothing(change)


def relation_remove(*, principal: Principal, incident, other_ref: str) -> None:
    """Remove every relation between `incident` and the incident `other_ref` names, on
    both sides. 404 when there is none."""
    other = _other(principal, other_ref)
    if not any(names(incident, kind, other.id) for kind in TYPES):
        raise NotFound(
            f"{incident.display_id} has no relation with {other.display_id}.", field="incident"
        )
    kinds = [kind for kind in TYPES if names(incident, kind, other.id)]
    reverse = tuple(REVERSE[kind] for kind in kinds)
    sides = [(other, str(incident.id), reverse), (incident, str(other.id), tuple(kinds))]
    if PARENT in kinds:  # `incident` is the child: its side first
        sides.reverse()
    # The child's side first (the side that counts), then the parent's: a parent's child
    # entry outlives its child's parent entry, never the other way round, so a parent
    # without child entries truly has no children (children_resolve relies on it).
    for side, other_id, dropped in sides:
        _commit(principal, side, _drop(other_id, dropped))


def children_resolve(*, principal: Principal, incident) -> dict:
    """After a parent is resolved: resolve its open children with the parent's resolution
    type and a closure note naming it; each child's outcome in `children`, and the
    parent's `reference[]` with their statuses brought up to date.

    A parent lists each of its children in `reference[]` (a `child` entry) for at least
    as long as the child names it: relation_add writes the parent's side first and
    relation_remove drops it last, merges write only `merged` entries, deletes and
    purges leave `reference[]` as it is, and clients cannot write these entries. So an
    incident without a child entry has no children and no query is sent for them (a
    resolve stays within three round trips)."""
    if not entries_of(incident, CHILD):
        return {}
    children = children_of(principal=principal, parent_id=incident.id, open_only=True)
    if not children:
        return {}
    note = f"<p>Resolved with its parent incident {incident.display_id}.</p>"
    results = []
    for child in children:
        outcome = {"incident_id": str(child.id), "display_id": child.display_id}
        try:
            stored = incidents.incident_resolve(
                principal=principal,
                incident=child,
                resolution_type=incident.close_info.resolution_type,
                closure_note=note,
            )
        except DomainError as exc:
            results.append(
                {
                    **outcome,
                    "ok": False,
                    "status": child.basic_info.status,
                    "error": error_data(exc),
                }
            )
            continue
        results.append({**outcome, "ok": True, "status": stored.basic_info.status})
    statuses = {result["incident_id"]: result["status"] for result in results}

    def refresh(current):
        change = incidents.Change()
        references = [dict(item) for item in current.reference]
        for item in references:
            wanted = statuses.get(item.get("incident_id"))
            if item.get("type") == CHILD and wanted is not None and item.get("status") != wanted:
                item["status"] = wanted
                change.set["reference"] = references
        return change

    try:
        parent = incidents.incident_commit(
            principal=principal, incident=incident, plan=refresh, announce=False
        )[0]
    except DomainError:
        return {"children": results}
    return {"children": results, "incident": incidents.incident_data(parent)}
