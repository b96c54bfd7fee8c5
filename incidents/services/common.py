"""The compare-and-set write every incident change goes through.

A change is planned against the incident as read (`plan(current) -> Change`),
then written with one `find_one_and_update` whose filter carries the version
that was read (on servers where that is not atomic, FerretDB 1.x, after
claiming the version step with a unique insert, see servicedesk.claims). If someone
else wrote in between, nothing is written: with an
`If-Match` the caller gets 412; otherwise the incident is read again and the
same request is planned again on the fresh state, so concurrent edits of
different fields both survive and a status change is checked against the
status it really leaves. History entries are pushed by the same update.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pymongo import ReturnDocument

from incidents.documents import HistoryEntry, Incident
from servicedesk import claims, mongo
from servicedesk.api.exceptions import Conflict, PreconditionFailed
from servicedesk.tenancy.services import Principal
from servicedesk.timeutil import now

MAX_ATTEMPTS = 8


class IncidentGone(Exception):
    """The incident disappeared (deleted, or never existed for this organization)."""


@dataclass
class Change:
    """What one request does to one incident: `$set` paths and history entries."""

    set: dict[str, Any] = field(default_factory=dict)
    inc: dict[str, int] = field(default_factory=dict)
    history: list[dict] = field(default_factory=list)

    def record(self, *, action: str, field_name: str = "", old=None, new=None) -> None:
        self.history.append({"action": action, "field": field_name, "old": old, "new": new})

    def put(self, path: str, old, new, *, action: str = "updated") -> None:
        """Set `path` to `new` and record the change, if it is one."""
        if old == new:
            return
        self.set[path] = new
        self.record(action=action, field_name=path, old=old, new=new)

    @property
    def empty(self) -> bool:
        return not (self.set or self.inc or self.history)


def _filter(*, principal: Principal, incident_id, deleted: bool = False) -> dict:
    return {"_id": incident_id, "organization_id": principal.organization_id, "is_deleted": deleted}


def load(*, principal: Principal, incident_id, deleted: bool = False) -> Incident:
    raw = Incident._get_collection().find_one(
        _filter(principal=principal, incident_id=incident_id, deleted=deleted),
        projection={"history": 0},
    )
    if raw is None:
        raise IncidentGone
    return Incident._from_son(raw)


def commit(
    *,
    principal: Principal,
    incident: Incident,
    plan: Callable[[Incident], Change],
    expected_version: int | None = None,
    deleted: bool = False,
) -> tuple[Incident, Change]:
    """Apply `plan` to `incident` atomically; returns the stored incident and the change.

    `plan` raises domain errors (validation, workflow) to refuse. `deleted`
    selects incidents in the trash (for restore).
    """
    collection = Incident._get_collection()
    current = incident
    for _ in range(MAX_ATTEMPTS):
        if expected_version is not None and current.version != expected_version:
            raise PreconditionFailed()
        change = plan(current)
        if change.empty:
            return current, change
        moment = now()
        entries = [
            HistoryEntry(at=moment, actor_id=principal.actor_id, **_entry(item)).to_mongo()
            for item in change.history
        ]
        update = {
            "$set": {
                **change.set,
                "last_update_time": moment,
                "updated_by_id": principal.actor_id,
                "version": current.version + 1,
            },
            "$push": {"history": {"$each": entries}},
        }
        if change.inc:
            update["$inc"] = change.inc
        query = {
            **_filter(principal=principal, incident_id=current.id, deleted=deleted),
            "version": current.version,
        }
        # One writer per version step: atomic findAndModify decides on MongoDB; where
        # it is read-then-write (FerretDB 1.x) a unique-insert claim decides first.
        if mongo.atomic_updates() or claims.take(f"incident:{current.id}:v{current.version + 1}"):
            # (No projection: FerretDB 1.x does not support one on findAndModify.)
            raw = collection.find_one_and_update(
                query, update, return_document=ReturnDocument.AFTER
            )
            if raw is not None:
                raw.pop("history", None)
                return Incident._from_son(raw), change
        current = load(principal=principal, incident_id=current.id, deleted=deleted)
    raise Conflict("The incident is being changed by others; try again.", code="busy")


def _entry(item: dict) -> dict:
    return {
        "action": item["action"],
        "field": item["field"],
        "old": item["old"],
        "new": item["new"],
    }
